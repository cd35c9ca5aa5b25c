import { describe, expect, it } from 'vitest';
import { bumpVersion, compareVersions, isPrerelease, isVersion, parseVersion } from '../../shared/registry/semver.js';

describe('SemVer 2.0 with a v prefix', () => {
  it.each([
    ['v0.0.1', true],
    ['v1.4.0', true],
    ['v10.20.30', true],
    ['v1.0.0-alpha', true],
    ['v1.0.0-alpha.1', true],
    ['v1.0.0-0.3.7', true],
    ['v1.0.0-x.7.z.92', true],
    ['v1.0.0-x-y-z.--', true],
    ['v1.0.0+20130313144700', true],
    ['v1.0.0-beta+exp.sha.5114f85', true],
    ['v1.0.0+21AF26D3----117B344092BD', true],
    ['v99999999999999999999999.999999999999999999.99999999999999999', true],
    ['1.0.0', false], // GTO requires the v
    ['V1.0.0', false],
    ['v1.0', false],
    ['v1', false],
    ['v01.0.0', false],
    ['v1.02.0', false],
    ['v1.0.0-01', false],
    ['v1.0.0-', false],
    ['v1.0.0+', false],
    ['v1.0.0-alpha..1', false],
    ['v1.0.0+build..1', false],
    ['v1.0.0-al$pha', false],
    ['v-1.0.0', false],
    [' v1.0.0', false],
    ['v1.0.0\n', false],
  ])('%j valid: %s', (text, valid) => {
    expect(isVersion(text)).toBe(valid);
    expect(parseVersion(text) !== undefined).toBe(valid);
  });

  it('splits a version into its parts', () => {
    expect(parseVersion('v1.2.3-rc.1+build.7')).toEqual({ text: 'v1.2.3-rc.1+build.7', major: '1', minor: '2', patch: '3', prerelease: ['rc', '1'], build: ['build', '7'] });
  });

  it('orders by precedence as semver.org §11 lists it', () => {
    const ordered = ['v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-alpha.beta', 'v1.0.0-beta', 'v1.0.0-beta.2', 'v1.0.0-beta.11', 'v1.0.0-rc.1', 'v1.0.0', 'v2.0.0', 'v2.1.0', 'v2.1.1', 'v10.0.0'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(ordered);
    expect(compareVersions('v99999999999999999999.0.0', 'v99999999999999999998.0.0')).toBeGreaterThan(0);
  });

  it('ignores build metadata for precedence but keeps a deterministic order', () => {
    expect(Math.sign(compareVersions('v1.0.0+b', 'v1.0.0+a'))).toBe(1);
    expect(compareVersions('v1.0.0+a', 'v1.0.0+a')).toBe(0);
    expect(compareVersions('v1.0.0+zzz', 'v1.0.1')).toBeLessThan(0);
  });

  it.each([
    ['v1.2.3', 'patch', 'v1.2.4'],
    ['v1.2.3', 'minor', 'v1.3.0'],
    ['v1.2.3', 'major', 'v2.0.0'],
    ['v1.2.3-rc.1', 'patch', 'v1.2.4'], // python-semver's bump, as GTO does
    ['v0.0.0', 'patch', 'v0.0.1'],
    ['v1.9.9+build', 'minor', 'v1.10.0'],
    ['v9007199254740993.0.0', 'major', 'v9007199254740994.0.0'],
  ] as const)('bumps %s by %s to %s', (from, part, to) => {
    expect(bumpVersion(from, part)).toBe(to);
  });

  it('flags pre-releases', () => {
    expect(isPrerelease('v2.0.0-rc.1')).toBe(true);
    expect(isPrerelease('v2.0.0+build')).toBe(false);
    expect(isPrerelease('v2.0.0')).toBe(false);
  });
});
