/**
 * A separate process that assigns a stage, for the concurrency tests. It waits
 * at a barrier (a file) right before its first tag write, so two workers
 * provably read the same state and race for the same tag name.
 *
 *     node worker.mjs '{"cwd": "...", "barrier": "...", "id": "a", "version": "v1.0.0", ...}'
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserFacing } from '../../../shared/errors/index.js';
import { GitBackend, Registry, type CreateTagRequest } from '../../../shared/registry/index.js';

interface WorkerInput {
  cwd: string;
  pushTo?: string;
  barrier: string;
  id: string;
  model: string;
  stage: string;
  version: string;
  maxAttempts: number;
}

const input = JSON.parse(process.argv[2]) as WorkerInput;
const git = new GitBackend({ cwd: input.cwd, pushTo: input.pushTo });
let waited = false;

async function barrier(): Promise<void> {
  writeFileSync(join(input.barrier, `${input.id}.ready`), '');
  const deadline = Date.now() + 15_000;
  while (!existsSync(join(input.barrier, 'go'))) {
    if (Date.now() > deadline) throw new Error('barrier timeout');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const backend = Object.assign(Object.create(git) as GitBackend, {
  async createTag(request: CreateTagRequest) {
    if (!waited) {
      waited = true;
      await barrier();
    }
    return git.createTag(request);
  },
});

try {
  const registry = new Registry({ backend, maxAttempts: input.maxAttempts, now: () => 1_700_000_000 });
  const result = await registry.assign({ model: input.model, stage: input.stage, version: input.version });
  process.stdout.write(JSON.stringify({ tag: result.event.tag, attempts: result.attempts, created: result.created }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: (error as Error).message, code: isUserFacing(error) ? error.code : 'BUG' }));
  process.exitCode = isUserFacing(error) ? error.exitCode : 3;
}
