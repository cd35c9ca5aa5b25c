/**
 * Turns tags into per-model event histories, resolving what GTO resolves:
 * which version each stage tag is about, which versions are active, and which
 * version holds each stage.
 */
import { parseTagMessage } from './message.js';
import { trailersToMetadata } from './metadata.js';
import { parseModelName } from './names.js';
import { compareVersions } from './semver.js';
import { parseTagName, type ParsedTagName, type TagAction } from './tag-name.js';
import type { IgnoredTag, RegistryEvent, TagRecord } from './types.js';

/** One version as the index tracks it. */
export interface VersionIndex {
  version: string;
  commit: string;
  /** False for a commit that was assigned a stage without being registered. */
  registered: boolean;
  /** The first registration (or, for commit-only versions, the first stage event). */
  origin: RegistryEvent;
  /** Newest registration/deregistration wins. */
  active: boolean;
}

/** A (version, stage) pair's assignment status. */
export interface StageSlot {
  version: string;
  stage: string;
  active: boolean;
  /** The newest assignment, and its position in `events` (the order key). */
  lastAssign: RegistryEvent;
  lastAssignIndex: number;
  /** Every assignment of this version to this stage, oldest first. */
  assignments: RegistryEvent[];
}

/** Everything known about one model. */
export interface ModelIndex {
  name: string;
  path: string | null;
  /** Events oldest first: tagger date, then counter, then GTO's event priority, then tag name. */
  events: RegistryEvent[];
  versions: Map<string, VersionIndex>;
  /** `${version}\u0000${stage}` -> slot. */
  slots: Map<string, StageSlot>;
  /** Stages in the order they were first assigned. */
  stageOrder: string[];
  /** Highest `#N` over every tag of the model, lightweight ones included (GTO counts them too). */
  maxCounter: number;
  /** Newest tagger date over the model's events (0 when none). */
  lastDate: number;
  /** Every tag name of the model, counted or not. */
  tagNames: Set<string>;
}

/** The whole registry, indexed. */
export interface RegistryIndex {
  models: Map<string, ModelIndex>;
  ignored: IgnoredTag[];
}

// GTO's event priorities, used when two events share a second and a counter.
const PRIORITY: Record<TagAction, number> = { create: 1, deprecate: 2, register: 3, deregister: 4, assign: 5, unassign: 6 };

function compareEvents(a: RegistryEvent, b: RegistryEvent): number {
  return (
    a.date - b.date ||
    (a.counter ?? 0) - (b.counter ?? 0) ||
    PRIORITY[a.action] - PRIORITY[b.action] ||
    (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)
  );
}

/** An index entry for a model that has no tags yet. */
export function emptyModel(name: string): ModelIndex {
  const parsed = parseModelName(name);
  return {
    name,
    path: parsed?.path ?? null,
    events: [],
    versions: new Map(),
    slots: new Map(),
    stageOrder: [],
    maxCounter: 0,
    lastDate: 0,
    tagNames: new Set(),
  };
}

/** Decodes one annotated registry tag (the caller checked it has a tagger and a commit). */
export function eventFromTag(parsed: ParsedTagName, record: TagRecord, commit: string): RegistryEvent {
  const tagger = record.tagger!;
  const message = parseTagMessage(record.message ?? '');
  return {
    tag: parsed.tag,
    model: parsed.model,
    action: parsed.action,
    version: parsed.version ?? null,
    stage: parsed.stage ?? null,
    counter: parsed.counter ?? null,
    commit,
    date: tagger.date,
    timezone: tagger.timezone,
    created: new Date(tagger.date * 1000).toISOString(),
    author: tagger.name,
    authorEmail: tagger.email,
    subject: message.subject,
    trailers: message.trailers,
    metadata: trailersToMetadata(message.trailers),
  };
}

/** Indexes tags from any backend. Non-registry tags are skipped silently; broken registry tags are listed in `ignored`. */
export function indexRegistry(tags: readonly TagRecord[]): RegistryIndex {
  const models = new Map<string, ModelIndex>();
  const ignored: IgnoredTag[] = [];
  const modelOf = (name: string): ModelIndex => {
    let model = models.get(name);
    if (!model) models.set(name, (model = emptyModel(name)));
    return model;
  };

  for (const record of tags) {
    const parsed = parseTagName(record.name);
    if (!parsed) continue;
    const model = modelOf(parsed.model);
    model.tagNames.add(parsed.tag);
    if (parsed.counter !== undefined && parsed.counter > model.maxCounter) model.maxCounter = parsed.counter;
    if (!record.annotated) {
      ignored.push({ tag: parsed.tag, reason: 'lightweight tag: only annotated tags count (recreate it with `git tag -a`)' });
    } else if (record.commit === undefined) {
      ignored.push({ tag: parsed.tag, reason: 'points at something other than a commit' });
    } else if (record.tagger === undefined) {
      ignored.push({ tag: parsed.tag, reason: 'annotated tag without a tagger line' });
    } else {
      model.events.push(eventFromTag(parsed, record, record.commit));
    }
  }

  for (const model of models.values()) {
    model.events.sort(compareEvents);
    model.lastDate = model.events.reduce((latest, event) => Math.max(latest, event.date), 0);
    indexVersions(model, ignored);
    indexStages(model);
  }
  // Models whose tags were all ignored stay in the index: writers still need their counters.
  return { models, ignored };
}

function indexVersions(model: ModelIndex, ignored: IgnoredTag[]): void {
  for (const event of model.events) {
    if (event.action !== 'register' && event.action !== 'deregister') continue;
    const version = event.version!;
    const known = model.versions.get(version);
    if (event.action === 'register') {
      if (!known) {
        model.versions.set(version, { version, commit: event.commit, registered: true, origin: event, active: true });
      } else if (known.commit !== event.commit) {
        ignored.push({ tag: event.tag, reason: `registers ${version} again at another commit (first at ${known.commit.slice(0, 12)})` });
      } else {
        known.active = true;
      }
    } else if (!known) {
      ignored.push({ tag: event.tag, reason: `deregisters ${version}, which was never registered` });
    } else {
      known.active = false;
    }
  }
}

const VERSION_IN_SUBJECT = /version '?(v[^\s']+)'?$/;

/** The version a stage tag at `commit` is about (GTO: the version registered at that commit). */
function versionForStageEvent(model: ModelIndex, atCommit: Map<string, VersionIndex[]>, event: RegistryEvent): VersionIndex {
  const candidates = atCommit.get(event.commit) ?? [];
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    // GTO gives up here (ManyVersions); the message names the version, so use it.
    const named = VERSION_IN_SUBJECT.exec(event.subject)?.[1];
    const byName = candidates.find((candidate) => candidate.version === named);
    if (byName) return byName;
    const before = candidates.filter((candidate) => candidate.origin.date <= event.date);
    return (before.length > 0 ? before : candidates).at(-1)!;
  }
  const discovered: VersionIndex = { version: event.commit, commit: event.commit, registered: false, origin: event, active: true };
  model.versions.set(event.commit, discovered);
  atCommit.set(event.commit, [discovered]);
  return discovered;
}

function indexStages(model: ModelIndex): void {
  const atCommit = new Map<string, VersionIndex[]>();
  for (const version of model.versions.values()) {
    const list = atCommit.get(version.commit);
    if (list) list.push(version);
    else atCommit.set(version.commit, [version]);
  }
  model.events.forEach((event, index) => {
    if (event.action !== 'assign' && event.action !== 'unassign') return;
    const version = versionForStageEvent(model, atCommit, event);
    event.version = version.version;
    const stage = event.stage!;
    if (!model.stageOrder.includes(stage)) model.stageOrder.push(stage);
    const key = `${version.version}\u0000${stage}`;
    const slot = model.slots.get(key);
    if (event.action === 'assign') {
      if (slot) {
        slot.active = true;
        slot.lastAssign = event;
        slot.lastAssignIndex = index;
        slot.assignments.push(event);
      } else {
        model.slots.set(key, { version: version.version, stage, active: true, lastAssign: event, lastAssignIndex: index, assignments: [event] });
      }
    } else if (slot) {
      slot.active = false;
    }
  });
}

/**
 * The version holding `stage`: among active versions whose assignment to the
 * stage was not undone, the one assigned most recently (GTO's resolution with
 * one version per stage, sorted by time).
 */
export function stageHolder(model: ModelIndex, stage: string): { version: VersionIndex; since: RegistryEvent } | undefined {
  let best: StageSlot | undefined;
  for (const slot of model.slots.values()) {
    if (slot.stage !== stage || !slot.active) continue;
    if (!model.versions.get(slot.version)?.active) continue;
    if (!best || slot.lastAssignIndex > best.lastAssignIndex) best = slot;
  }
  return best ? { version: model.versions.get(best.version)!, since: best.lastAssign } : undefined;
}

/** True when the model's newest event is a deprecation. */
export function isDeprecated(model: ModelIndex): boolean {
  return model.events.at(-1)?.action === 'deprecate';
}

/** The registered, not deregistered version with the highest SemVer precedence. */
export function latestVersion(model: ModelIndex): VersionIndex | undefined {
  let best: VersionIndex | undefined;
  for (const version of model.versions.values()) {
    if (!version.registered || !version.active) continue;
    if (!best || compareVersions(version.version, best.version) > 0) best = version;
  }
  return best;
}
