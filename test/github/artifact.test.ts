import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ArtifactError,
  DEFAULT_ARTIFACT_LIMITS,
  downloadArtifactZip,
  findRunArtifact,
  listRunArtifacts,
  readDriftReportArtifact,
  type ArtifactProblem,
} from '../../shared/github/artifact.js';
import { createGitHubClient, type GitHubClient } from '../../shared/github/client.js';
import { reportWith } from '../incidents/fixtures.js';
import { FakeGitHub, type FakeRepo } from '../support/fake-github.js';

const SMALL = { compressedBytes: 64 * 1024, uncompressedBytes: 256 * 1024 };

let fake: FakeGitHub;
let client: GitHubClient;
let repo: FakeRepo;
let runId: number;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
});
afterAll(() => fake.close());

beforeEach(() => {
  repo = fake.repo(`acme/churn-${Math.random().toString(36).slice(2)}`);
  repo.addCommit('initial');
  runId = repo.addWorkflowRun({ path: '.github/workflows/drift.yml', conclusion: 'failure' }).id;
  fake.clearRequests();
});

const target = () => ({ owner: repo.owner, repo: repo.name, runId });
const json = (value: unknown) => strToU8(JSON.stringify(value));

/** Reads the run's `drift-report` artifact; returns the failure's reason and message. */
async function failure(limits = SMALL): Promise<{ reason: ArtifactProblem; message: string }> {
  try {
    const artifact = await findRunArtifact(client, target(), 'drift-report');
    await readDriftReportArtifact(client, target(), artifact, { limits });
  } catch (error) {
    if (error instanceof ArtifactError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected an ArtifactError');
}

describe('reading drift-report.json from a workflow artifact', () => {
  it('finds the artifact, follows the download redirect and validates the report', async () => {
    const report = reportWith(3, 1);
    repo.addArtifact(runId, 'lineage', zipSync({ 'lineage.json': json({}) }));
    const profile = { schema: 'tollgate.profile/v1', rows: 1000 };
    const stored = repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': json(report), 'current-profile.json': json(profile) }));
    const artifacts = await listRunArtifacts(client, target());
    expect(artifacts.map((artifact) => artifact.name)).toEqual(['lineage', 'drift-report']);
    const artifact = await findRunArtifact(client, target(), 'drift-report');
    expect(artifact).toEqual({ id: stored.id, name: 'drift-report', sizeInBytes: stored.data.length, expired: false });
    const read = await readDriftReportArtifact(client, target(), artifact, { extras: ['current-profile.json', 'absent.json'] });
    expect(read.report).toEqual(report);
    expect([...read.extras.entries()]).toEqual([['current-profile.json', profile]]);
    expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.status}`).slice(-2)).toEqual([
      `GET /repos/${repo.fullName}/actions/artifacts/${stored.id}/zip 302`,
      `GET /_storage/${repo.fullName}/artifacts/${stored.id}.zip 200`,
    ]);
  });

  it('reads a report in a folder of the archive, with a byte-order mark', async () => {
    const report = reportWith(1);
    repo.addArtifact(runId, 'drift-report', zipSync({ 'out/': new Uint8Array(0), 'out/drift-report.json': strToU8(`\uFEFF${JSON.stringify(report)}`) }));
    const artifact = await findRunArtifact(client, target(), 'drift-report');
    expect((await readDriftReportArtifact(client, target(), artifact)).report).toEqual(report);
  });

  it('missing: names the artifacts the run has', async () => {
    repo.addArtifact(runId, 'lineage', zipSync({ 'lineage.json': json({}) }));
    expect(await failure()).toEqual({
      reason: 'missing',
      message: `workflow run ${runId} has no artifact named 'drift-report' (it has: lineage); upload drift-report.json with actions/upload-artifact under that name`,
    });
  });

  it('expired, as listed or as the download answers', async () => {
    const artifact = repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': json(reportWith(1)) }), { expired: true });
    expect(await failure()).toMatchObject({ reason: 'expired', message: `artifact 'drift-report' of workflow run ${runId} has expired or was deleted (artifacts are kept for the repository's retention period, 90 days by default)` });
    await expect(downloadArtifactZip(client, target(), { id: artifact.id, name: 'drift-report', sizeInBytes: 10, expired: false })).rejects.toMatchObject({ reason: 'expired' });
  });

  it('oversized as listed: refused without downloading', async () => {
    repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': json(reportWith(1)) }), { listedSize: 6 * 1024 * 1024 });
    expect(await failure(DEFAULT_ARTIFACT_LIMITS)).toEqual({
      reason: 'oversized',
      message: "artifact 'drift-report' is 6.0 MB compressed; the limit is 5.0 MB (a drift report is far smaller: upload only drift-report.json and the current profile)",
    });
    expect(fake.count((request) => request.path.includes('/actions/artifacts/'))).toBe(0);
  });

  it('oversized while downloading, when the listing understates it', async () => {
    repo.addArtifact(runId, 'drift-report', zipSync({ 'noise.bin': [randomBytes(200 * 1024), { level: 0 }] }), { listedSize: 1000 });
    const { reason, message } = await failure();
    expect(reason).toBe('oversized');
    expect(message).toMatch(/^artifact 'drift-report' is (over )?0\.\d MB compressed; the limit is 0\.1 MB/);
  });

  it('oversized once inflated: refused from the directory, before inflating', async () => {
    const zeros = new Uint8Array(25 * 1024 * 1024);
    const zip = zipSync({ 'drift-report.json': [zeros, { level: 1 }] });
    expect(zip.length).toBeLessThan(DEFAULT_ARTIFACT_LIMITS.compressedBytes);
    repo.addArtifact(runId, 'drift-report', zip);
    expect(await failure(DEFAULT_ARTIFACT_LIMITS)).toEqual({ reason: 'oversized', message: "drift-report.json in artifact 'drift-report' inflates to 25.0 MB; the limit is 20.0 MB uncompressed" });
  });

  it('a directory that understates an entry cannot make it inflate further (it is cut, then is not JSON)', async () => {
    const zip = zipSync({ 'drift-report.json': json({ ...reportWith(1), padding: 'x'.repeat(100_000) }) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let offset = 0; offset < zip.length - 4; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 64, true); // central directory: uncompressed size 64
    }
    repo.addArtifact(runId, 'drift-report', zip);
    const { reason, message } = await failure();
    expect(reason).toBe('not-json');
    expect(message).toMatch(/^drift-report\.json in artifact 'drift-report' is not JSON: /);
  });

  it('not a zip', async () => {
    repo.addArtifact(runId, 'drift-report', strToU8('{"schema": "tollgate.drift/v1"}'));
    expect(await failure()).toEqual({ reason: 'not-zip', message: "artifact 'drift-report' is not a readable zip archive (invalid zip data)" });
  });

  it('no drift-report.json inside', async () => {
    repo.addArtifact(runId, 'drift-report', zipSync({ 'report.json': json({}), 'notes.txt': strToU8('hi') }));
    expect(await failure()).toEqual({ reason: 'file-missing', message: "artifact 'drift-report' has no drift-report.json (it holds: report.json, notes.txt)" });
  });

  it('not JSON, and not UTF-8', async () => {
    repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': strToU8('<html>oops</html>') }));
    const { reason, message } = await failure();
    expect(reason).toBe('not-json');
    expect(message).toMatch(/^drift-report\.json in artifact 'drift-report' is not JSON: Unexpected token/);
    repo.artifacts.length = 0;
    repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }));
    expect(await failure()).toEqual({ reason: 'not-json', message: "drift-report.json in artifact 'drift-report' is not UTF-8 text, so not JSON" });
  });

  it('JSON of the wrong schema, or with a wrong field', async () => {
    repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': json({ schema: 'tollgate.profile/v1' }) }));
    expect(await failure()).toEqual({
      reason: 'schema',
      message: 'drift-report.json in artifact \'drift-report\' is not a drift report: its "schema" is "tollgate.profile/v1"; this Tollgate reads tollgate.drift/v1',
    });
    repo.artifacts.length = 0;
    repo.addArtifact(runId, 'drift-report', zipSync({ 'drift-report.json': json({ ...reportWith(1), columns: 'many' }) }));
    expect(await failure()).toEqual({
      reason: 'schema',
      message: "drift-report.json in artifact 'drift-report' is not a drift report: it does not match tollgate.drift/v1: columns: Invalid input: expected array, received string",
    });
  });
});
