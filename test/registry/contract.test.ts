// One contract for every registry backend: the same cases run against a real
// git repository in a temporary folder and against the fake GitHub API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, UsageError } from '../../shared/errors/index.js';
import type { ModelsConfig } from '../../shared/config/models.js';
import { PolicyError, Registry, RegistryError, type CreateTagRequest, type RegistryBackend } from '../../shared/registry/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { gitHarness, githubHarness, type BackendEnv } from './support/harness.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

const CONFIG: ModelsConfig = {
  churn: { stages: ['staging', 'canary', 'production'], require_previous_stage: true },
};
const NOW = 1_700_000_000;

describe.each([gitHarness, githubHarness(() => fake)])('registry contract: $name backend', (harness) => {
  let env: BackendEnv;
  let registry: Registry;
  const open = (options: { backend?: RegistryBackend; maxAttempts?: number; models?: ModelsConfig } = {}) =>
    new Registry({ backend: options.backend ?? env.backend, models: options.models ?? CONFIG, now: () => NOW, maxAttempts: options.maxAttempts });

  const setup = () => {
    env = harness.create();
    registry = open();
  };
  afterEach(() => env?.cleanup());

  it('starts empty', async () => {
    setup();
    expect(await registry.state()).toEqual({ models: [], ignored: [] });
    expect(await registry.resolve('churn', 'champion')).toBeNull();
  });

  it('registers a version with GTO tag name, message and trailers', async () => {
    setup();
    const result = await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0], metadata: { runUrl: 'https://github.com/acme/churn/actions/runs/1', metricsDigest: 'sha256:aa' } });
    expect(result.created).toBe(true);
    expect(result.event).toMatchObject({ tag: 'churn@v1.0.0', action: 'register', version: 'v1.0.0', commit: env.commits[0], date: NOW, author: 'Test Tagger', authorEmail: 'tagger@example.com' });
    expect(env.message('churn@v1.0.0')).toBe(
      'Registering artifact churn version v1.0.0\n\nTollgate-Run: https://github.com/acme/churn/actions/runs/1\nTollgate-Metrics: sha256:aa\n',
    );
    const model = await registry.model('churn');
    expect(model).toMatchObject({ name: 'churn', path: null, latest: 'v1.0.0', deprecated: false, stages: {} });
    expect(model.versions).toHaveLength(1);
    expect(model.versions[0]).toMatchObject({ version: 'v1.0.0', registered: true, commit: env.commits[0], created: '2023-11-14T22:13:20.000Z', deregistered: false, tag: 'churn@v1.0.0' });
    expect(model.versions[0].metadata.metricsDigest).toBe('sha256:aa');
  });

  it('treats a re-run with the same commit and metadata as a no-op', async () => {
    setup();
    const metadata = { dataFingerprint: 'sha256:data', metricsDigest: 'sha256:m' };
    const first = await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0], metadata });
    const again = await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0], metadata: { ...metadata, runUrl: 'https://x/2' } });
    expect(again.created).toBe(false);
    expect(again.event.tag).toBe(first.event.tag);
    expect((await registry.history('churn')).map((event) => event.tag)).toEqual(['churn@v1.0.0']);
  });

  it('refuses the same version at another commit, other metadata, or a second version on one commit', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0], metadata: { metricsDigest: 'sha256:one' } });
    await expect(registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[1] })).rejects.toThrow(/already registered at commit/);
    await expect(registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0], metadata: { metricsDigest: 'sha256:two' } })).rejects.toThrow(
      /different metadata \(metricsDigest sha256:one -> sha256:two\)/,
    );
    await expect(registry.register({ model: 'churn', version: 'v1.1.0', ref: env.commits[0] })).rejects.toBeInstanceOf(RegistryError);
    await expect(registry.register({ model: 'churn', version: '1.1.0', ref: env.commits[1] })).rejects.toBeInstanceOf(UsageError);
  });

  it('bumps from the latest version, and a bump re-run on the same commit is a no-op', async () => {
    setup();
    await registry.register({ model: 'churn', bump: 'patch', ref: env.commits[0] });
    const minor = await registry.register({ model: 'churn', bump: 'minor', ref: env.commits[1] });
    expect(minor.event.version).toBe('v0.1.0');
    const rerun = await registry.register({ model: 'churn', bump: 'minor', ref: env.commits[1] });
    expect(rerun).toMatchObject({ created: false, event: { version: 'v0.1.0' } });
    const major = await registry.register({ model: 'churn', bump: 'major', ref: env.commits[2] });
    expect(major.event.version).toBe('v1.0.0');
    expect((await registry.model('churn')).versions.map((version) => version.version)).toEqual(['v1.0.0', 'v0.1.0', 'v0.0.1']);
  });

  it('assigns stages with model-wide counters and strictly increasing tagger dates', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    const staging = await registry.assign({ model: 'churn', stage: 'staging', version: 'v1.0.0' });
    const canary = await registry.assign({ model: 'churn', stage: 'canary', version: 'v1.0.0' });
    expect([staging.event.tag, canary.event.tag]).toEqual(['churn#staging#1', 'churn#canary#2']);
    expect([staging.event.date, canary.event.date]).toEqual([NOW + 1, NOW + 2]);
    expect(env.message('churn#canary#2')).toBe('Assigning stage canary to artifact churn version v1.0.0\n');
    // Another model counts from 1.
    await registry.register({ model: 'fraud', version: 'v0.1.0', ref: env.commits[1] });
    expect((await registry.assign({ model: 'fraud', stage: 'production' })).event.tag).toBe('fraud#production#1');
    // Assigning the holder again changes nothing.
    expect(await registry.assign({ model: 'churn', stage: 'canary', version: 'v1.0.0' })).toMatchObject({ created: false, event: { tag: 'churn#canary#2' } });
  });

  it('enforces stage order unless forced, and records the bypass', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await expect(registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' })).rejects.toBeInstanceOf(PolicyError);
    await expect(registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' })).rejects.toThrow(/never held 'canary'/);
    await expect(registry.assign({ model: 'churn', stage: 'prod' })).rejects.toThrow(/not configured for churn; configured stages: staging, canary, production/);
    const forced = await registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0', force: true, reason: 'hotfix INC-42' });
    expect(forced.event.metadata.forced).toBe('hotfix INC-42');
    expect(env.message(forced.event.tag)).toBe('Assigning stage production to artifact churn version v1.0.0\n\nTollgate-Forced: hotfix INC-42\n');
    expect(await registry.resolve('churn', 'champion')).toMatchObject({ stage: 'production', version: { version: 'v1.0.0' } });
  });

  it('unassigns: the previous holder of the stage comes back', async () => {
    setup();
    const open = new Registry({ backend: env.backend, now: () => NOW });
    await open.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await open.register({ model: 'churn', version: 'v2.0.0', ref: env.commits[1] });
    await open.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    await open.assign({ model: 'churn', stage: 'production', version: 'v2.0.0' });
    expect((await open.model('churn')).stages).toEqual({ production: 'v2.0.0' });
    const undone = await open.unassign({ model: 'churn', stage: 'production' });
    expect(undone.event).toMatchObject({ tag: 'churn#production!#3', action: 'unassign', version: 'v2.0.0', commit: env.commits[1] });
    expect(env.message('churn#production!#3')).toBe("Unassigning stage 'production' to artifact 'churn' version 'v2.0.0'\n");
    expect((await open.model('churn')).stages).toEqual({ production: 'v1.0.0' });
    expect((await open.unassign({ model: 'churn', stage: 'production', version: 'v2.0.0' })).created).toBe(false);
  });

  it('rolls back with a new tag, skipping versions already rolled away from', async () => {
    setup();
    const open = new Registry({ backend: env.backend, now: () => NOW });
    for (const [index, version] of ['v1.0.0', 'v2.0.0', 'v3.0.0'].entries()) {
      await open.register({ model: 'churn', version, ref: env.commits[index] });
      await open.assign({ model: 'churn', stage: 'production', version });
    }
    const first = await open.rollback({ model: 'churn', stage: 'production' });
    expect(first.event).toMatchObject({ tag: 'churn#production#4', version: 'v2.0.0', metadata: { rollbackFrom: 'v3.0.0' } });
    const second = await open.rollback({ model: 'churn', stage: 'production' });
    expect(second.event).toMatchObject({ tag: 'churn#production#5', version: 'v1.0.0', metadata: { rollbackFrom: 'v2.0.0' } });
    await expect(open.rollback({ model: 'churn', stage: 'production' })).rejects.toThrow(/nothing to roll back to/);
    const explicit = await open.rollback({ model: 'churn', stage: 'production', to: 'v3.0.0' });
    expect(explicit.event.version).toBe('v3.0.0');
    const history = await open.history('churn');
    expect(history.filter((event) => event.action === 'assign')).toHaveLength(6);
  });

  it('deregisters a version: it leaves its stages and `latest`', async () => {
    setup();
    const open = new Registry({ backend: env.backend, now: () => NOW });
    await open.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await open.register({ model: 'churn', version: 'v1.1.0', ref: env.commits[1] });
    await open.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    await open.assign({ model: 'churn', stage: 'production', version: 'v1.1.0' });
    const gone = await open.deregister({ model: 'churn', version: 'v1.1.0' });
    expect(gone.event).toMatchObject({ tag: 'churn@v1.1.0!', action: 'deregister' });
    expect(env.message('churn@v1.1.0!')).toBe('Deregistering artifact churn version v1.1.0\n');
    const model = await open.model('churn');
    expect(model).toMatchObject({ latest: 'v1.0.0', stages: { production: 'v1.0.0' } });
    expect(model.versions.find((version) => version.version === 'v1.1.0')?.deregistered).toBe(true);
    expect((await open.deregister({ model: 'churn', version: 'v1.1.0' })).created).toBe(false);
    await expect(open.assign({ model: 'churn', stage: 'staging', version: 'v1.1.0' })).rejects.toThrow(/was deregistered/);
  });

  it('deprecates a model once', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    const deprecated = await registry.deprecate({ model: 'churn' });
    expect(deprecated.event).toMatchObject({ tag: 'churn@deprecated', commit: env.commits[0] });
    expect(env.message('churn@deprecated')).toBe("Deprecating artifact 'churn'\n");
    expect((await registry.model('churn')).deprecated).toBe(true);
    expect((await registry.deprecate({ model: 'churn' })).created).toBe(false);
  });

  /** A backend on which, right before our next write, another writer tags `racer.name ?? our name` on `racer.commit`. */
  function racingBackend(racer: { commit?: string; lightweight?: boolean }): RegistryBackend {
    return {
      description: env.backend.description,
      listTags: (options) => env.backend.listTags(options),
      resolveCommit: (revision) => env.backend.resolveCommit(revision),
      defaultTagger: () => env.backend.defaultTagger(),
      async createTag(request: CreateTagRequest) {
        if (racer.commit !== undefined) env.rawTag(request.name, racer.commit, { date: request.tagger.date, lightweight: racer.lightweight });
        racer.commit = undefined;
        return env.backend.createTag(request);
      },
    };
  }

  it('recomputes the counter when another writer takes the tag name but changes nothing the plan relied on', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await registry.register({ model: 'churn', version: 'v1.1.0', ref: env.commits[1] });
    // A hand-made lightweight tag takes the name: it counts for counters but moves no stage.
    const result = await open({ backend: racingBackend({ commit: env.commits[1], lightweight: true }) }).assign({ model: 'churn', stage: 'staging', version: 'v1.0.0' });
    expect(result).toMatchObject({ created: true, attempts: 2, event: { tag: 'churn#staging#2', version: 'v1.0.0' } });
    expect((await registry.history('churn')).map((event) => event.tag)).toEqual(['churn@v1.0.0', 'churn@v1.1.0', 'churn#staging#2']);
    expect((await registry.model('churn')).stages).toEqual({ staging: 'v1.0.0' });
    // With a single attempt the race surfaces as a ConflictError.
    const single = open({ backend: racingBackend({ commit: env.commits[1], lightweight: true }), maxAttempts: 1 });
    await expect(single.assign({ model: 'churn', stage: 'canary', version: 'v1.0.0' })).rejects.toThrow(/gave up after 1 attempts/);
    // A racer that writes the very same assignment makes ours a no-op.
    const same = await open({ backend: racingBackend({ commit: env.commits[0] }) }).assign({ model: 'churn', stage: 'canary', version: 'v1.0.0' });
    expect(same).toMatchObject({ created: false, attempts: 2, event: { tag: 'churn#canary#4' } });
  });

  it('does not re-plan when the other writer changed the stage: a ConflictError names the change', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await registry.register({ model: 'churn', version: 'v1.1.0', ref: env.commits[1] });
    // The racer assigns v1.1.0 to staging under the name our plan chose.
    const racing = open({ backend: racingBackend({ commit: env.commits[1] }) });
    const error = await racing.assign({ model: 'churn', stage: 'staging', version: 'v1.0.0' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe(
      "churn: another writer changed the registry while this assignment was being written: the holder of 'staging' was none when it was planned and is now v1.1.0 " +
        "(new tag: 'churn#staging#1'). Nothing was written; look at the new state and try again if the assignment is still wanted",
    );
    expect((await registry.history('churn')).map((event) => event.tag)).toEqual(['churn@v1.0.0', 'churn@v1.1.0', 'churn#staging#1']);
    expect((await registry.model('churn')).stages).toEqual({ staging: 'v1.1.0' });
  });

  it.each(['latest', 'champion'])("refuses to assign the reserved stage name '%s' (resolve could never read it back)", async (stage) => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    const unconfigured = open({ models: {} });
    const error = await unconfigured.assign({ model: 'churn', stage }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(new RegExp(`^stage name '${stage}' is reserved: resolving '${stage}' gives .*; choose another name`));
    await expect(unconfigured.rollback({ model: 'churn', stage })).rejects.toThrow(/is reserved/);
    expect((await registry.history('churn')).map((event) => event.tag)).toEqual(['churn@v1.0.0']);
  });

  it('ignores lightweight tags but counts their counters', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    env.rawTag('churn#staging#9', env.commits[0], { lightweight: true });
    env.rawTag('v1.0.0', env.commits[0], { lightweight: true });
    const state = await registry.state();
    expect(state.ignored).toEqual([{ tag: 'churn#staging#9', reason: expect.stringMatching(/^lightweight tag/) }]);
    expect(state.models[0].stages).toEqual({});
    expect((await registry.assign({ model: 'churn', stage: 'staging' })).event.tag).toBe('churn#staging#10');
  });

  it('reads tags written by GTO or by hand, ordered by tagger date', async () => {
    setup();
    env.rawTag('churn@v1.0.0', env.commits[0], { date: 1_000, message: 'Registering artifact churn version v1.0.0\n' });
    env.rawTag('churn@v1.1.0', env.commits[1], { date: 1_001 });
    env.rawTag('churn#production#2', env.commits[1], { date: 1_002 });
    env.rawTag('churn#production#1', env.commits[0], { date: 1_003 });
    const model = await registry.model('churn');
    expect(model.stages).toEqual({ production: 'v1.0.0' });
    expect(model.latest).toBe('v1.1.0');
    // Our write continues after the newest date and the highest counter.
    const next = await registry.assign({ model: 'churn', stage: 'staging', version: 'v1.1.0' });
    expect(next.event).toMatchObject({ tag: 'churn#staging#3', date: NOW });
  });

  it('describes a tag like gto check-ref', async () => {
    setup();
    await registry.register({ model: 'rf', version: 'v1.2.4', ref: env.commits[0] });
    await registry.assign({ model: 'rf', stage: 'production' });
    await registry.assign({ model: 'rf', stage: 'staging' });
    await registry.assign({ model: 'rf', stage: 'production-eu' });
    expect((await registry.checkRef('rf#production#1')).text).toBe('Stage "production" was assigned to version "v1.2.4" of artifact "rf"');
    expect((await registry.checkRef('rf@v1.2.4')).text).toBe('Version "v1.2.4" of artifact "rf" was registered');
    await expect(registry.checkRef('rf#production#99')).rejects.toThrow(/does not exist/);
    await expect(registry.checkRef('not a tag')).rejects.toThrow(/is not a registry tag/);
  });

  it('handles monorepo names and short names from the configuration', async () => {
    setup();
    const models: ModelsConfig = { churn: { path: 'models/churn', stages: [], require_previous_stage: true } };
    const mono = open({ models });
    const result = await mono.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    expect(result.event).toMatchObject({ tag: 'models/churn=churn@v1.0.0', model: 'models/churn:churn' });
    expect(env.message('models/churn=churn@v1.0.0')).toBe('Registering artifact models/churn:churn version v1.0.0\n');
    await mono.assign({ model: 'models/churn:churn', stage: 'production' });
    expect(await mono.resolve('churn', 'production')).toMatchObject({ model: 'models/churn:churn', version: { version: 'v1.0.0' } });
    expect((await mono.state()).models.map((model) => [model.name, model.path])).toEqual([['models/churn:churn', 'models/churn']]);
  });

  it('resolves latest and stages, and says so when nothing matches', async () => {
    setup();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await registry.register({ model: 'churn', version: 'v1.1.0-rc.1', ref: env.commits[1] });
    expect(await registry.resolve('churn', 'latest')).toMatchObject({ stage: 'latest', version: { version: 'v1.1.0-rc.1', commit: env.commits[1] } });
    expect(await registry.resolve('churn', 'staging')).toBeNull();
    expect(await registry.resolve('other', 'latest')).toBeNull();
    await expect(registry.model('other')).rejects.toThrow(/has no registry tags/);
  });
});
