// Two writers promoting different versions to one stage at once: one wins, the
// other gets a clear ConflictError naming the new holder (its approval was for
// another champion), never two tags with one counter, never a lost write. Two
// writers asking for the same thing: one writes, the other finds it done.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors/index.js';
import { createGitHubClient } from '../../shared/github/client.js';
import { GitBackend, GitHubBackend, Registry, type CreateTagRequest, type RegistryBackend } from '../../shared/registry/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { makeRepo, type TempRepo } from './support/git-repo.js';

let scratch: string;
let worker: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'tollgate-concurrency-'));
  worker = join(scratch, 'assign-worker.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'support', 'assign-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: worker,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface WorkerResult {
  code: number;
  output: { tag?: string; attempts?: number; created?: boolean; error?: string; code?: string };
}

function startWorker(input: Record<string, unknown>): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code: code ?? 1, output: JSON.parse(stdout) });
      } catch {
        reject(new Error(`worker printed no JSON (exit ${code}): ${stdout} ${stderr}`));
      }
    });
  });
}

/** Runs two workers that both pass the barrier only when both are ready to write. */
async function race(inputs: Array<Record<string, unknown>>): Promise<WorkerResult[]> {
  const barrier = mkdtempSync(join(scratch, 'barrier-'));
  let finished = 0;
  const running = inputs.map((input, index) => startWorker({ ...input, barrier, id: `w${index}` }).finally(() => (finished += 1)));
  const deadline = Date.now() + 15_000;
  while (readdirSync(barrier).filter((name) => name.endsWith('.ready')).length < inputs.length) {
    if (finished > 0) throw new Error(`a worker ended before the barrier: ${JSON.stringify(await Promise.allSettled(running))}`);
    if (Date.now() > deadline) throw new Error('workers never reached the barrier');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  writeFileSync(join(barrier, 'go'), '');
  return Promise.all(running);
}

async function registerTwo(repo: TempRepo, backend: RegistryBackend): Promise<void> {
  const registry = new Registry({ backend, now: () => 1_600_000_000 });
  await registry.register({ model: 'churn', version: 'v1.0.0', ref: repo.git(['rev-parse', 'HEAD']) });
  await registry.register({ model: 'churn', version: 'v2.0.0', ref: repo.commit() });
}

function stageTags(repo: TempRepo): string[] {
  return repo.git(['tag', '--list', 'churn#*']).split('\n').filter(Boolean).sort();
}

describe('two processes assigning at once (git backend)', () => {
  it('end with one winner and one ConflictError naming the new holder in one repository', async () => {
    const repo = makeRepo();
    await registerTwo(repo, new GitBackend({ cwd: repo.dir }));
    const common = { cwd: repo.dir, model: 'churn', stage: 'production', maxAttempts: 5 };
    const results = await race([{ ...common, version: 'v1.0.0' }, { ...common, version: 'v2.0.0' }]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 1]);
    const winner = results.find((result) => result.code === 0)!;
    const loser = results.find((result) => result.code !== 0)!;
    expect(winner.output).toMatchObject({ tag: 'churn#production#1', attempts: 1, created: true });
    const holder = repo.git(['rev-parse', 'churn#production#1^{commit}']) === repo.git(['rev-parse', 'churn@v1.0.0^{commit}']) ? 'v1.0.0' : 'v2.0.0';
    expect(loser.output).toMatchObject({
      code: 'E_CONFLICT',
      error: expect.stringContaining(`the holder of 'production' was none when it was planned and is now ${holder}`),
    });
    expect(stageTags(repo)).toEqual(['churn#production#1']);
    repo.cleanup();
  });

  it('end with one tag when both promote the same version: the retry finds it done', async () => {
    const repo = makeRepo();
    await registerTwo(repo, new GitBackend({ cwd: repo.dir }));
    const common = { cwd: repo.dir, model: 'churn', stage: 'production', maxAttempts: 5, version: 'v2.0.0' };
    const results = await race([common, common]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    expect(results.map((result) => result.output).sort((a, b) => a.attempts! - b.attempts!)).toEqual([
      { tag: 'churn#production#1', attempts: 1, created: true },
      { tag: 'churn#production#1', attempts: 2, created: false },
    ]);
    expect(stageTags(repo)).toEqual(['churn#production#1']);
    repo.cleanup();
  });

  it('give one clear ConflictError when retries are off', async () => {
    const repo = makeRepo();
    await registerTwo(repo, new GitBackend({ cwd: repo.dir }));
    const common = { cwd: repo.dir, model: 'churn', stage: 'production', maxAttempts: 1 };
    const results = await race([{ ...common, version: 'v1.0.0' }, { ...common, version: 'v2.0.0' }]);
    const failed = results.filter((result) => result.code !== 0);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ code: 1, output: { code: 'E_CONFLICT', error: expect.stringMatching(/gave up after 1 attempts.*already exists/) } });
    expect(stageTags(repo)).toEqual(['churn#production#1']);
    repo.cleanup();
  });

  it('end with one winner on a shared remote when two clones push', async () => {
    const remote = makeRepo({ bare: true });
    const seed = makeRepo({ clone: remote.dir });
    seed.git(['config', 'user.name', 'Seed']);
    seed.git(['config', 'user.email', 'seed@example.com']);
    seed.commit('initial');
    seed.git(['push', '--quiet', 'origin', 'HEAD:main']);
    await registerTwo(seed, new GitBackend({ cwd: seed.dir, pushTo: 'origin' }));
    seed.git(['push', '--quiet', 'origin', 'HEAD:main']);
    const clones = [makeRepo({ clone: remote.dir }), makeRepo({ clone: remote.dir })];
    for (const clone of clones) {
      clone.git(['config', 'user.name', 'Clone']);
      clone.git(['config', 'user.email', 'clone@example.com']);
    }
    const results = await race(
      clones.map((clone, index) => ({ cwd: clone.dir, pushTo: 'origin', model: 'churn', stage: 'production', maxAttempts: 5, version: index === 0 ? 'v1.0.0' : 'v2.0.0' })),
    );
    expect(results.map((result) => result.code).sort()).toEqual([0, 1]);
    expect(results.find((result) => result.code === 0)!.output).toMatchObject({ tag: 'churn#production#1', created: true });
    expect(results.find((result) => result.code !== 0)!.output).toMatchObject({
      code: 'E_CONFLICT',
      error: expect.stringMatching(/the holder of 'production' was none when it was planned and is now v[12]\.0\.0/),
    });
    expect(stageTags(remote)).toEqual(['churn#production#1']);
    // The loser's rejected local tag was removed and the winner's fetched: every local tag is the remote's object.
    for (const clone of clones) {
      const tags = stageTags(clone);
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(clone.git(['rev-parse', tag])).toBe(remote.git(['rev-parse', tag]));
    }
    expect(clones.map((clone) => stageTags(clone))).toEqual([['churn#production#1'], ['churn#production#1']]);
    for (const repo of [remote, seed, ...clones]) repo.cleanup();
  });
});

describe('two writers assigning at once (GitHub backend)', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await FakeGitHub.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  /** A backend whose first write waits until every writer is about to write. */
  function withBarrier(backend: GitHubBackend, arrived: () => void, go: Promise<void>): RegistryBackend {
    let waited = false;
    return Object.assign(Object.create(backend) as GitHubBackend, {
      async createTag(request: CreateTagRequest) {
        if (!waited) {
          waited = true;
          arrived();
          await go;
        }
        return backend.createTag(request);
      },
    });
  }

  async function raceApi(maxAttempts: number): Promise<PromiseSettledResult<{ tag: string; attempts: number }>[]> {
    const repo = fake.repo(`acme/race-${maxAttempts}`);
    const commits = [repo.addCommit('one'), repo.addCommit('two')];
    const client = createGitHubClient({ baseUrl: fake.url, retries: 0 });
    const api = new GitHubBackend({ client, owner: 'acme', repo: repo.name });
    const setup = new Registry({ backend: api, now: () => 1_600_000_000 });
    await setup.register({ model: 'churn', version: 'v1.0.0', ref: commits[0] });
    await setup.register({ model: 'churn', version: 'v2.0.0', ref: commits[1] });
    let release!: () => void;
    const go = new Promise<void>((resolve) => (release = resolve));
    let ready = 0;
    const arrived = () => {
      ready += 1;
      if (ready === 2) release();
    };
    return Promise.allSettled(
      ['v1.0.0', 'v2.0.0'].map(async (version) => {
        const registry = new Registry({ backend: withBarrier(api, arrived, go), maxAttempts, now: () => 1_700_000_000 });
        const result = await registry.assign({ model: 'churn', stage: 'production', version });
        return { tag: result.event.tag, attempts: result.attempts };
      }),
    );
  }

  it('end with one winner and one ConflictError naming the new holder', async () => {
    const results = await raceApi(5);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled.map((result) => result.value)).toEqual([{ tag: 'churn#production#1', attempts: 1 }]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(String(rejected[0].reason.message)).toMatch(/the holder of 'production' was none when it was planned and is now v[12]\.0\.0 \(new tag: 'churn#production#1'\)/);
    expect([...fake.repo('acme/race-5').refs.keys()].filter((ref) => ref.includes('#')).sort()).toEqual(['refs/tags/churn#production#1']);
  });

  it('give one ConflictError when retries are off', async () => {
    const results = await raceApi(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    expect(String(rejected[0].reason.message)).toMatch(/Reference already exists|already exists in acme\/race-1/);
  });
});
