/**
 * Names for PSI bins and the sentence that says which bins carry the PSI:
 * "78% of the PSI from values above p90 (> 162.3): 24.1% of current vs 10.0%
 * of reference". Numeric bins are named by the reference percentiles at
 * their edges, read from the reference's own counts on the frozen bins.
 */
import type { ColumnType } from '../data/types.js';
import type { PsiResult } from '../stats/index.js';
import type { PsiBins } from './column-input.js';
import { sum } from './column-input.js';
import type { Attribution, BinShare } from './types.js';

/** Share of the PSI a described group of bins must reach. */
const SUMMARY_SHARE = 0.5;
/** At most this many unordered (category) bins are named in one sentence. */
const MAX_NAMED_VALUES = 3;

/** A number for people: 4 significant digits; dates as dates. */
export function formatValue(value: number, type: ColumnType): string {
  if (type === 'date' && Number.isFinite(value)) return new Date(value).toISOString().slice(0, 10);
  if (type === 'datetime' && Number.isFinite(value)) return new Date(value).toISOString().replace('.000Z', 'Z');
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'NaN';
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e9)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

/** Reference percentile at each edge: p of the reference share at or below it. */
function edgePercentiles(bins: PsiBins): string[] {
  const counts = bins.counts.reference;
  const total = sum(counts);
  let below = 0;
  return bins.edges.map((_, i) => {
    below += counts[i];
    return `p${total > 0 ? Math.round((100 * below) / total) : 0}`;
  });
}

/** Display text of a listed value. */
export function valueText(value: string | number | boolean, type: ColumnType): string {
  return typeof value === 'number' ? formatValue(value, type) : String(value);
}

/** A short label per bin, for tables and charts. */
export function binLabels(bins: PsiBins, type: ColumnType): string[] {
  if (bins.kind === 'values') {
    const labels = bins.values.map((value) => valueText(value, type));
    if (bins.otherIndex >= 0) labels.splice(bins.otherIndex, 0, '(other)');
    return labels;
  }
  const ranks = edgePercentiles(bins);
  const edge = (i: number) => formatValue(bins.edges[i], type);
  const m = bins.edges.length;
  if (m === 0) return ['all values'];
  return Array.from({ length: m + 1 }, (_, i) => {
    if (i === 0) return `≤ ${ranks[0]} (≤ ${edge(0)})`;
    if (i === m) return `> ${ranks[m - 1]} (> ${edge(m - 1)})`;
    return `${ranks[i - 1]}–${ranks[i]} (${edge(i - 1)} to ${edge(i)}]`;
  });
}

/** Words for bins first..last of a numeric column. */
function rangePhrase(bins: PsiBins, type: ColumnType, first: number, last: number): string {
  const ranks = edgePercentiles(bins);
  const m = bins.edges.length;
  const edge = (i: number) => formatValue(bins.edges[i], type);
  if (first === 0 && last === m) return 'values across the whole range';
  if (first === 0) return `values at or below ${ranks[last]} (≤ ${edge(last)})`;
  if (last === m) return `values above ${ranks[first - 1]} (> ${edge(first - 1)})`;
  return `values between ${ranks[first - 1]} and ${ranks[last]} (${edge(first - 1)} to ${edge(last)})`;
}

/** The shortest run of adjacent bins holding at least half the PSI (ties: the larger share). */
function shortestWindow(shares: readonly number[]): [number, number] {
  let best: [number, number] = [0, shares.length - 1];
  let bestShare = -1;
  for (let length = 1; length <= shares.length; length++) {
    for (let start = 0; start + length <= shares.length; start++) {
      const share = sum(shares.slice(start, start + length));
      if (share >= SUMMARY_SHARE && share > bestShare) {
        best = [start, start + length - 1];
        bestShare = share;
      }
    }
    if (bestShare >= 0) return best;
  }
  return best;
}

function shares(counts: readonly number[]): number[] {
  const total = sum(counts);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** Per-bin shares and the sentence naming the bins that carry the PSI. */
export function attribute(name: string, type: ColumnType, bins: PsiBins, result: PsiResult): Attribution {
  const labels = binLabels(bins, type);
  const reference = shares(bins.counts.reference);
  const current = shares(bins.counts.current);
  const psiShares = result.contributions.map((term) => (result.psi > 0 ? term / result.psi : 0));
  const table: BinShare[] = labels.map((label, i) => ({ label, reference: reference[i], current: current[i], share_of_psi: psiShares[i] }));
  if (!(result.psi > 0)) return { summary: 'no difference between the distributions', bins: table };

  let phrase: string;
  let chosen: number[];
  if (bins.kind === 'edges') {
    const [first, last] = shortestWindow(psiShares);
    chosen = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    phrase = rangePhrase(bins, type, first, last);
  } else {
    const order = psiShares.map((_, i) => i).sort((a, b) => psiShares[b] - psiShares[a]);
    chosen = [];
    for (const index of order) {
      chosen.push(index);
      if (sum(chosen.map((i) => psiShares[i])) >= SUMMARY_SHARE || chosen.length === MAX_NAMED_VALUES) break;
    }
    phrase = `${name} = ${chosen.map((i) => labels[i]).join(', ')}`;
  }
  const pick = (values: number[]) => sum(chosen.map((i) => values[i]));
  const summary = `${Math.round(100 * pick(psiShares))}% of the PSI from ${phrase}: ${percent(pick(current))} of current vs ${percent(pick(reference))} of reference`;
  return { summary, bins: table };
}
