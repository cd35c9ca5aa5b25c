// A write that loses the race for a tag name is planned again on the new tags,
// but only written when what the first plan relied on still holds (the stage's
// holder, the version it targets). Otherwise the other writer's change would be
// compounded: two rollbacks would go two versions back, two unassigns would
// remove two holders, two promotions to one stage would both succeed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors/index.js';
import { Registry, RegistryError, type CreateTagRequest, type RegistryBackend } from '../../shared/registry/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { gitHarness, githubHarness, type BackendEnv } from './support/harness.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

const NOW = 1_700_000_000;

describe.each([gitHarness, githubHarness(() => fake)])('a retry after a lost race ($name backend)', (harness) => {
  let env: BackendEnv;
  afterEach(() => env?.cleanup());

  const open = (backend: RegistryBackend = env.backend) => new Registry({ backend, now: () => NOW });

  /** Our backend: right before its first write, `other` runs to completion on the same repository (it wins the tag name). */
  function racedBy(other: (registry: Registry) => Promise<unknown>): RegistryBackend {
    let raced = false;
    return {
      description: env.backend.description,
      listTags: (options) => env.backend.listTags(options),
      resolveCommit: (revision) => env.backend.resolveCommit(revision),
      defaultTagger: () => env.backend.defaultTagger(),
      async createTag(request: CreateTagRequest) {
        if (!raced) {
          raced = true;
          await other(open());
        }
        return env.backend.createTag(request);
      },
    };
  }

  /** v1.0.0, v2.0.0 and v3.0.0, each assigned to production in turn: churn#production#1..#3. */
  async function threeProductionHolders(): Promise<Registry> {
    env = harness.create();
    const registry = open();
    for (const [index, version] of ['v1.0.0', 'v2.0.0', 'v3.0.0'].entries()) {
      await registry.register({ model: 'churn', version, ref: env.commits[index] });
      await registry.assign({ model: 'churn', stage: 'production', version });
    }
    return registry;
  }

  const stageTags = async (registry: Registry) => (await registry.history('churn')).filter((event) => event.stage !== null).map((event) => event.tag);

  async function conflictOf(write: Promise<unknown>): Promise<ConflictError> {
    const error = await write.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConflictError);
    return error as ConflictError;
  }

  it('two rollbacks: one steps back to v2.0.0, the other fails instead of stepping back to v1.0.0', async () => {
    const registry = await threeProductionHolders();
    const ours = open(racedBy((other) => other.rollback({ model: 'churn', stage: 'production' })));
    const error = await conflictOf(ours.rollback({ model: 'churn', stage: 'production' }));
    expect(error.message).toMatch(/^churn: another writer changed the registry while this rollback was being written: /);
    expect(error.message).toContain("the holder of 'production' was v3.0.0 when it was planned and is now v2.0.0");
    expect(error.message).toContain("(new tag: 'churn#production#4')");
    expect(error.exitCode).toBe(1);
    expect((await registry.resolve('churn', 'production'))?.version.version).toBe('v2.0.0');
    expect(await stageTags(registry)).toEqual(['churn#production#1', 'churn#production#2', 'churn#production#3', 'churn#production#4']);
  });

  it('two unassigns: only v3.0.0 leaves production, the other fails instead of removing v2.0.0 too', async () => {
    const registry = await threeProductionHolders();
    const ours = open(racedBy((other) => other.unassign({ model: 'churn', stage: 'production' })));
    const error = await conflictOf(ours.unassign({ model: 'churn', stage: 'production' }));
    expect(error.message).toContain("this unassignment was being written: the holder of 'production' was v3.0.0 when it was planned and is now v2.0.0");
    expect((await registry.resolve('churn', 'production'))?.version.version).toBe('v2.0.0');
    expect((await stageTags(registry)).filter((tag) => tag.includes('!'))).toEqual(['churn#production!#4']);
  });

  it('two promotions of different versions to one stage: one wins, the other fails', async () => {
    env = harness.create();
    const registry = open();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    await registry.register({ model: 'churn', version: 'v2.0.0', ref: env.commits[1] });
    const ours = open(racedBy((other) => other.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' })));
    const error = await conflictOf(ours.assign({ model: 'churn', stage: 'production', version: 'v2.0.0' }));
    expect(error.message).toContain("the holder of 'production' was none when it was planned and is now v1.0.0");
    expect((await registry.resolve('churn', 'production'))?.version.version).toBe('v1.0.0');
    expect(await stageTags(registry)).toEqual(['churn#production#1']);
  });

  it('a promotion of the latest version when the other writer promoted it first: nothing to write', async () => {
    env = harness.create();
    const registry = open();
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: env.commits[0] });
    const ours = open(racedBy((other) => other.assign({ model: 'churn', stage: 'production' })));
    const result = await ours.assign({ model: 'churn', stage: 'production' });
    expect(result).toMatchObject({ created: false, attempts: 2, event: { tag: 'churn#production#1', version: 'v1.0.0' } });
    expect(await stageTags(registry)).toEqual(['churn#production#1']);
  });

  it('a rollback whose new plan is impossible reports the race, not "nothing to roll back to"', async () => {
    env = harness.create();
    const registry = open();
    for (const [index, version] of ['v1.0.0', 'v2.0.0'].entries()) {
      await registry.register({ model: 'churn', version, ref: env.commits[index] });
      await registry.assign({ model: 'churn', stage: 'production', version });
    }
    const ours = open(racedBy((other) => other.rollback({ model: 'churn', stage: 'production' })));
    const error = await conflictOf(ours.rollback({ model: 'churn', stage: 'production' }));
    expect(error).not.toBeInstanceOf(RegistryError);
    expect(error.message).toContain("the holder of 'production' was v2.0.0 when it was planned and is now v1.0.0");
    expect(error.message).toContain('the version to roll back to was v1.0.0 when it was planned and is now none');
    expect(error.cause).toBeInstanceOf(RegistryError);
    expect((await registry.resolve('churn', 'production'))?.version.version).toBe('v1.0.0');
  });
});
