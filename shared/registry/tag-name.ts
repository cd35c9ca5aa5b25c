/**
 * GTO's tag names, parsed and written byte for byte:
 *
 * | action     | tag                          |
 * |------------|------------------------------|
 * | register   | `churn@v1.4.0` (`#N` allowed)|
 * | deregister | `churn@v1.4.0!`              |
 * | assign     | `churn#production#7`         |
 * | unassign   | `churn#production!#8`        |
 * | deprecate  | `churn@deprecated`           |
 * | create     | `churn@created` (read only)  |
 */
import { InputError, UsageError } from '../errors/index.js';
import { checkRefFormat, DIRNAME_SOURCE, modelNameToTag, NAME_SOURCE, requireModelName, requireStageName, tagToModelName } from './names.js';
import { isVersion, SEMVER_SOURCE } from './semver.js';

/** What a registry tag records. */
export type TagAction = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate' | 'create';

/** A registry tag name taken apart. */
export interface ParsedTagName {
  /** The tag name, without `refs/tags/`. */
  tag: string;
  /** The model's full name (`churn`, or `models/churn:churn` in a monorepo). */
  model: string;
  action: TagAction;
  /** For register and deregister. */
  version?: string;
  /** For assign and unassign. */
  stage?: string;
  /** The `#N` suffix, when present. */
  counter?: number;
}

// GTO's tag_re, with the same groups: artifact, stage | version, cancel, deprecated | created, counter.
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME_SOURCE}=)?${NAME_SOURCE})` +
    `(?:(?:#(?<stage>${NAME_SOURCE})|@(?<version>v${SEMVER_SOURCE}))(?<cancel>!?)|@(?:(?<deprecated>deprecated)|(?<created>created)))` +
    '(?:#(?<counter>[0-9]+))?$',
);

/** Parses a tag name; `undefined` when it is not a registry tag (e.g. a plain `v1.0.0` release tag). */
export function parseTagName(tag: string): ParsedTagName | undefined {
  const name = tag.startsWith('refs/tags/') ? tag.slice('refs/tags/'.length) : tag;
  const match = TAG_RE.exec(name);
  if (!match?.groups) return undefined;
  const groups = match.groups;
  const parsed: ParsedTagName = { tag: name, model: tagToModelName(groups.artifact), action: 'create' };
  const cancelled = groups.cancel === '!';
  if (groups.version !== undefined) {
    parsed.action = cancelled ? 'deregister' : 'register';
    parsed.version = groups.version;
  } else if (groups.stage !== undefined) {
    parsed.action = cancelled ? 'unassign' : 'assign';
    parsed.stage = groups.stage;
  } else if (groups.deprecated !== undefined) {
    parsed.action = 'deprecate';
  }
  if (groups.counter !== undefined) parsed.counter = Number.parseInt(groups.counter, 10);
  return parsed;
}

/**
 * Parses a tag name the user typed (`tollgate registry check-ref`), failing
 * with an `InputError` that shows the accepted shapes.
 */
export function requireTagName(tag: string): ParsedTagName {
  const parsed = parseTagName(tag);
  const refProblem = checkRefFormat(`refs/tags/${tag.replace(/^refs\/tags\//, '')}`);
  if (parsed && refProblem) throw new InputError(undefined, `'${tag}' is not a valid git tag name: ${refProblem}`);
  if (!parsed) {
    throw new InputError(
      undefined,
      `'${tag}' is not a registry tag; expected one of <model>@vX.Y.Z, <model>@vX.Y.Z!, ` +
        '<model>#<stage>#N, <model>#<stage>!#N, <model>@deprecated (model and stage: letters, digits, ' +
        "'-', '_', '/'; versions: SemVer 2.0 with a leading 'v')",
    );
  }
  return parsed;
}

/** What `formatTagName` needs. */
export interface TagNameParts {
  model: string;
  action: Exclude<TagAction, 'create'>;
  version?: string;
  stage?: string;
  counter?: number;
}

/**
 * Writes a tag name, validating every part (GTO grammar and `git
 * check-ref-format`). Registrations, deregistrations and deprecations are
 * written without a counter unless one is given; stage tags require one.
 */
export function formatTagName(parts: TagNameParts): string {
  const model = modelNameToTag(requireModelName(parts.model).fullName);
  const counter = parts.counter === undefined ? '' : `#${requireCounter(parts.counter)}`;
  let tag: string;
  switch (parts.action) {
    case 'register':
    case 'deregister': {
      const version = parts.version ?? '';
      if (!isVersion(version)) {
        throw new UsageError(`invalid version '${version}': expected 'v' + SemVer 2.0, e.g. v1.4.0 or v2.0.0-rc.1`);
      }
      tag = `${model}@${version}${parts.action === 'deregister' ? '!' : ''}${counter}`;
      break;
    }
    case 'assign':
    case 'unassign': {
      if (parts.counter === undefined) throw new RangeError('stage tags need a counter');
      const stage = requireStageName(parts.stage ?? '');
      tag = `${model}#${stage}${parts.action === 'unassign' ? '!' : ''}${counter}`;
      break;
    }
    case 'deprecate':
      tag = `${model}@deprecated${counter}`;
      break;
  }
  const refProblem = checkRefFormat(`refs/tags/${tag}`);
  if (refProblem) throw new UsageError(`tag '${tag}' is not a valid git ref: ${refProblem}`);
  return tag;
}

function requireCounter(counter: number): number {
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`invalid counter ${counter}`);
  return counter;
}
