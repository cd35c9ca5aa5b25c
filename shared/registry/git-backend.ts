/**
 * The registry backend for a local git repository (a developer's clone or the
 * runner's checkout), driven through the git CLI.
 *
 * Reads are one `git for-each-ref` call whatever the number of tags. Writes
 * are `git tag -a` (which refuses to replace an existing tag under the ref
 * lock: compare-and-swap) with the tagger date passed in `GIT_COMMITTER_DATE`,
 * then, when pushing, `git push` of that one ref.
 */
import { ConflictError, TollgateError } from '../errors/index.js';
import type { CreateTagRequest, ListTagsOptions, RegistryBackend } from './backend.js';
import { firstLines, gitOutput, runGit, type GitRunOptions } from './git-exec.js';
import { modelNameToTag } from './names.js';
import type { TagRecord, Tagger } from './types.js';

/** How to reach the repository. */
export interface GitBackendOptions {
  /** Any directory inside the work tree (or a bare repository). */
  cwd: string;
  /** Push each new tag to this remote (e.g. `origin`) and fetch its tags before writing. */
  pushTo?: string;
  /** The git executable (default `git`). */
  git?: string;
}

// One record per ref; fields end with NUL (git messages cannot contain NUL).
const FIELDS = [
  '%(refname)',
  '%(objecttype)',
  '%(objectname)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(taggername)',
  '%(taggeremail)',
  '%(taggerdate:raw)',
  '%(contents)',
] as const;
const FORMAT = FIELDS.map((field) => `${field}%00`).join('');

/** Splits `for-each-ref` output produced with `FORMAT` into tag records. */
export function parseForEachRef(output: string): TagRecord[] {
  const parts = output.split('\0');
  const records: TagRecord[] = [];
  const width = FIELDS.length;
  for (let start = 0; start + width <= parts.length; start += width) {
    const refname = start === 0 ? parts[start] : parts[start].replace(/^\n/, '');
    const [objectType, objectName, peeledType, peeledName, taggerName, taggerEmail, taggerDate, contents] = parts.slice(start + 1, start + width);
    const name = refname.startsWith('refs/tags/') ? refname.slice('refs/tags/'.length) : refname;
    if (objectType !== 'tag') {
      records.push({ name, annotated: false, commit: objectType === 'commit' ? objectName : undefined });
      continue;
    }
    const record: TagRecord = { name, annotated: true, objectId: objectName, message: contents };
    if (peeledType === 'commit') record.commit = peeledName;
    const tagger = parseTagger(taggerName, taggerEmail, taggerDate);
    if (tagger) record.tagger = tagger;
    records.push(record);
  }
  return records;
}

function parseTagger(name: string, email: string, raw: string): Tagger | undefined {
  const match = /^(-?\d+) ([+-]\d{4})$/.exec(raw.trim());
  if (!match) return undefined;
  return { name, email: email.replace(/^<|>$/g, ''), date: Number(match[1]), timezone: match[2] };
}

/** Registry storage in a git repository. */
export class GitBackend implements RegistryBackend {
  readonly description: string;
  private readonly run: GitRunOptions;
  private readonly pushTo: string | undefined;

  constructor(options: GitBackendOptions) {
    this.run = { cwd: options.cwd, git: options.git };
    this.pushTo = options.pushTo;
    this.description = `git repository ${options.cwd}`;
  }

  /**
   * All tags in one `for-each-ref`. The model filter is applied afterwards:
   * git's glob `*` stops at `/`, and stage names may contain `/`.
   */
  async listTags(options: ListTagsOptions = {}): Promise<TagRecord[]> {
    const output = await gitOutput(['for-each-ref', `--format=${FORMAT}`, 'refs/tags'], this.run, 'reading tags (git for-each-ref)');
    const records = parseForEachRef(output);
    if (options.model === undefined) return records;
    const prefix = modelNameToTag(options.model);
    return records.filter((record) => record.name.startsWith(prefix) && '@#'.includes(record.name.charAt(prefix.length)));
  }

  async resolveCommit(revision: string): Promise<string> {
    const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], this.run);
    const sha = result.stdout.trim();
    if (result.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
      throw new TollgateError(`'${revision}' is not a commit in ${this.run.cwd} (check the name, or fetch it first)`);
    }
    return sha;
  }

  async defaultTagger(): Promise<{ name: string; email: string }> {
    const result = await runGit(['var', 'GIT_COMMITTER_IDENT'], this.run);
    const match = /^(.*) <(.*)> \d+ [+-]\d{4}$/.exec(result.stdout.trim());
    if (result.code !== 0 || !match) {
      throw new TollgateError(
        `git has no identity to tag with in ${this.run.cwd}: run \`git config user.name "Your Name"\` and \`git config user.email you@example.com\``,
      );
    }
    return { name: match[1], email: match[2] };
  }

  async refresh(): Promise<void> {
    if (this.pushTo === undefined) return;
    const shallow = (await runGit(['rev-parse', '--is-shallow-repository'], this.run)).stdout.trim() === 'true';
    // A non-forced refspec: a local tag that differs from the remote's is reported, never overwritten.
    const args = ['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), '--end-of-options', this.pushTo, 'refs/tags/*:refs/tags/*'];
    const result = await runGit(args, this.run);
    if (result.code !== 0) {
      throw new TollgateError(`fetching tags from '${this.pushTo}' failed in ${this.run.cwd}: ${firstLines(result.stderr)}`);
    }
  }

  async createTag(request: CreateTagRequest): Promise<TagRecord> {
    const ref = `refs/tags/${request.name}`;
    const env = {
      GIT_COMMITTER_NAME: request.tagger.name,
      GIT_COMMITTER_EMAIL: request.tagger.email,
      GIT_COMMITTER_DATE: `@${request.tagger.date} ${request.tagger.timezone}`,
    };
    // --cleanup=verbatim: the message bytes are ours, identical to what the GitHub backend stores.
    const created = await runGit(['tag', '-a', '--cleanup=verbatim', '-F', '-', '--end-of-options', request.name, request.commit], { ...this.run, env, input: request.message });
    if (created.code !== 0) {
      if (await this.refExists(ref)) throw new ConflictError(`tag '${request.name}' already exists in ${this.run.cwd} (another writer created it first)`);
      throw new TollgateError(`creating tag '${request.name}' failed in ${this.run.cwd}: ${firstLines(created.stderr)}`);
    }
    const objectId = (await gitOutput(['rev-parse', '--verify', ref], this.run, 'reading the new tag')).trim();
    if (this.pushTo !== undefined) await this.push(request.name, objectId);
    return { name: request.name, annotated: true, objectId, commit: request.commit, tagger: request.tagger, message: request.message };
  }

  private async refExists(ref: string): Promise<boolean> {
    return (await runGit(['rev-parse', '--verify', '--quiet', ref], this.run)).code === 0;
  }

  /** Pushes one new tag; when the remote refuses, the local tag is removed again so the registry stays consistent. */
  private async push(name: string, objectId: string): Promise<void> {
    const ref = `refs/tags/${name}`;
    const pushed = await runGit(['push', '--porcelain', '--end-of-options', this.pushTo!, `${ref}:${ref}`], this.run);
    if (pushed.code === 0) return;
    await runGit(['update-ref', '-d', ref, objectId], this.run);
    const rejected = /\[rejected\]|already exists|fetch first|stale info/.test(pushed.stdout + pushed.stderr);
    if (rejected) {
      await this.refresh();
      throw new ConflictError(`remote '${this.pushTo}' already has tag '${name}' (another writer pushed first)`);
    }
    throw new TollgateError(`pushing tag '${name}' to '${this.pushTo}' failed: ${firstLines(pushed.stderr || pushed.stdout)} (the local tag was removed again; check the remote URL and your push permission)`);
  }
}
