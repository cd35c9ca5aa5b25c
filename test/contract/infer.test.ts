import { describe, expect, it } from 'vitest';
import { inferContract, parseContract } from '../../shared/contract/index.js';
import { ProfileBuilder } from '../../shared/profile/builder.js';
import { makeBatch } from '../profile/batches.js';

describe('inferContract', () => {
  it('leaves out a bound the data itself breaks with an infinity', () => {
    const builder = new ProfileBuilder();
    builder.add(makeBatch([
      { name: 'up', type: 'float', values: [1, 2.5, Infinity] },
      { name: 'down', type: 'float', values: [-Infinity, 1, 2] },
      { name: 'plain', type: 'float', values: [1, 2, 3] },
    ]));
    const contract = parseContract(inferContract(builder.finish(), 'x.csv')).value;
    expect(contract.columns.up.min).toEqual({ value: 1, severity: 'warn' });
    expect(contract.columns.up.max).toBeUndefined();
    expect(contract.columns.down.min).toBeUndefined();
    expect(contract.columns.down.max).toEqual({ value: 2, severity: 'warn' });
    expect([contract.columns.plain.min, contract.columns.plain.max]).toEqual([
      { value: 1, severity: 'warn' },
      { value: 3, severity: 'warn' },
    ]);
  });
});
