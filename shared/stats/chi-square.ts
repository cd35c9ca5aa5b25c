/**
 * Pearson's chi-square test of homogeneity on a 2 x k table, defined as
 * `scipy.stats.chi2_contingency(np.array([a, b]), correction=False)`:
 * expected = row total * column total / grand total, statistic =
 * sum (O - E)^2 / E, dof = k' - 1, p = chi2.sf(statistic, dof), where k' counts
 * the columns that are not zero in both rows (those are dropped first, as a
 * zero column would make SciPy's expected frequencies zero). With one column
 * left there is nothing to compare: statistic 0, p 1, dof 0 (SciPy's answer).
 */
import { chi2Sf } from './distributions.js';

export interface ChiSquareResult {
  statistic: number;
  pvalue: number;
  dof: number;
  /** Columns kept (not zero in both rows), as indexes into the input. */
  columns: number[];
}

function checkCounts(counts: ArrayLike<number>, name: string): void {
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`${name}[${i}] must be a finite count >= 0, got ${c}`);
  }
}

/** Chi-square test of homogeneity between two count vectors over the same categories. */
export function chi2Contingency2xK(countsA: ArrayLike<number>, countsB: ArrayLike<number>): ChiSquareResult {
  if (countsA.length !== countsB.length) throw new RangeError(`count vectors differ in length: ${countsA.length} vs ${countsB.length}`);
  checkCounts(countsA, 'countsA');
  checkCounts(countsB, 'countsB');
  const columns: number[] = [];
  let rowA = 0;
  let rowB = 0;
  for (let j = 0; j < countsA.length; j++) {
    if (countsA[j] === 0 && countsB[j] === 0) continue;
    columns.push(j);
    rowA += countsA[j];
    rowB += countsB[j];
  }
  if (rowA === 0 || rowB === 0) throw new RangeError('chi-square needs at least one count in each row');
  const dof = columns.length - 1;
  if (dof === 0) return { statistic: 0, pvalue: 1, dof: 0, columns };
  const total = rowA + rowB;
  let statistic = 0;
  for (const row of [0, 1]) {
    const counts = row === 0 ? countsA : countsB;
    const rowTotal = row === 0 ? rowA : rowB;
    for (const j of columns) {
      const expected = (rowTotal * (countsA[j] + countsB[j])) / total;
      const diff = counts[j] - expected;
      statistic += (diff * diff) / expected;
    }
  }
  return { statistic, pvalue: chi2Sf(statistic, dof), dof, columns };
}

export interface MergedCells {
  countsA: number[];
  countsB: number[];
  /** For each output column, the input columns it holds (the last may be the merged OTHER cell). */
  groups: number[][];
  /** True when the last output column is the merged OTHER cell. */
  hasOther: boolean;
}

/**
 * Merges sparse columns (expected count < `minExpected` in either row) into
 * one OTHER column appended last; columns that are zero in both rows are
 * dropped. If OTHER itself stays sparse, the smallest remaining column joins
 * it until it is not sparse or only two columns are left. Order of the kept
 * columns is preserved.
 */
export function mergeSparseCells(countsA: ArrayLike<number>, countsB: ArrayLike<number>, minExpected = 5): MergedCells {
  if (countsA.length !== countsB.length) throw new RangeError(`count vectors differ in length: ${countsA.length} vs ${countsB.length}`);
  checkCounts(countsA, 'countsA');
  checkCounts(countsB, 'countsB');
  let rowA = 0;
  let rowB = 0;
  for (let j = 0; j < countsA.length; j++) {
    rowA += countsA[j];
    rowB += countsB[j];
  }
  const total = rowA + rowB;
  const smallerRow = Math.min(rowA, rowB);
  const minExpectedOf = (columnTotal: number): number => (total === 0 ? 0 : (smallerRow * columnTotal) / total);
  const kept: number[] = [];
  const other: number[] = [];
  for (let j = 0; j < countsA.length; j++) {
    const columnTotal = countsA[j] + countsB[j];
    if (columnTotal === 0) continue;
    if (minExpectedOf(columnTotal) < minExpected) other.push(j);
    else kept.push(j);
  }
  const sumOf = (group: number[]): number => group.reduce((s, j) => s + countsA[j] + countsB[j], 0);
  if (other.length > 0) {
    while (minExpectedOf(sumOf(other)) < minExpected && kept.length > 1) {
      let smallest = 0;
      for (let i = 1; i < kept.length; i++) {
        if (countsA[kept[i]] + countsB[kept[i]] < countsA[kept[smallest]] + countsB[kept[smallest]]) smallest = i;
      }
      other.push(kept[smallest]);
      kept.splice(smallest, 1);
    }
    other.sort((a, b) => a - b);
  }
  const groups = kept.map((j) => [j]);
  if (other.length > 0) groups.push(other);
  return {
    countsA: groups.map((g) => g.reduce((s, j) => s + countsA[j], 0)),
    countsB: groups.map((g) => g.reduce((s, j) => s + countsB[j], 0)),
    groups,
    hasOther: other.length > 0,
  };
}
