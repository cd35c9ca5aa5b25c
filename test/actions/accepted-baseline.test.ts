import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedBaseline } from '../../actions/drift/src/accepted-baseline.js';

describe('acceptedBaseline', () => {
  it('finds the file /accept wrote, for a model with a path too', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'tollgate-accepted-'));
    const file = join(workspace, '.tollgate/baselines/team/churn/production.profile.json');
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{}');
    expect(await acceptedBaseline('team:churn', 'production', undefined, workspace)).toEqual({ path: file, stage: 'production' });
    expect(await acceptedBaseline('team:churn', 'staging', undefined, workspace)).toBeUndefined();
  });
});
