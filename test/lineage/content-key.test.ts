import { describe, expect, it } from 'vitest';
import { contentKey, contentKeyMaterial, CONTENT_KEY_VERSION, type ContentKeyInputs } from '../../shared/lineage/index.js';

const sha = (digit: string) => digit.repeat(64);
const inputs: ContentKeyInputs = {
  command: ['python', 'train.py'],
  workdir: 'models/churn',
  params: { lr: 0.1, layers: [2, 3] },
  seed: 42,
  data: [
    { path: 'data/b.csv', sha256: sha('b') },
    { path: 'data/a.csv', sha256: sha('a') },
  ],
  code: { source: 'git', digest: sha('c') },
  lockFiles: [{ path: 'requirements.txt', sha256: sha('d') }],
  outputs: ['model.pkl', 'metrics.json', 'lineage.json'],
  metrics: 'metrics.json',
};

describe('contentKey', () => {
  it('hashes a canonical JSON of every input, with data, lock files and outputs sorted', () => {
    expect(contentKeyMaterial(inputs)).toBe(
      `{"code":{"digest":"${sha('c')}","source":"git"},"command":["python","train.py"],` +
        `"data":[{"path":"data/a.csv","sha256":"${sha('a')}"},{"path":"data/b.csv","sha256":"${sha('b')}"}],` +
        `"lock_files":[{"path":"requirements.txt","sha256":"${sha('d')}"}],"metrics":"metrics.json","outputs":["lineage.json","metrics.json","model.pkl"],` +
        `"params":{"layers":[2,3],"lr":0.1},"seed":42,"version":${CONTENT_KEY_VERSION},"workdir":"models/churn"}`,
    );
    expect(contentKey(inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order data or outputs were declared in', () => {
    const reordered = { ...inputs, data: [...inputs.data].reverse(), outputs: [...inputs.outputs].reverse() };
    expect(contentKey(reordered)).toBe(contentKey(inputs));
  });

  it('changes with each input', () => {
    const variants: Array<Partial<ContentKeyInputs>> = [
      { command: ['python', 'train.py', '--fast'] },
      { workdir: '.' },
      { params: { lr: 0.2, layers: [2, 3] } },
      { params: null },
      { seed: 43 },
      { data: [{ path: 'data/a.csv', sha256: sha('e') }, inputs.data[0]] },
      { code: { source: 'git', digest: sha('f') } },
      { lockFiles: [] },
      { outputs: ['model.pkl', 'metrics.json'] },
      { metrics: null },
      { metrics: 'out/metrics.json' },
      { params: { lr: ['float', 0.1], layers: { seq: [['int', '2'], ['int', '3']] } } },
    ];
    const keys = new Set([contentKey(inputs), ...variants.map((variant) => contentKey({ ...inputs, ...variant }))]);
    expect(keys.size).toBe(variants.length + 1);
  });
});
