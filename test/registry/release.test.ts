import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import {
  dataFingerprintOf, jsonAsset, markdownAsset, modelFileAsset, publishRelease, renderModelCard, sanitizeAssetName, type ReleaseSpec,
} from '../../shared/registry/index.js';
import { escapeMarkdown, tableCell } from '../../shared/report/index.js';
import { FakeGitHub } from '../support/fake-github.js';

describe('release asset names', () => {
  it.each([
    ['model.pkl', 'model.pkl'],
    ['my model (final).onnx', 'my-model-final-.onnx'],
    ['dir/sub/model.bin', 'model.bin'],
    ['C:\\models\\m.pt', 'm.pt'],
    ['..hidden', 'hidden'],
    ['modèle-été.joblib', 'modele-ete.joblib'],
    ['模型.bin', 'bin'],
    ['$$$', 'model'],
    ['metrics.json', 'model-metrics.json'],
    ['Model-Card.md', 'model-Model-Card.md'],
    [`${'x'.repeat(300)}.safetensors`, `${'x'.repeat(188)}.safetensors`],
  ])('%j -> %j', (name, expected) => {
    expect(sanitizeAssetName(name)).toBe(expected);
    expect(sanitizeAssetName(name)).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/);
  });
});

describe('model file and lineage helpers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tollgate-release-'));
    writeFileSync(join(dir, 'model file.bin'), 'abc');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('attaches a small model file and points at a large one', async () => {
    // printf abc | sha256sum
    const sha = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    const small = await modelFileAsset(join(dir, 'model file.bin'));
    expect(small.info).toEqual({ name: 'model file.bin', bytes: 3, sha256: sha, assetName: 'model-file.bin' });
    expect(Buffer.from(small.asset.data).toString()).toBe('abc');
    const large = await modelFileAsset(join(dir, 'model file.bin'), { maxBytes: 2, uri: 's3://bucket/m.bin' });
    expect(large.asset.name).toBe('model-pointer.json');
    expect(JSON.parse(Buffer.from(large.asset.data).toString())).toEqual({ schema: 'tollgate.model-pointer/v1', file: 'model file.bin', bytes: 3, sha256: sha, uri: 's3://bucket/m.bin' });
    await expect(modelFileAsset(join(dir, 'missing.bin'))).rejects.toThrow(/missing\.bin: file not found/);
  });

  it('fingerprints the training data from lineage', () => {
    expect(dataFingerprintOf({ data: [{ path: 'a.csv', sha256: 'f'.repeat(64) }] })).toBe(`sha256:${'f'.repeat(64)}`);
    // printf 'aa  a.csv\nbb  b.csv\n' | sha256sum
    expect(dataFingerprintOf({ data: [{ path: 'b.csv', sha256: 'bb' }, { path: 'a.csv', sha256: 'aa' }] })).toBe(
      'sha256:fe9af18fcc06e3c4d47d3004911c5e0ef25cc4c1126dcec687b1a32f6ff547c3',
    );
    expect(dataFingerprintOf({})).toBeUndefined();
    expect(dataFingerprintOf(null)).toBeUndefined();
  });
});

describe('model card', () => {
  it('renders every section and escapes what comes from data', () => {
    const card = renderModelCard({
      model: 'churn',
      version: 'v1.4.0',
      tag: 'churn@v1.4.0',
      commit: 'a'.repeat(40),
      runUrl: 'https://github.com/acme/churn/actions/runs/1',
      owners: ['alice'],
      intendedUse: 'Rank accounts for <b>retention</b>; ping @team.',
      limitations: 'EU only.',
      metrics: { auc: 0.91234, per_class: { a: 1, b: [2, 3] }, note: 'text is skipped' },
      evaluation: {
        decision: 'promote',
        mode: 'champion',
        reasons: ['auc improved | by 0.01'],
        comparison: [{ metric: 'auc', challenger: 0.91, champion: 0.9, delta: 0.01, pass: true }],
      },
      lineage: { git: { commit: 'b'.repeat(40) }, key: 'k'.repeat(64), data: [{ path: 'train|data.csv', sha256: 'c'.repeat(64), rows: 1000 }] },
      profile: { rows: 1000, columns: [{ name: 'age', type: 'number', nulls: 3 }] },
      modelFile: { name: 'model.pkl', bytes: 3, sha256: 'd'.repeat(64), assetName: 'model.pkl' },
      assets: ['metrics.json'],
    });
    expect(card).toContain(`# churn ${escapeMarkdown('v1.4.0')}`);
    expect(card).toContain('Tag `churn@v1.4.0` on commit `aaaaaaaaaaaa` · [workflow run](https://github.com/acme/churn/actions/runs/1) · owners: `alice`');
    expect(card).toContain('## Intended use\n\nRank accounts for &lt;b&gt;retention&lt;/b&gt;; ping @\u200bteam.');
    expect(card).toContain(`| auc | ${tableCell('0.9123')} |`);
    expect(card).toContain(`| ${tableCell('per_class.b[1]')} | 3 |`);
    expect(card).not.toContain('note');
    expect(card).toContain('Decision: **promote**');
    expect(card).toContain(`| auc | ${['0.91', '0.9', '0.01'].map(tableCell).join(' | ')} | pass |`);
    expect(card).toContain(`- ${escapeMarkdown('auc improved | by 0.01')}`);
    expect(card).not.toContain('improved | by');
    expect(card).toContain(`| ${tableCell('data train|data.csv')} |`);
    expect(card).not.toContain('train|data');
    expect(card).toContain('1000 rows, 1 columns.');
    expect(card).toContain('| age | number | 3 |');
    expect(card).toContain(`| release asset | ${tableCell('model.pkl')} |`);
    expect(card.endsWith('\n')).toBe(true);
  });

  it('says where a large model file lives, and keeps a run URL from breaking the link', () => {
    const card = renderModelCard({ model: 'm', version: 'v1.0.0', tag: 'm@v1.0.0', commit: 'a'.repeat(40), runUrl: 'https://x/a)b', modelFile: { name: 'm.bin', bytes: 5, sha256: 'e'.repeat(64), uri: 's3://b/m.bin' } });
    expect(card).toContain('[workflow run](https://x/a%29b)');
    expect(card).toContain(`| stored at | ${tableCell('s3://b/m.bin')} |`);
    expect(renderModelCard({ model: 'm', version: 'v1.0.0', tag: 't', commit: 'c', runUrl: 'javascript:alert(1)' })).not.toContain('javascript');
  });
});

describe('publishing the release', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await FakeGitHub.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const spec = (overrides: Partial<ReleaseSpec> = {}): ReleaseSpec => ({
    tag: 'churn@v1.4.0',
    title: 'churn v1.4.0',
    body: '# churn v1.4.0\n',
    prerelease: false,
    assets: [markdownAsset('model-card.md', '# card\n'), jsonAsset('metrics.json', { auc: 0.9 }), { name: 'model.pkl', contentType: 'application/octet-stream', data: Buffer.from([0, 1, 2]) }],
    ...overrides,
  });

  it('creates a release that is not latest, with its assets', async () => {
    const repo = fake.repo('acme/rel1');
    repo.refs.set('refs/tags/churn@v1.4.0', repo.addCommit());
    const client = createGitHubClient({ baseUrl: fake.url, retries: 0 });
    const published = await publishRelease(client, 'acme', 'rel1', spec());
    expect(published).toMatchObject({ created: true, uploaded: ['model-card.md', 'metrics.json', 'model.pkl'], kept: [] });
    expect(published.url).toBe(`${fake.url}/acme/rel1/releases/tag/churn%40v1.4.0`);
    expect(repo.releases[0]).toMatchObject({ tag_name: 'churn@v1.4.0', make_latest: 'false', prerelease: false, name: 'churn v1.4.0', body: '# churn v1.4.0\n' });
    expect(repo.assets.map((asset) => [asset.name, asset.contentType, asset.data.toString('hex')])).toEqual([
      ['model-card.md', 'text/markdown; charset=utf-8', Buffer.from('# card\n').toString('hex')],
      ['metrics.json', 'application/json', Buffer.from('{\n  "auc": 0.9\n}\n').toString('hex')],
      ['model.pkl', 'application/octet-stream', '000102'],
    ]);
  });

  it('resumes after a partial failure and replaces changed assets', async () => {
    const repo = fake.repo('acme/rel2');
    repo.refs.set('refs/tags/churn@v2.0.0-rc.1', repo.addCommit());
    const client = createGitHubClient({ baseUrl: fake.url, retries: 0 });
    const release = spec({ tag: 'churn@v2.0.0-rc.1', prerelease: true });
    fake.failNext('POST', '/uploads/repos/:owner/:repo/releases/:id/assets', 502);
    await expect(publishRelease(client, 'acme', 'rel2', release)).rejects.toThrow(/uploading model-card\.md .*run again to resume/);
    expect(repo.releases).toHaveLength(1);
    expect(repo.assets).toHaveLength(0);
    const resumed = await publishRelease(client, 'acme', 'rel2', release);
    expect(resumed).toMatchObject({ created: false, uploaded: ['model-card.md', 'metrics.json', 'model.pkl'] });
    expect(repo.releases[0].prerelease).toBe(true);
    fake.clearRequests();
    const again = await publishRelease(client, 'acme', 'rel2', release);
    expect(again).toMatchObject({ created: false, uploaded: [], kept: ['model-card.md', 'metrics.json', 'model.pkl'] });
    expect(fake.count((request) => request.method !== 'GET')).toBe(0);
    const changed = await publishRelease(client, 'acme', 'rel2', { ...release, body: 'new card', assets: [jsonAsset('metrics.json', { auc: 0.95 })] });
    expect(changed).toMatchObject({ uploaded: ['metrics.json'], kept: [] });
    expect(repo.releases[0]).toMatchObject({ body: 'new card', make_latest: 'false' });
    expect(repo.assets.filter((asset) => asset.name === 'metrics.json').map((asset) => JSON.parse(asset.data.toString()))).toEqual([{ auc: 0.95 }]);
  });

  it('truncates a body GitHub would reject', async () => {
    const repo = fake.repo('acme/rel3');
    repo.refs.set('refs/tags/m@v1.0.0', repo.addCommit());
    const client = createGitHubClient({ baseUrl: fake.url, retries: 0 });
    await publishRelease(client, 'acme', 'rel3', spec({ tag: 'm@v1.0.0', body: 'x'.repeat(200_000), assets: [] }));
    expect(repo.releases[0].body!.length).toBeLessThan(125_000);
    expect(repo.releases[0].body).toMatch(/truncated: the full card is attached as `model-card\.md`/);
  });
});
