import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../cli/command.js';
import { main } from '../../cli/main.js';
import { makeRepo, type TempRepo } from '../registry/support/git-repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `tollgate registry ...` in-process from `cwd`. */
async function tollgate(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const io: CommandIo = { stdout: stdout.stream, stderr: stderr.stream, cwd, env: process.env, interactive: false };
  const code = await main(['registry', ...argv], io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function repoWithConfig(config?: string): TempRepo {
  const repo = makeRepo();
  repos.push(repo);
  if (config !== undefined) {
    mkdirSync(join(repo.dir, '.github'));
    writeFileSync(join(repo.dir, '.github', 'tollgate.yml'), config);
  }
  return repo;
}

describe('tollgate registry', () => {
  it('registers, assigns and shows a model (text and JSON)', async () => {
    const repo = repoWithConfig('models:\n  churn:\n    stages: [staging, production]\n');
    writeFileSync(join(repo.dir, 'metrics.json'), '{"auc": 0.9}');
    const registered = await tollgate(repo.dir, 'register', 'churn', '--version', 'v1.0.0', '--metrics', 'metrics.json');
    expect(registered).toMatchObject({ code: 0, stderr: '' });
    expect(registered.stdout).toBe(
      "Created tag 'churn@v1.0.0': Version \"v1.0.0\" of artifact \"churn\" was registered\nPublish it with: git push origin 'refs/tags/churn@v1.0.0'\n",
    );
    expect(repo.git(['cat-file', 'tag', 'churn@v1.0.0'])).toMatch(
      /\n\nRegistering artifact churn version v1\.0\.0\n\nTollgate-Metrics: sha256:[0-9a-f]{64}$/,
    );
    expect((await tollgate(repo.dir, 'assign', 'churn', 'staging')).code).toBe(0);
    const assigned = await tollgate(repo.dir, 'assign', 'churn', 'production', '--json');
    expect(assigned.code).toBe(0);
    expect(JSON.parse(assigned.stdout)).toMatchObject({ created: true, attempts: 1, event: { tag: 'churn#production#2', action: 'assign', version: 'v1.0.0', stage: 'production' } });

    const json = await tollgate(repo.dir, 'show', '--json');
    const state = JSON.parse(json.stdout);
    expect(state.models).toHaveLength(1);
    expect(state.models[0]).toMatchObject({ name: 'churn', latest: 'v1.0.0', stages: { staging: 'v1.0.0', production: 'v1.0.0' }, deprecated: false });
    expect(state.ignored).toEqual([]);

    const text = await tollgate(repo.dir, 'show');
    expect(text.stdout).toBe('model  latest  #staging  #production\nchurn  v1.0.0  v1.0.0    v1.0.0\n');
    const one = await tollgate(repo.dir, 'show', 'churn');
    expect(one.stdout.split('\n')[0]).toBe('churn · latest v1.0.0');
    expect(one.stdout).toMatch(/v1\.0\.0\s+[0-9a-f]{12}\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+staging, production\s+Test Tagger/);
  });

  it('runs from another directory with --repo and prints history and check-ref', async () => {
    const repo = repoWithConfig();
    await tollgate(repo.dir, 'register', 'rf', '--bump', 'minor');
    await tollgate(repo.dir, 'assign', 'rf', 'production');
    const checked = await tollgate('/', 'check-ref', 'rf#production#1', '--repo', repo.dir);
    expect(checked).toEqual({ code: 0, stdout: 'Stage "production" was assigned to version "v0.1.0" of artifact "rf"\n', stderr: '' });
    const history = await tollgate('/', 'history', 'rf', '--repo', repo.dir, '--json');
    expect(JSON.parse(history.stdout).events.map((event: { tag: string }) => event.tag)).toEqual(['rf@v0.1.0', 'rf#production#1']);
    const text = await tollgate(repo.dir, 'history', 'rf');
    expect(text.stdout.split('\n')).toHaveLength(4);
    expect(text.stdout).toContain('rf#production#1  Stage "production" was assigned to version "v0.1.0" of artifact "rf"');
  });

  it('blocks a stage skip with exit 1, allows it with --force, and rolls back', async () => {
    const repo = repoWithConfig('models:\n  churn:\n    stages: [staging, canary, production]\n');
    await tollgate(repo.dir, 'register', 'churn', '--version', 'v1.0.0');
    const blocked = await tollgate(repo.dir, 'assign', 'churn', 'production');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^tollgate registry: churn v1\.0\.0 has never held 'canary', the stage before 'production'/);
    const forced = await tollgate(repo.dir, 'assign', 'churn', 'production', '--force', '--reason', 'incident 7', '--json');
    expect(JSON.parse(forced.stdout).event.metadata).toEqual({ forced: 'incident 7' });
    repo.commit('next');
    await tollgate(repo.dir, 'register', 'churn', '--bump', 'patch');
    await tollgate(repo.dir, 'assign', 'churn', 'production', '--version', 'v1.0.1', '--force');
    const rolled = await tollgate(repo.dir, 'rollback', 'churn', 'production');
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toMatch(/^Created tag 'churn#production#3': Stage "production" was assigned to version "v1\.0\.0"/);
    const again = await tollgate(repo.dir, 'assign', 'churn', 'production', '--version', 'v1.0.0');
    expect(again.stdout).toMatch(/^Already recorded by tag 'churn#production#3'/);
  });

  it('unassigns, deregisters and deprecates', async () => {
    const repo = repoWithConfig();
    await tollgate(repo.dir, 'register', 'm', '--version', 'v1.0.0');
    await tollgate(repo.dir, 'assign', 'm', 'prod');
    expect((await tollgate(repo.dir, 'unassign', 'm', 'prod')).stdout).toMatch(/^Created tag 'm#prod!#2'/);
    expect((await tollgate(repo.dir, 'deregister', 'm', '--version', 'v1.0.0')).stdout).toMatch(/^Created tag 'm@v1\.0\.0!'/);
    expect((await tollgate(repo.dir, 'deprecate', 'm')).stdout).toMatch(/^Created tag 'm@deprecated'/);
    const state = JSON.parse((await tollgate(repo.dir, 'show', '--json')).stdout);
    expect(state.models[0]).toMatchObject({ deprecated: true, latest: null, stages: {} });
    expect((await tollgate(repo.dir, 'show')).stdout).toBe('model           latest\nm (deprecated)  —\n');
  });

  it('pushes only the new tag with --push', async () => {
    const remote = makeRepo({ bare: true });
    repos.push(remote);
    const repo = repoWithConfig();
    repo.git(['remote', 'add', 'origin', remote.dir]);
    repo.git(['push', '--quiet', 'origin', 'HEAD:main']);
    repo.git(['tag', 'unrelated-local-tag']);
    const result = await tollgate(repo.dir, 'register', 'churn', '--version', 'v1.0.0', '--push');
    expect(result.stdout).toMatch(/^Created tag 'churn@v1\.0\.0' and pushed to origin:/);
    expect(remote.git(['tag', '--list'])).toBe('churn@v1.0.0');
  });

  it('reports lightweight registry tags as warnings', async () => {
    const repo = repoWithConfig();
    await tollgate(repo.dir, 'register', 'm', '--version', 'v1.0.0');
    repo.git(['tag', 'm#prod#4']);
    const shown = await tollgate(repo.dir, 'show', 'm');
    expect(shown.stderr).toBe("warning: tag 'm#prod#4' ignored: lightweight tag: only annotated tags count (recreate it with `git tag -a`)\n");
    expect(JSON.parse((await tollgate(repo.dir, 'assign', 'm', 'prod', '--json')).stdout).event.tag).toBe('m#prod#5');
  });

  it.each([
    [[], /missing the subcommand/],
    [['promote', 'm'], /unknown subcommand 'promote'/],
    [['show', '--force'], /registry show does not take --force/],
    [['register', 'm'], /exactly one of a version/],
    [['register', 'm', '--version', 'v1.0.0', '--bump', 'patch'], /exactly one of a version/],
    [['register', 'm', '--bump', 'huge'], /--bump must be major, minor or patch/],
    [['register', 'm', '--version', '1.0'], /invalid version '1\.0'/],
    [['register', 'bad name', '--version', 'v1.0.0'], /invalid model name 'bad name'/],
    [['assign', 'm'], /missing arguments: registry assign <model> <stage>/],
    [['assign', 'm', 'prod', '--reason', 'x'], /--reason goes with --force/],
    [['deregister', 'm'], /missing --version/],
    [['check-ref', 'm@1.0'], /is not a registry tag/],
    [['history', 'm', 'extra'], /unexpected argument 'extra'/],
    [['show', '--remote', 'x'], /does not take --remote/],
    [['assign', 'm', 'latest'], /^tollgate registry: stage name 'latest' is reserved: resolving 'latest' gives the highest registered version/],
    [['assign', 'm', 'champion', '--version', 'v1.0.0'], /^tollgate registry: stage name 'champion' is reserved/],
  ])('usage error for %j', async (argv, message) => {
    const repo = repoWithConfig();
    const result = await tollgate(repo.dir, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('points at the line of a bad configuration', async () => {
    const repo = repoWithConfig('models:\n  churn:\n    stagez: [a]\n');
    const result = await tollgate(repo.dir, 'show');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tollgate\.yml:3:5: models\.churn\.stagez: unknown key 'stagez'/);
  });

  it('refuses a --config file that does not exist (a typo must not skip the stage policy)', async () => {
    const repo = repoWithConfig('models:\n  churn:\n    stages: [staging, production]\n');
    await tollgate(repo.dir, 'register', 'churn', '--version', 'v1.0.0');
    const typo = await tollgate(repo.dir, 'assign', 'churn', 'production', '--config', '.github/tolgate.yml');
    expect(typo).toEqual({
      code: 2,
      stdout: '',
      stderr: `tollgate registry: ${join(repo.dir, '.github', 'tolgate.yml')}: file not found: the configuration file given explicitly must exist (check its path for a typo; only the default .github/tollgate.yml may be absent)\n`,
    });
    expect(repo.git(['tag', '--list'])).toBe('churn@v1.0.0');
    // The same file named correctly applies its policy; without --config, a repository without the default file is fine.
    const policy = await tollgate(repo.dir, 'assign', 'churn', 'production', '--config', '.github/tollgate.yml');
    expect(policy).toMatchObject({ code: 1, stderr: expect.stringMatching(/has never held 'staging'/) });
    expect((await tollgate(repoWithConfig().dir, 'show')).code).toBe(0);
  });

  it('says the --repo directory does not exist, not that git is missing', async () => {
    const missing = await tollgate('/', 'show', '--repo', '/nonexistent/tollgate-repo');
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tollgate registry: the repository directory /nonexistent/tollgate-repo does not exist (check the repository path, e.g. --repo)\n',
    });
    const repo = repoWithConfig();
    writeFileSync(join(repo.dir, 'a-file'), '');
    const file = await tollgate('/', 'show', '--repo', join(repo.dir, 'a-file'));
    expect(file).toMatchObject({ code: 2, stderr: expect.stringMatching(/the repository path .*a-file is not a directory/) });
  });

  it('says when the directory is not a repository or a version is unknown', async () => {
    const repo = repoWithConfig();
    const unknown = await tollgate(repo.dir, 'assign', 'm', 'prod', '--version', 'v9.9.9');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/model 'm' has no registry tags/) });
    const notRepo = await tollgate('/', 'show', '--repo', '/proc');
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/reading tags \(git for-each-ref\) failed in \/proc/);
  });
});
