/**
 * The two backends behind one test interface, so the contract suite runs the
 * same cases against a real git repository and against the fake GitHub API.
 */
import { createGitHubClient } from '../../../shared/github/client.js';
import { formatGitTimestamp, GitBackend, GitHubBackend, type RegistryBackend } from '../../../shared/registry/index.js';
import type { FakeGitHub } from '../../support/fake-github.js';
import { makeRepo } from './git-repo.js';

/** A registry backend with a few commits to tag. */
export interface BackendEnv {
  backend: RegistryBackend;
  /** Four commits, oldest first. */
  commits: string[];
  /** Writes a tag behind the registry's back (a human, GTO, or a racing writer). */
  rawTag(name: string, commit: string, options?: { lightweight?: boolean; message?: string; date?: number }): void;
  /** The stored message of a tag. */
  message(name: string): string;
  cleanup(): void;
}

/** How to make a `BackendEnv`. */
export interface Harness {
  name: 'git' | 'github';
  create(): BackendEnv;
}

export const gitHarness: Harness = {
  name: 'git',
  create() {
    const repo = makeRepo();
    const commits = [repo.git(['rev-parse', 'HEAD']), repo.commit(), repo.commit(), repo.commit()];
    return {
      backend: new GitBackend({ cwd: repo.dir }),
      commits,
      rawTag(name, commit, options = {}) {
        if (options.lightweight) {
          repo.git(['tag', name, commit]);
          return;
        }
        const date = options.date ?? 1_600_000_000;
        const env = { GIT_COMMITTER_NAME: 'Someone', GIT_COMMITTER_EMAIL: 'someone@example.com', GIT_COMMITTER_DATE: `@${date} +0000` };
        repo.git(['tag', '-a', '-F', '-', name, commit], options.message ?? `raw ${name}\n`, env);
      },
      message(name) {
        const raw = repo.git(['cat-file', 'tag', name]);
        return `${raw.slice(raw.indexOf('\n\n') + 2)}\n`;
      },
      cleanup: () => repo.cleanup(),
    };
  },
};

let repoCounter = 0;

/** The GitHub harness needs a running fake (one per test file). */
export function githubHarness(fake: () => FakeGitHub): Harness {
  return {
    name: 'github',
    create() {
      repoCounter += 1;
      const repo = fake().repo(`acme/model-repo-${repoCounter}`);
      const commits = [repo.addCommit('one'), repo.addCommit('two'), repo.addCommit('three'), repo.addCommit('four')];
      const client = createGitHubClient({ baseUrl: fake().url, token: 'test-token', retries: 0 });
      return {
        backend: new GitHubBackend({ client, owner: 'acme', repo: repo.name, tagger: { name: 'Test Tagger', email: 'tagger@example.com' } }),
        commits,
        rawTag(name, commit, options = {}) {
          if (options.lightweight) {
            repo.refs.set(`refs/tags/${name}`, commit);
            return;
          }
          const tag = repo.addTagObject({
            tag: name,
            message: options.message ?? `raw ${name}\n`,
            object: commit,
            tagger: { name: 'Someone', email: 'someone@example.com', date: formatGitTimestamp(options.date ?? 1_600_000_000, '+0000') },
          });
          repo.refs.set(`refs/tags/${name}`, tag.sha);
        },
        message(name) {
          const sha = repo.refs.get(`refs/tags/${name}`)!;
          return repo.tagObjects.get(sha)!.message;
        },
        cleanup: () => {},
      };
    },
  };
}
