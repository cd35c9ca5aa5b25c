/**
 * The registry's rules, identical for every backend: counters, compare-and-swap
 * retries, idempotent re-runs, one version per commit (GTO's rule), stage
 * policy and rollbacks.
 */
import { ConflictError, UsageError } from '../errors/index.js';
import type { ModelConfig, ModelsConfig } from '../config/models.js';
import type { RegistryBackend } from './backend.js';
import { describeEvent } from './describe.js';
import { PolicyError, RegistryError } from './errors.js';
import { defaultSubject, formatTagMessage } from './message.js';
import { metadataToTrailers, type TagMetadata } from './metadata.js';
import { emptyModel, eventFromTag, indexRegistry, isDeprecated, latestVersion, stageHolder, type ModelIndex, type VersionIndex } from './model-index.js';
import { requireAssignableStageName, requireModelName, requireStageName } from './names.js';
import { assignmentBlocker, configuredModels, stagePolicyOf, type StagePolicy } from './policy.js';
import { bumpVersion, isVersion, type BumpPart } from './semver.js';
import { stageTimeline } from './stage-history.js';
import { championOf, findModel, summarizeModel, summarizeRegistry } from './state.js';
import { parseTagName, requireTagName, formatTagName } from './tag-name.js';
import type { IgnoredTag, ModelState, RegistryEvent, RegistryState, VersionState } from './types.js';

/** How a `Registry` works. */
export interface RegistryOptions {
  backend: RegistryBackend;
  /** The `models:` section of `.github/tollgate.yml`: stage policy, champion stage, monorepo paths. */
  models?: ModelsConfig;
  /** Write attempts when other writers take the same tag name (default 5). */
  maxAttempts?: number;
  /** The clock, in unix seconds (tests pin it). */
  now?: () => number;
  /** Who tags are written as (default: the backend's identity). */
  tagger?: { name: string; email: string };
}

/** The outcome of a write. */
export interface WriteResult {
  /** False when the registry already recorded exactly this (a re-run): nothing was written. */
  created: boolean;
  event: RegistryEvent;
  /** 1, or more when another writer took the tag name first and the counter was recomputed. */
  attempts: number;
}

/** `register`'s arguments: exactly one of `version` and `bump`. */
export interface RegisterRequest {
  model: string;
  version?: string;
  bump?: BumpPart;
  /** The revision to tag (default `HEAD` for git, required for GitHub unless a SHA). */
  ref?: string;
  metadata?: TagMetadata;
}

/** `assign`'s arguments. */
export interface AssignRequest {
  model: string;
  stage: string;
  /** Default: the latest version. */
  version?: string;
  /** Bypass the previous-stage rule; the bypass is recorded in `Tollgate-Forced`. */
  force?: boolean;
  /** Why it was forced (recorded instead of the default text). */
  reason?: string;
  metadata?: TagMetadata;
}

/** `unassign`'s arguments. */
export interface UnassignRequest {
  model: string;
  stage: string;
  /** Default: the version holding the stage. */
  version?: string;
  metadata?: TagMetadata;
}

/** `rollback`'s arguments. */
export interface RollbackRequest {
  model: string;
  stage: string;
  /** Default: the previous holder that was not itself rolled back. */
  to?: string;
  metadata?: TagMetadata;
}

/** What `resolve` finds. */
export interface Resolution {
  model: string;
  /** The stage asked for, or `latest`. */
  stage: string;
  version: VersionState;
}

type Plan = { done: RegistryEvent } | { tag: string; commit: string; message: string; version: string | null };

/**
 * What a plan took for granted, as named facts (`the holder of 'production'`
 * -> `v3.0.0`). After a lost race the plan is made again on the new tags; it is
 * written only if every fact is unchanged (only the counter moved), else the
 * write fails with a `ConflictError` naming what changed.
 */
type Basis = ReadonlyArray<readonly [fact: string, value: string | null]>;

const IDENTITY_FIELDS = ['sourceCommit', 'dataFingerprint', 'metricsDigest'] as const;

/** A model registry over one backend. */
export class Registry {
  readonly backend: RegistryBackend;
  private readonly configs: Map<string, ModelConfig>;
  private readonly shortNames: Map<string, string>;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private readonly tagger: { name: string; email: string } | undefined;

  constructor(options: RegistryOptions) {
    this.backend = options.backend;
    this.configs = configuredModels(options.models);
    this.shortNames = new Map([...this.configs.keys()].map((full) => [requireModelName(full).name, full]));
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.tagger = options.tagger;
  }

  /** A name as typed -> the registry name: a configured monorepo model may be called by its short name. */
  modelName(name: string): string {
    const parsed = requireModelName(name);
    return parsed.path === null ? (this.shortNames.get(parsed.name) ?? parsed.fullName) : parsed.fullName;
  }

  /** The policy for a model (open when it is not configured). */
  policy(model: string): StagePolicy {
    return stagePolicyOf(this.configs.get(this.modelName(model)));
  }

  /** The whole registry, or one model of it (reading only that model's tags). */
  async state(model?: string): Promise<RegistryState> {
    if (model === undefined) return summarizeRegistry(indexRegistry(await this.backend.listTags()));
    const name = this.modelName(model);
    const index = indexRegistry(await this.backend.listTags({ model: name }));
    const history = index.models.get(name);
    return { models: history && history.events.length > 0 ? [summarizeModel(history)] : [], ignored: index.ignored };
  }

  /** One model's state; a `RegistryError` when it has no events. */
  async model(model: string): Promise<ModelState> {
    return (await this.modelState(model)).models[0];
  }

  /** The registry state restricted to one model (which must exist), with its ignored tags. */
  async modelState(model: string): Promise<RegistryState & { models: [ModelState] }> {
    const name = this.modelName(model);
    const state = await this.state(name);
    const found = findModel(state.models, name);
    if (!found) throw new RegistryError(`model '${name}' has no registry tags in ${this.backend.description} (check the name, or fetch tags: \`git fetch --tags\`)`);
    return { models: [found], ignored: state.ignored };
  }

  /** A model's events, oldest first. */
  async history(model: string): Promise<RegistryEvent[]> {
    const name = this.modelName(model);
    return indexRegistry(await this.backend.listTags({ model: name })).models.get(name)?.events ?? [];
  }

  /**
   * The version of `model` in `stage` (`champion` = the configured champion
   * stage, `latest` = highest SemVer); null when there is none.
   */
  async resolve(model: string, stage: string): Promise<Resolution | null> {
    const name = this.modelName(model);
    const wanted = stage === 'champion' ? this.policy(name).championStage : stage;
    const found = (await this.state(name)).models[0];
    if (!found) return null;
    const version =
      wanted === 'latest' ? (found.versions.find((entry) => entry.version === found.latest) ?? null) : championOf(found, requireStageName(wanted));
    return version ? { model: name, stage: wanted, version } : null;
  }

  /** What a tag records (like `gto check-ref`); `ignored` says why a registry-looking tag does not count. */
  async checkRef(tag: string): Promise<{ event?: RegistryEvent; ignored?: IgnoredTag; text: string }> {
    const parsed = requireTagName(tag);
    const index = indexRegistry(await this.backend.listTags({ model: parsed.model }));
    const event = index.models.get(parsed.model)?.events.find((candidate) => candidate.tag === parsed.tag);
    if (event) return { event, text: describeEvent(event) };
    const ignored = index.ignored.find((entry) => entry.tag === parsed.tag);
    if (ignored) return { ignored, text: `Tag '${parsed.tag}' is ignored: ${ignored.reason}` };
    throw new RegistryError(`tag '${parsed.tag}' does not exist in ${this.backend.description}`);
  }

  /** Registers a version: `model@vX.Y.Z` on a commit. Re-running with the same commit and metadata is a no-op. */
  async register(request: RegisterRequest): Promise<WriteResult> {
    const model = this.modelName(request.model);
    if ((request.version === undefined) === (request.bump === undefined)) throw new UsageError('give exactly one of a version (--version vX.Y.Z) or a bump (--bump major|minor|patch)');
    if (request.version !== undefined && !isVersion(request.version)) {
      throw new UsageError(`invalid version '${request.version}': expected 'v' + SemVer 2.0, e.g. v1.4.0 or v2.0.0-rc.1`);
    }
    await this.backend.refresh?.();
    const commit = await this.backend.resolveCommit(request.ref ?? 'HEAD');
    const metadata = request.metadata ?? {};
    // No basis: a bump re-planned after a lost race takes the next free version, as if the two registrations had run one after the other.
    return this.write(model, 'registration', () => [], (history) => {
      const taken = [...history.versions.values()].find((entry) => entry.registered && entry.commit === commit);
      // A bump re-run finds its own earlier registration on this commit: the same registration, not a new one.
      if (request.bump !== undefined && taken?.active) return { done: this.sameRegistration(history, taken, commit, metadata) };
      const version = request.version ?? bumpVersion(latestVersion(history)?.version ?? 'v0.0.0', request.bump!);
      const existing = history.versions.get(version);
      if (existing?.registered) return { done: this.sameRegistration(history, existing, commit, metadata) };
      if (taken) {
        throw new RegistryError(
          `commit ${commit.slice(0, 12)} already carries ${model} ${taken.version}${taken.active ? '' : ' (deregistered)'}; ` +
            'GTO maps stage tags to versions by commit, so a commit can carry only one version: register a new commit',
        );
      }
      const tag = formatTagName({ model, action: 'register', version });
      this.ensureFree(history, tag);
      const message = formatTagMessage(defaultSubject({ action: 'register', model, version }), metadataToTrailers(metadata));
      return { tag, commit, message, version };
    });
  }

  /** Assigns a stage: `model#stage#N`. Assigning the version that already holds the stage is a no-op. */
  async assign(request: AssignRequest): Promise<WriteResult> {
    const model = this.modelName(request.model);
    const stage = requireAssignableStageName(request.stage);
    const policy = this.policy(model);
    await this.backend.refresh?.();
    const basis = (history: ModelIndex): Basis => [
      [`the holder of '${stage}'`, stageHolder(history, stage)?.version.version ?? null],
      ...(request.version === undefined ? [['the latest version', latestVersion(history)?.version ?? null] as const] : []),
    ];
    return this.write(model, 'assignment', basis, (history) => {
      const entry = this.activeVersion(history, request.version ?? latestVersion(history)?.version);
      const holder = stageHolder(history, stage);
      if (holder?.version.version === entry.version) return { done: holder.since };
      const blocker = assignmentBlocker(history, entry.version, stage, policy);
      if (blocker && !request.force) {
        throw new PolicyError(`${blocker}. Assign the earlier stage first, or force it (--force, recorded in the tag as Tollgate-Forced)`);
      }
      const forced = blocker ? (request.reason?.trim() || `policy bypassed: ${blocker}`) : request.metadata?.forced;
      return this.stagePlan(history, 'assign', stage, entry, { ...request.metadata, forced });
    });
  }

  /** Unassigns a stage: `model#stage!#N`; the previous holder takes the stage back. */
  async unassign(request: UnassignRequest): Promise<WriteResult> {
    const model = this.modelName(request.model);
    const stage = requireStageName(request.stage);
    await this.backend.refresh?.();
    const basis = (history: ModelIndex): Basis => [[`the holder of '${stage}'`, stageHolder(history, stage)?.version.version ?? null]];
    return this.write(model, 'unassignment', basis, (history) => {
      const version = request.version ?? stageHolder(history, stage)?.version.version;
      if (version === undefined) throw new RegistryError(`no version of ${model} holds '${stage}'; nothing to unassign`);
      const slot = history.slots.get(`${version}\u0000${stage}`);
      if (!slot) throw new RegistryError(`${model} ${version} was never assigned '${stage}'`);
      if (!slot.active) {
        const undone = history.events.findLast((event) => event.action === 'unassign' && event.stage === stage && event.version === version);
        if (undone) return { done: undone };
      }
      const entry = history.versions.get(version)!;
      return this.stagePlan(history, 'unassign', stage, entry, request.metadata ?? {});
    });
  }

  /** Deregisters a version: `model@vX.Y.Z!`. Its stages go back to their previous holders. */
  async deregister(request: { model: string; version: string; metadata?: TagMetadata }): Promise<WriteResult> {
    const model = this.modelName(request.model);
    await this.backend.refresh?.();
    return this.write(model, 'deregistration', () => [], (history) => {
      const entry = history.versions.get(request.version);
      if (!entry?.registered) throw new RegistryError(`${model} ${request.version} is not registered${this.knownVersions(history)}`);
      if (!entry.active) {
        return { done: history.events.findLast((event) => event.action === 'deregister' && event.version === entry.version)! };
      }
      const tag = this.simpleOrCounted(history, { model, action: 'deregister', version: entry.version });
      const message = formatTagMessage(defaultSubject({ action: 'deregister', model, version: entry.version }), metadataToTrailers(request.metadata ?? {}));
      return { tag, commit: entry.commit, message, version: entry.version };
    });
  }

  /** Deprecates a model: `model@deprecated` on the commit of its newest event. */
  async deprecate(request: { model: string; metadata?: TagMetadata }): Promise<WriteResult> {
    const model = this.modelName(request.model);
    await this.backend.refresh?.();
    return this.write(model, 'deprecation', () => [], (history) => {
      const newest = history.events.at(-1);
      if (!newest) throw new RegistryError(`model '${model}' has no registry tags in ${this.backend.description}; nothing to deprecate`);
      if (isDeprecated(history)) return { done: newest };
      const tag = this.simpleOrCounted(history, { model, action: 'deprecate' });
      const message = formatTagMessage(defaultSubject({ action: 'deprecate', model }), metadataToTrailers(request.metadata ?? {}));
      return { tag, commit: newest.commit, message, version: null };
    });
  }

  /**
   * Rolls a stage back by assigning the previous holder again with a new tag
   * (tags are never deleted). Versions that were rolled away from are skipped,
   * so rolling back twice goes two holders back.
   */
  async rollback(request: RollbackRequest): Promise<WriteResult> {
    const model = this.modelName(request.model);
    const stage = requireAssignableStageName(request.stage);
    await this.backend.refresh?.();
    const basis = (history: ModelIndex): Basis => {
      const current = stageHolder(history, stage)?.version.version ?? null;
      let target: string | null = request.to ?? null;
      if (request.to === undefined && current !== null) {
        try {
          target = this.previousHolder(history, stage, current).version;
        } catch {
          target = null;
        }
      }
      return [
        [`the holder of '${stage}'`, current],
        ['the version to roll back to', target],
      ];
    };
    return this.write(model, 'rollback', basis, (history) => {
      const holder = stageHolder(history, stage);
      if (!holder) throw new RegistryError(`no version of ${model} holds '${stage}'; nothing to roll back`);
      const current = holder.version.version;
      const target = request.to === undefined ? this.previousHolder(history, stage, current) : this.activeVersion(history, request.to);
      if (target.version === current) return { done: holder.since };
      if (!history.slots.has(`${target.version}\u0000${stage}`)) {
        throw new RegistryError(`${model} ${target.version} never held '${stage}'; a rollback can only return to an earlier holder (use assign to promote it)`);
      }
      return this.stagePlan(history, 'assign', stage, target, { ...request.metadata, rollbackFrom: current });
    });
  }

  /**
   * Reads, plans and writes until the write lands or `maxAttempts` conflicts
   * happened. A retry after a lost race writes only when the facts the first
   * plan relied on (`factsOf`) still hold; if the other writer changed them, the
   * first plan's decision is void and a `ConflictError` says what changed.
   */
  private async write(model: string, operation: string, factsOf: (history: ModelIndex) => Basis, plan: (history: ModelIndex) => Plan): Promise<WriteResult> {
    let identity = this.tagger;
    let lastConflict: ConflictError | undefined;
    let first: { facts: Basis; tags: ReadonlySet<string> } | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const history = indexRegistry(await this.backend.listTags({ model })).models.get(model) ?? emptyModel(model);
      let next: Plan;
      try {
        next = plan(history);
      } catch (error) {
        // The new tags may make the plan impossible ("nothing to roll back to"): that is the race, say so.
        if (first) this.ensureUnchanged(history, operation, first, factsOf(history), lastConflict, error);
        throw error;
      }
      // The registry now records exactly what was asked (the other writer did the same thing): nothing to write.
      if ('done' in next) return { created: false, event: next.done, attempts: attempt };
      const facts = factsOf(history);
      if (first) this.ensureUnchanged(history, operation, first, facts, lastConflict);
      else first = { facts, tags: history.tagNames };
      identity ??= await this.backend.defaultTagger();
      // Strictly increasing dates per model keep GTO's time order equal to our counter order.
      const tagger = { ...identity, date: Math.max(this.now(), history.lastDate + 1), timezone: '+0000' };
      try {
        const record = await this.backend.createTag({ name: next.tag, commit: next.commit, message: next.message, tagger });
        const event = eventFromTag(parseTagName(record.name)!, record, next.commit);
        if (next.version !== null) event.version = next.version;
        return { created: true, event, attempts: attempt };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        lastConflict = error;
      }
    }
    throw new ConflictError(
      `${model}: gave up after ${this.maxAttempts} attempts, other writers kept taking the same tag name (${lastConflict?.message}); run the command again`,
    );
  }

  /** Throws a `ConflictError` naming every fact of the first plan that the other writer changed. */
  private ensureUnchanged(
    history: ModelIndex,
    operation: string,
    first: { facts: Basis; tags: ReadonlySet<string> },
    facts: Basis,
    lost: ConflictError | undefined,
    cause?: unknown,
  ): void {
    const now = new Map(facts);
    const changed = first.facts
      .filter(([fact, value]) => now.get(fact) !== value)
      .map(([fact, value]) => `${fact} was ${value ?? 'none'} when it was planned and is now ${now.get(fact) ?? 'none'}`);
    if (changed.length === 0) return;
    const added = [...history.tagNames].filter((tag) => !first.tags.has(tag));
    throw new ConflictError(
      `${history.name}: another writer changed the registry while this ${operation} was being written: ${changed.join('; ')}` +
        `${added.length > 0 ? ` (new tag${added.length === 1 ? '' : 's'}: ${added.map((tag) => `'${tag}'`).join(', ')})` : ''}. ` +
        `Nothing was written; look at the new state and try again if the ${operation} is still wanted`,
      { cause: cause ?? lost },
    );
  }

  private stagePlan(history: ModelIndex, action: 'assign' | 'unassign', stage: string, entry: VersionIndex, metadata: TagMetadata): Plan {
    const tag = formatTagName({ model: history.name, action, stage, counter: history.maxCounter + 1 });
    const subject = defaultSubject({ action, model: history.name, stage, version: entry.version });
    return { tag, commit: entry.commit, message: formatTagMessage(subject, metadataToTrailers(metadata)), version: entry.version };
  }

  /** GTO writes deregistrations and deprecations without a counter; when that name is taken, add one. */
  private simpleOrCounted(history: ModelIndex, parts: { model: string; action: 'deregister' | 'deprecate'; version?: string }): string {
    const simple = formatTagName(parts);
    return history.tagNames.has(simple) ? formatTagName({ ...parts, counter: history.maxCounter + 1 }) : simple;
  }

  private ensureFree(history: ModelIndex, tag: string): void {
    if (history.tagNames.has(tag)) {
      throw new RegistryError(`tag '${tag}' exists but does not count as a registration (see \`tollgate registry show --json\`, "ignored"); delete it or choose another version`);
    }
  }

  private sameRegistration(history: ModelIndex, existing: VersionIndex, commit: string, metadata: TagMetadata): RegistryEvent {
    const name = `${history.name} ${existing.version}`;
    if (!existing.active) throw new RegistryError(`${name} was deregistered; GTO cannot register a version twice: register a new version`);
    if (existing.commit !== commit) {
      throw new RegistryError(`${name} is already registered at commit ${existing.commit.slice(0, 12)}, not ${commit.slice(0, 12)}: choose a new version (e.g. --bump patch)`);
    }
    const recorded = existing.origin.metadata;
    const differing = IDENTITY_FIELDS.filter((field) => metadata[field] !== undefined && recorded[field] !== metadata[field]);
    if (differing.length > 0) {
      const details = differing.map((field) => `${field} ${recorded[field] ?? '(none)'} -> ${metadata[field]}`).join(', ');
      throw new RegistryError(`${name} is already registered at this commit with different metadata (${details}): register a new version`);
    }
    return existing.origin;
  }

  private activeVersion(history: ModelIndex, version: string | undefined): VersionIndex {
    if (history.events.length === 0) throw new RegistryError(`model '${history.name}' has no registry tags in ${this.backend.description}; register a version first`);
    if (version === undefined) throw new RegistryError(`${history.name} has no active registered version; register one first`);
    const entry = history.versions.get(version);
    if (!entry?.registered) throw new RegistryError(`${history.name} ${version} is not registered${this.knownVersions(history)}`);
    if (!entry.active) throw new RegistryError(`${history.name} ${version} was deregistered`);
    return entry;
  }

  private previousHolder(history: ModelIndex, stage: string, current: string): VersionIndex {
    const rolledAway = new Map<string, number>();
    history.events.forEach((event, order) => {
      const from = event.metadata.rollbackFrom;
      if (event.action === 'assign' && event.stage === stage && from !== undefined) rolledAway.set(from, order);
    });
    const skipped = (version: string): boolean => {
      const slot = history.slots.get(`${version}\u0000${stage}`);
      const away = rolledAway.get(version);
      return away !== undefined && slot !== undefined && away > slot.lastAssignIndex;
    };
    const timeline = stageTimeline(history, stage);
    for (let index = timeline.length - 1; index >= 0; index -= 1) {
      const version = timeline[index].version;
      if (version === null || version === current || skipped(version)) continue;
      const entry = history.versions.get(version);
      if (entry?.active) return entry;
    }
    throw new RegistryError(`no earlier version of ${history.name} held '${stage}' (still registered); nothing to roll back to`);
  }

  private knownVersions(history: ModelIndex): string {
    const registered = [...history.versions.values()].filter((entry) => entry.registered).map((entry) => entry.version);
    return registered.length === 0 ? '' : ` (registered: ${registered.slice(-10).join(', ')})`;
  }
}
