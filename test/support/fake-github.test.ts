// The shared fake of the GitHub API, exercised through octokit as production code uses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../shared/github/client.js';
import { FakeGitHub, type FakeRepo } from './fake-github.js';

let fake: FakeGitHub;
let client: GitHubClient;
let repo: FakeRepo;
const owner = 'acme';
const name = 'fake';

beforeAll(async () => {
  fake = await FakeGitHub.start();
  client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
  repo = fake.repo('acme/fake');
  repo.addCommit('initial');
});
afterAll(async () => {
  await fake.close();
});

describe('fake GitHub', () => {
  it('serves issues and comments with pagination headers', async () => {
    const issue = await client.rest.issues.create({ owner, repo: name, title: 'Drift: churn', body: 'x', labels: ['tollgate:drift'] });
    expect(issue.status).toBe(201);
    expect(issue.data).toMatchObject({ number: 1, state: 'open', labels: [{ name: 'tollgate:drift' }] });
    for (let index = 0; index < 35; index += 1) await client.rest.issues.createComment({ owner, repo: name, issue_number: 1, body: `comment ${index}` });
    const firstPage = await client.rest.issues.listComments({ owner, repo: name, issue_number: 1, per_page: 30 });
    expect(firstPage.data).toHaveLength(30);
    expect(firstPage.headers.link).toMatch(/page=2.*rel="next".*page=2.*rel="last"/);
    const all = await client.paginate(client.rest.issues.listComments, { owner, repo: name, issue_number: 1, per_page: 10 });
    expect(all.map((comment) => comment.body)).toEqual(Array.from({ length: 35 }, (_, index) => `comment ${index}`));
    const edited = await client.rest.issues.updateComment({ owner, repo: name, comment_id: all[0].id, body: 'edited' });
    expect(edited.data.body).toBe('edited');
    expect((await client.rest.issues.getComment({ owner, repo: name, comment_id: all[0].id })).data.body).toBe('edited');
    await client.rest.issues.update({ owner, repo: name, issue_number: 1, state: 'closed' });
    expect((await client.rest.issues.get({ owner, repo: name, issue_number: 1 })).data).toMatchObject({ state: 'closed', state_reason: 'completed', comments: 35 });
    expect(await client.rest.issues.listForRepo({ owner, repo: name, state: 'open' })).toMatchObject({ data: [] });
    expect((await client.rest.issues.listForRepo({ owner, repo: name, state: 'all', labels: 'tollgate:drift' })).data).toHaveLength(1);
  });

  it('serves pull requests, reviews and check runs', async () => {
    repo.addCommit('feature', 'feature');
    const pull = await client.rest.pulls.create({ owner, repo: name, title: 'Promote churn', head: 'feature', base: 'main' });
    expect(pull.data).toMatchObject({ title: 'Promote churn', state: 'open', head: { ref: 'feature', sha: repo.resolve('feature') } });
    await client.rest.pulls.createReview({ owner, repo: name, pull_number: pull.data.number, event: 'APPROVE', body: 'lgtm' });
    const reviews = await client.rest.pulls.listReviews({ owner, repo: name, pull_number: pull.data.number });
    expect(reviews.data).toMatchObject([{ state: 'APPROVED', commit_id: repo.resolve('feature') }]);
    expect((await client.rest.pulls.list({ owner, repo: name, head: 'acme:feature' })).data).toHaveLength(1);
    await client.rest.pulls.update({ owner, repo: name, pull_number: pull.data.number, body: 'status' });
    expect((await client.rest.pulls.get({ owner, repo: name, pull_number: pull.data.number })).data.body).toBe('status');

    const sha = repo.resolve('feature')!;
    const run = await client.rest.checks.create({ owner, repo: name, name: 'tollgate/approval', head_sha: sha, status: 'in_progress' });
    await client.rest.checks.update({ owner, repo: name, check_run_id: run.data.id, conclusion: 'success', output: { title: 'ok', summary: 'approved' } });
    const listed = await client.rest.checks.listForRef({ owner, repo: name, ref: 'feature' });
    expect(listed.data).toMatchObject({ total_count: 1, check_runs: [{ name: 'tollgate/approval', status: 'completed', conclusion: 'success' }] });
  });

  it('serves deployments, collaborator permissions and contents', async () => {
    const deployment = await client.rest.repos.createDeployment({ owner, repo: name, ref: 'main', environment: 'production', auto_merge: false, required_contexts: [] });
    expect(deployment.status).toBe(201);
    const id = (deployment.data as { id: number }).id;
    await client.rest.repos.createDeploymentStatus({ owner, repo: name, deployment_id: id, state: 'success' });
    expect((await client.rest.repos.listDeploymentStatuses({ owner, repo: name, deployment_id: id })).data).toMatchObject([{ state: 'success' }]);
    expect((await client.rest.repos.listDeployments({ owner, repo: name, environment: 'production' })).data).toHaveLength(1);

    repo.collaborators.set('alice', 'maintain');
    expect((await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: 'alice' })).data).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect((await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username: 'mallory' })).data).toMatchObject({ permission: 'none' });

    repo.setFile('.github/tollgate.yml', 'models: {}\n');
    const file = await client.rest.repos.getContent({ owner, repo: name, path: '.github/tollgate.yml' });
    const data = file.data as { content: string; sha: string };
    expect(Buffer.from(data.content, 'base64').toString()).toBe('models: {}\n');
    await client.rest.repos.createOrUpdateFileContents({ owner, repo: name, path: 'PROMOTIONS.md', message: 'log', content: Buffer.from('# log\n').toString('base64') });
    await expect(client.rest.repos.createOrUpdateFileContents({ owner, repo: name, path: 'PROMOTIONS.md', message: 'log', content: 'eA==', sha: 'stale' })).rejects.toMatchObject({ status: 409 });
    expect(repo.files().get('PROMOTIONS.md')?.content.toString()).toBe('# log\n');
  });

  it('records requests, answers unknown routes with 404 and injects failures', async () => {
    fake.clearRequests();
    await expect(client.request('GET /repos/{owner}/{repo}/nothing-here', { owner, repo: name })).rejects.toMatchObject({ status: 404 });
    await expect(client.rest.repos.get({ owner, repo: 'missing' })).rejects.toMatchObject({ status: 404 });
    fake.failNext('GET', '/repos/:owner/:repo', 503);
    await expect(client.rest.repos.get({ owner, repo: name })).rejects.toMatchObject({ status: 503 });
    expect((await client.rest.repos.get({ owner, repo: name })).data).toMatchObject({ full_name: 'acme/fake', default_branch: 'main' });
    expect(fake.requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/repos/acme/fake/nothing-here', 404],
      ['GET', '/repos/acme/missing', 404],
      ['GET', '/repos/acme/fake', 503],
      ['GET', '/repos/acme/fake', 200],
    ]);
    const unauthenticated = await FakeGitHub.start({ requireAuth: true });
    unauthenticated.repo('acme/private');
    await expect(createGitHubClient({ baseUrl: unauthenticated.url, retries: 0 }).rest.repos.get({ owner, repo: 'private' })).rejects.toMatchObject({ status: 401 });
    await unauthenticated.close();
  });

  it('answers unknown GraphQL operations with an error', async () => {
    await expect(client.graphql('query Unknown { viewer { login } }')).rejects.toThrow(/does not implement GraphQL operation 'Unknown'/);
  });
});
