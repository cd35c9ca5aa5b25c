/**
 * The shapes the registry passes around: raw tags from a backend, the events
 * they record, and the state derived from them.
 */
import type { Trailer } from './message.js';
import type { TagMetadata } from './metadata.js';
import type { TagAction } from './tag-name.js';

/** Who wrote an annotated tag, and when. */
export interface Tagger {
  name: string;
  email: string;
  /** Unix time in seconds (git's tagger date resolution). */
  date: number;
  /** The tagger's UTC offset as git writes it, e.g. `+0000`, `-0500`. */
  timezone: string;
}

/** One tag as a backend reads it. */
export interface TagRecord {
  /** The tag name without `refs/tags/`. */
  name: string;
  /** False for lightweight tags, which the registry reports and ignores. */
  annotated: boolean;
  /** The commit the tag points at (after peeling); absent when it points at a tree, a blob or another tag. */
  commit?: string;
  /** The tag object's id, for annotated tags. */
  objectId?: string;
  tagger?: Tagger;
  /** The full tag message. */
  message?: string;
}

/** One registry event, decoded from an annotated tag. */
export interface RegistryEvent {
  tag: string;
  model: string;
  action: TagAction;
  /** The version the event is about; for stage events, the version registered at the tag's commit (or the commit itself when none is). */
  version: string | null;
  stage: string | null;
  counter: number | null;
  commit: string;
  /** Unix seconds. */
  date: number;
  timezone: string;
  /** ISO 8601 UTC. */
  created: string;
  author: string;
  authorEmail: string;
  /** The message's first line (GTO's text). */
  subject: string;
  trailers: Trailer[];
  metadata: TagMetadata;
}

/** A tag that looks like a registry tag but does not count, and why. */
export interface IgnoredTag {
  tag: string;
  reason: string;
}

/** One version of a model in the derived state. */
export interface VersionState {
  /** `v1.4.0`, or the commit SHA for a commit that was assigned a stage without being registered (GTO does the same). */
  version: string;
  /** False for such commit-only versions. */
  registered: boolean;
  commit: string;
  /** ISO 8601 UTC time of the registration. */
  created: string;
  author: string;
  authorEmail: string;
  /** The registration tag; null for commit-only versions. */
  tag: string | null;
  deregistered: boolean;
  /** Stages this version currently holds. */
  stages: string[];
  metadata: TagMetadata;
}

/** One model in the derived state. */
export interface ModelState {
  /** GTO's full name: `churn`, or `models/churn:churn` in a monorepo. */
  name: string;
  /** The monorepo directory, or null. */
  path: string | null;
  /** Highest SemVer first; commit-only versions last. */
  versions: VersionState[];
  /** stage -> the version holding it. */
  stages: Record<string, string>;
  /** Highest SemVer among registered versions that are not deregistered. */
  latest: string | null;
  /** True when the model's newest event is a deprecation. */
  deprecated: boolean;
}

/** `registryState(tags)`: everything the tags say. */
export interface RegistryState {
  /** Sorted by name. */
  models: ModelState[];
  /** Registry-looking tags that were not counted. */
  ignored: IgnoredTag[];
}
