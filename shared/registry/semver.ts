/**
 * Semantic Versioning 2.0.0 with GTO's mandatory `v` prefix (`v1.4.0`,
 * `v2.0.0-rc.1+build.5`). Numeric parts are kept as strings so versions beyond
 * 2^53 compare correctly.
 */

/** The SemVer 2.0.0 grammar (semver.org's reference regex) without anchors or the `v`. */
export const SEMVER_SOURCE =
  '(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)' +
  '(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?' +
  '(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?';

const VERSION_RE = new RegExp(`^v(${SEMVER_SOURCE})$`);

/** A parsed `vX.Y.Z[-pre][+build]`. */
export interface SemVer {
  /** The version as written, with its `v`. */
  text: string;
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated pre-release identifiers; empty for a release. */
  prerelease: string[];
  /** Dot-separated build metadata; ignored for precedence. */
  build: string[];
}

/** The part `bumpVersion` increments. */
export type BumpPart = 'major' | 'minor' | 'patch';

/** Parses `vX.Y.Z...`; `undefined` when the text is not a `v`-prefixed SemVer 2.0 version. */
export function parseVersion(text: string): SemVer | undefined {
  const match = VERSION_RE.exec(text);
  if (!match) return undefined;
  const core = match[1];
  const plus = core.indexOf('+');
  const withoutBuild = plus === -1 ? core : core.slice(0, plus);
  const build = plus === -1 ? [] : core.slice(plus + 1).split('.');
  const dash = withoutBuild.indexOf('-');
  const numbers = (dash === -1 ? withoutBuild : withoutBuild.slice(0, dash)).split('.');
  const prerelease = dash === -1 ? [] : withoutBuild.slice(dash + 1).split('.');
  return { text, major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease, build };
}

/** True for `v` + a SemVer 2.0 version. */
export function isVersion(text: string): boolean {
  return VERSION_RE.test(text);
}

const NUMERIC = /^[0-9]+$/;

/** Compares decimal strings without leading zeros. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifier(a: string, b: string): number {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric) return -1; // numeric identifiers have lower precedence (SemVer 11.4.3)
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence: negative when `a` < `b`, 0 when equal precedence (build metadata ignored). */
export function comparePrecedence(a: SemVer, b: SemVer): number {
  const core = compareNumeric(a.major, b.major) || compareNumeric(a.minor, b.minor) || compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  // A release outranks any of its pre-releases.
  if (a.prerelease.length === 0) return b.prerelease.length === 0 ? 0 : 1;
  if (b.prerelease.length === 0) return -1;
  const shared = Math.min(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < shared; index += 1) {
    const order = compareIdentifier(a.prerelease[index], b.prerelease[index]);
    if (order !== 0) return order;
  }
  return a.prerelease.length - b.prerelease.length;
}

/**
 * Total order for sorting: precedence first, then the text so that versions
 * differing only in build metadata still sort deterministically.
 */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) throw new RangeError(`not a version: ${left ? b : a}`);
  return comparePrecedence(left, right) || (a < b ? -1 : a > b ? 1 : 0);
}

function increment(decimal: string): string {
  return (BigInt(decimal) + 1n).toString();
}

/**
 * The next version after `from` (GTO's bump, via python-semver): the chosen
 * part goes up by one, lower parts reset to 0, pre-release and build are dropped.
 */
export function bumpVersion(from: string, part: BumpPart): string {
  const version = parseVersion(from);
  if (!version) throw new RangeError(`not a version: ${from}`);
  if (part === 'major') return `v${increment(version.major)}.0.0`;
  if (part === 'minor') return `v${version.major}.${increment(version.minor)}.0`;
  return `v${version.major}.${version.minor}.${increment(version.patch)}`;
}

/** True for versions with a pre-release part (`v2.0.0-rc.1`): their releases are marked pre-release. */
export function isPrerelease(text: string): boolean {
  return (parseVersion(text)?.prerelease.length ?? 0) > 0;
}
