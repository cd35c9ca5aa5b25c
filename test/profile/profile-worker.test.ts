import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTable, splitCsvRanges } from '../../shared/data/index.js';
import { profileTable } from '../../shared/profile/index.js';
import { profileCsvRange } from '../../shared/profile/profile-worker.js';

const train = join(import.meta.dirname, '../../examples/churn/data/train.csv');

describe('profileCsvRange', () => {
  it('profiles one byte range with the types it is given, and stops when told to', async () => {
    const reader = await openTable(train);
    const types = Object.fromEntries(reader.schema.fields.map((field) => [field.name, field.type]));
    await reader.close();
    const [first, second] = await splitCsvRanges(train, 2);
    const a = await profileCsvRange(train, first, { types }, {});
    const b = await profileCsvRange(train, second, { types }, {});
    const whole = await profileTable(train);
    expect(a.rows + b.rows).toBe(whole.rows);
    expect(a.columns.map((column) => column.type)).toEqual(whole.columns.map((column) => column.type));

    const stopped = profileCsvRange(train, first, { types }, {}, AbortSignal.abort());
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });
});
