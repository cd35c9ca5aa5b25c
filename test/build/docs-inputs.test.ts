import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The README's action reference is generated from action.yml; these guides keep a hand-written table of their own.
const GUIDES: Record<string, string> = { drift: 'docs/drift.md', evaluate: 'docs/evaluate.md', train: 'docs/train.md' };

/** The input names in the first column of a guide's `| input |` table. */
function documentedInputs(markdown: string): string[] {
  const start = markdown.indexOf('| input |');
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = markdown.slice(start).split('\n').slice(2);
  const names: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const firstCell = row.split('|')[1];
    names.push(...[...firstCell.matchAll(/`([\w-]+)`/g)].map((match) => match[1]));
  }
  return names;
}

describe("the guides' action input tables", () => {
  for (const [action, guide] of Object.entries(GUIDES)) {
    it(`${guide} lists exactly the inputs of actions/${action}/action.yml`, () => {
      const inputs = Object.keys((parse(readFileSync(`actions/${action}/action.yml`, 'utf8')) as { inputs: object }).inputs);
      expect(documentedInputs(readFileSync(guide, 'utf8')).sort()).toEqual(inputs.sort());
    });
  }
});
