// The life of a model as docs/registry.md tells it, run through the registry
// on a real git repository: the tags and the resulting state.
import { afterAll, expect, it } from 'vitest';
import { GitBackend, Registry } from '../../shared/registry/index.js';
import { makeRepo } from './support/git-repo.js';

const repo = makeRepo();
afterAll(() => repo.cleanup());

it('produces the documented tags and state', async () => {
  const registry = new Registry({
    backend: new GitBackend({ cwd: repo.dir }),
    models: { churn: { stages: ['staging', 'canary', 'production'], require_previous_stage: true } },
    now: () => 1_700_000_000,
  });
  await registry.register({ model: 'churn', version: 'v1.0.0', metadata: { pullRequest: 17 } });
  for (const stage of ['staging', 'canary', 'production']) await registry.assign({ model: 'churn', stage });
  repo.commit('next model');
  await registry.register({ model: 'churn', bump: 'minor' });
  for (const stage of ['staging', 'canary', 'production']) await registry.assign({ model: 'churn', stage });
  expect((await registry.resolve('churn', 'champion'))?.version.version).toBe('v1.1.0');
  await registry.rollback({ model: 'churn', stage: 'production' });
  await registry.deregister({ model: 'churn', version: 'v1.1.0' });
  await registry.unassign({ model: 'churn', stage: 'canary' });
  await registry.deprecate({ model: 'churn' });

  expect((await registry.history('churn')).map((event) => event.tag)).toEqual([
    'churn@v1.0.0',
    'churn#staging#1',
    'churn#canary#2',
    'churn#production#3',
    'churn@v1.1.0',
    'churn#staging#4',
    'churn#canary#5',
    'churn#production#6',
    'churn#production#7',
    'churn@v1.1.0!',
    'churn#canary!#8',
    'churn@deprecated',
  ]);
  const model = await registry.model('churn');
  expect(model).toMatchObject({ latest: 'v1.0.0', deprecated: true, stages: { staging: 'v1.0.0', production: 'v1.0.0' } });
  expect(model.stages.canary).toBeUndefined();
  expect((await registry.checkRef('churn#production#7')).event?.metadata.rollbackFrom).toBe('v1.1.0');
});
