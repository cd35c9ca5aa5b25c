// The GitHub backend's read cost: resolving a champion takes 2 requests
// however many tags the repository has; reading everything pages by 100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { formatGitTimestamp, GitHubBackend, Registry } from '../../shared/registry/index.js';
import { FakeGitHub, type FakeRepo } from '../support/fake-github.js';

let fake: FakeGitHub;
let repo: FakeRepo;
const MODELS = 50;
const VERSIONS = 50; // per model: 1 registration + production + staging every other version -> 125 tags
let total = 0;

function seed(target: FakeRepo, name: string, commit: string, date: number): void {
  const tag = target.addTagObject({ tag: name, message: `${name}\n`, object: commit, tagger: { name: 'T', email: 't@x', date: formatGitTimestamp(date, '+0000') } });
  target.refs.set(`refs/tags/${name}`, tag.sha);
  total += 1;
}

beforeAll(async () => {
  fake = await FakeGitHub.start();
  repo = fake.repo('acme/big');
  let date = 1_600_000_000;
  for (let model = 0; model < MODELS; model += 1) {
    let counter = 0;
    for (let version = 1; version <= VERSIONS; version += 1) {
      const commit = repo.addCommit(`m${model} v${version}`);
      seed(repo, `model-${model}@v1.${version}.0`, commit, (date += 1));
      seed(repo, `model-${model}#production#${(counter += 1)}`, commit, (date += 1));
      if (version % 2 === 0) seed(repo, `model-${model}#staging#${(counter += 1)}`, commit, (date += 1));
    }
  }
  // One small model: 3 tags among thousands.
  const commit = repo.addCommit('small');
  seed(repo, 'small@v1.0.0', commit, (date += 1));
  seed(repo, 'small#production#1', commit, (date += 1));
  seed(repo, 'small-other@v1.0.0', commit, date + 1);
});
afterAll(async () => {
  await fake.close();
});

const registry = (objectsPerQuery?: number) =>
  new Registry({ backend: new GitHubBackend({ client: createGitHubClient({ baseUrl: fake.url, retries: 0 }), owner: 'acme', repo: 'big', objectsPerQuery }) });

describe('GitHub backend request counts', () => {
  it('resolves a champion in 2 requests among thousands of tags', async () => {
    expect(total).toBe(6_253);
    fake.clearRequests();
    const champion = await registry().resolve('small', 'production');
    expect(champion?.version.version).toBe('v1.0.0');
    expect(fake.requests.map((request) => `${request.method} ${request.operation ?? request.path}`)).toEqual([
      'GET /repos/acme/big/git/matching-refs/tags%2Fsmall',
      'POST TollgateTagObjects',
    ]);
  });

  it('costs 1 + ceil(tags of the model / 100) requests for bigger models', async () => {
    fake.clearRequests();
    const champion = await registry().resolve('model-7', 'production');
    expect(champion?.version.version).toBe('v1.50.0');
    expect(fake.count()).toBe(1 + Math.ceil(125 / 100));
    fake.clearRequests();
    await registry(250).resolve('model-7', 'champion');
    expect(fake.count()).toBe(2);
  });

  it('reads the whole registry 100 tags per GraphQL page', async () => {
    fake.clearRequests();
    const state = await registry().state();
    expect(state.models).toHaveLength(MODELS + 2);
    expect(state.models.find((model) => model.name === 'model-3')?.stages).toEqual({ production: 'v1.50.0', staging: 'v1.50.0' });
    expect(fake.count()).toBe(Math.ceil(total / 100));
    expect(fake.count((request) => request.operation !== 'TollgateTagRefs')).toBe(0);
  });
});
