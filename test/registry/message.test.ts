import { describe, expect, it } from 'vitest';
import { UsageError } from '../../shared/errors/index.js';
import { defaultSubject, formatTagMessage, parseTagMessage } from '../../shared/registry/message.js';
import { canonicalJson, digestJson, metadataToTrailers, trailersToMetadata } from '../../shared/registry/metadata.js';

describe('tag messages', () => {
  it.each([
    [{ action: 'register', model: 'churn', version: 'v1.4.0' }, 'Registering artifact churn version v1.4.0'],
    [{ action: 'deregister', model: 'churn', version: 'v1.4.0' }, 'Deregistering artifact churn version v1.4.0'],
    [{ action: 'assign', model: 'churn', stage: 'production', version: 'v1.4.0' }, 'Assigning stage production to artifact churn version v1.4.0'],
    [{ action: 'unassign', model: 'churn', stage: 'production', version: 'v1.4.0' }, "Unassigning stage 'production' to artifact 'churn' version 'v1.4.0'"],
    [{ action: 'deprecate', model: 'churn' }, "Deprecating artifact 'churn'"],
  ] as const)('GTO default subject for %j', (subject, text) => {
    expect(defaultSubject(subject)).toBe(text);
  });

  it('writes subject, blank line, trailers, final newline', () => {
    const message = formatTagMessage('Registering artifact churn version v1.4.0', [
      { key: 'Tollgate-Run', value: 'https://github.com/acme/churn/actions/runs/42' },
      { key: 'Tollgate-Approved-By', value: 'alice' },
      { key: 'Tollgate-Approved-By', value: ' bob ' },
    ]);
    expect(message).toBe(
      'Registering artifact churn version v1.4.0\n\nTollgate-Run: https://github.com/acme/churn/actions/runs/42\nTollgate-Approved-By: alice\nTollgate-Approved-By: bob\n',
    );
    expect(formatTagMessage('Deprecating artifact \'churn\'')).toBe("Deprecating artifact 'churn'\n");
  });

  it('refuses trailers that would break the format', () => {
    expect(() => formatTagMessage('s', [{ key: 'Run', value: 'x' }])).toThrow(UsageError);
    expect(() => formatTagMessage('s', [{ key: 'Tollgate-Run', value: 'a\nTollgate-Forced: yes' }])).toThrow(/one non-empty line/);
    expect(() => formatTagMessage('s', [{ key: 'Tollgate-Run', value: '  ' }])).toThrow(UsageError);
    expect(() => formatTagMessage('two\nlines')).toThrow(RangeError);
  });

  it('parses what it writes, and foreign messages', () => {
    const written = formatTagMessage('Assigning stage production to artifact churn version v1.4.0', [{ key: 'Tollgate-PR', value: '17' }]);
    expect(parseTagMessage(written)).toEqual({
      subject: 'Assigning stage production to artifact churn version v1.4.0',
      body: 'Tollgate-PR: 17',
      trailers: [{ key: 'Tollgate-PR', value: '17' }],
    });
    expect(parseTagMessage('first\nline\n\nfree text\n\nSigned-off-by: A <a@x>\n')).toEqual({
      subject: 'first line',
      body: 'free text\n\nSigned-off-by: A <a@x>',
      trailers: [{ key: 'Signed-off-by', value: 'A <a@x>' }],
    });
    expect(parseTagMessage('only a subject').trailers).toEqual([]);
    expect(parseTagMessage('s\n\nnot: a trailer block\nbecause this line is prose\n').trailers).toEqual([]);
    expect(parseTagMessage('s\n\nTollgate-Run: x\n-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n').trailers).toEqual([{ key: 'Tollgate-Run', value: 'x' }]);
  });
});

describe('Tollgate metadata trailers', () => {
  it('round-trips every field in a fixed order', () => {
    const metadata = {
      runUrl: 'https://github.com/acme/churn/actions/runs/42',
      pullRequest: 17,
      sourceCommit: 'a'.repeat(40),
      dataFingerprint: 'sha256:d',
      metricsDigest: 'sha256:m',
      championDelta: 'auc +0.012',
      approvers: ['alice', 'bob'],
      forced: 'hotfix',
      rollbackFrom: 'v1.5.0',
      auditDigest: 'sha256:a',
      extra: [{ key: 'Tollgate-Delivery', value: 'abc-123' }],
    };
    const trailers = metadataToTrailers(metadata);
    expect(trailers.map((trailer) => trailer.key)).toEqual([
      'Tollgate-Run', 'Tollgate-PR', 'Tollgate-Commit', 'Tollgate-Data', 'Tollgate-Metrics', 'Tollgate-Champion-Delta',
      'Tollgate-Approved-By', 'Tollgate-Approved-By', 'Tollgate-Forced', 'Tollgate-Rollback-From', 'Tollgate-Audit', 'Tollgate-Delivery',
    ]);
    expect(trailersToMetadata(trailers)).toEqual(metadata);
    expect(metadataToTrailers({})).toEqual([]);
  });

  it('ignores trailers that are not ours and reads keys case-insensitively', () => {
    expect(trailersToMetadata([{ key: 'Signed-off-by', value: 'x' }, { key: 'tollgate-pr', value: '#5' }])).toEqual({ pullRequest: 5 });
  });

  it('digests JSON canonically', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(digestJson({ b: 1, a: 2 })).toBe(digestJson({ a: 2, b: 1 }));
    // printf '{"auc":0.9}' | sha256sum
    expect(digestJson({ auc: 0.9 })).toBe('sha256:592ad4998d2fd0c88da1e91ba64ffdfb4312097d62f0ffc885750e24a27f7d2c');
  });
});
