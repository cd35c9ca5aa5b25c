/**
 * The storage interface every registry backend implements. A backend only
 * reads and writes tags; the rules (counters, idempotency, policy) live in
 * `Registry`, so they are identical for every backend.
 */
import type { TagRecord, Tagger } from './types.js';

/** An annotated tag to create. */
export interface CreateTagRequest {
  /** Tag name without `refs/tags/`. */
  name: string;
  /** Full commit SHA the tag points at. */
  commit: string;
  /** The exact message bytes (already formatted by `formatTagMessage`). */
  message: string;
  tagger: Tagger;
}

/** Which tags a read needs. */
export interface ListTagsOptions {
  /**
   * Only this model's tags are needed (full name, e.g. `models/churn:churn`).
   * Backends may use it to read less; they may also return more.
   */
  model?: string;
}

/** A tag store: a git repository or a GitHub repository. */
export interface RegistryBackend {
  /** For messages: `git repository /path` or `GitHub acme/churn`. */
  readonly description: string;
  /** Reads tags, lightweight ones included (they count for counters but not as events). */
  listTags(options?: ListTagsOptions): Promise<TagRecord[]>;
  /** Resolves a revision (branch, tag, SHA) to a full commit SHA. */
  resolveCommit(revision: string): Promise<string>;
  /**
   * Creates an annotated tag with compare-and-swap semantics: when the name
   * already exists it throws `ConflictError` and changes nothing.
   */
  createTag(request: CreateTagRequest): Promise<TagRecord>;
  /** The identity tags are written as when the caller names none. */
  defaultTagger(): Promise<{ name: string; email: string }>;
  /** Brings the backend's view up to date before a write (git: fetch the remote's tags). */
  refresh?(): Promise<void>;
}
