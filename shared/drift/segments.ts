/**
 * Which segments drive a column's shift. Rows are counted per (segment
 * value, PSI bin) on each side; the PSI then splits exactly over segments:
 *
 *   PSI = sum_b (q_b - p_b) ln(q_b / p_b) = sum_s sum_b (c_sb - r_sb) ln(q_b / p_b)
 *
 * with c_sb the segment's part of the current's smoothed bin share
 * (C_sb + 0.5 w_s) / (N_cur + 0.5 B), w_s its share of the current rows, and
 * r_sb the same for the reference. Without reference rows per segment (a
 * baseline profile), r_sb = w_s p_b: the segment is compared with the whole
 * reference at its current weight. A segment's share can be negative when it
 * moves against the overall shift; the shares sum to 1.
 */
import type { Column, RecordBatch } from '../data/types.js';
import { binIndex, psi } from '../stats/index.js';
import { valueText } from './attribution.js';
import type { PsiBins, Side } from './column-input.js';
import { sum } from './column-input.js';
import type { SegmentDrivers, SegmentShare } from './types.js';

/** Distinct segment values tracked per segment column; later ones are pooled as `(other)`. */
export const MAX_SEGMENTS = 50;
/** Segment values shown per column. */
const TOP_SEGMENTS = 3;

const MISSING_LABEL = '(missing)';
const OTHER_LABEL = '(other)';

/** Maps each row of a column to its PSI bin (-1 where missing). */
export type Binner = (column: Column, length: number) => Int32Array;

/** A binner for the given bins (values outside the listed ones go to the (other) bin, which comes last). */
export function binnerFor(bins: PsiBins): Binner {
  if (bins.kind === 'edges') {
    const edges = Float64Array.from(bins.edges);
    return (column, length) => {
      const out = new Int32Array(length).fill(-1);
      if (column.kind !== 'number') return out;
      for (let i = 0; i < length; i++) {
        const x = column.values[i];
        if (x === x) out[i] = binIndex(edges, x);
      }
      return out;
    };
  }
  const other = bins.otherIndex >= 0 ? bins.otherIndex : bins.values.length;
  const positions = new Map<string | number | boolean, number>(bins.values.map((value, index) => [value, index]));
  let cachedDictionary: string[] | null = null;
  let cachedBins = new Int32Array(0);
  return (column, length) => {
    const out = new Int32Array(length).fill(-1);
    if (column.kind === 'number') {
      for (let i = 0; i < length; i++) {
        const x = column.values[i];
        if (x === x) out[i] = positions.get(x === 0 ? 0 : x) ?? other;
      }
    } else if (column.kind === 'boolean') {
      for (let i = 0; i < length; i++) if (column.nulls[i] === 0) out[i] = positions.get(column.values[i] === 1) ?? other;
    } else {
      const dictionary = column.dictionary;
      if (cachedDictionary !== dictionary || cachedBins.length < dictionary.length) {
        cachedDictionary = dictionary;
        cachedBins = Int32Array.from(dictionary, (text) => positions.get(text) ?? other);
      }
      for (let i = 0; i < length; i++) {
        const code = column.codes[i];
        if (code >= 0) out[i] = cachedBins[code];
      }
    }
    return out;
  };
}

/** Segment index of every row for one segment column; labels shared by both sides. */
export class SegmentKeys {
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(readonly column: string) {}

  private indexOf(label: string): number {
    let at = this.index.get(label);
    if (at === undefined) {
      const full = this.labels.length >= MAX_SEGMENTS && label !== MISSING_LABEL;
      if (full) return this.indexOf(OTHER_LABEL);
      at = this.labels.length;
      this.labels.push(label);
      this.index.set(label, at);
    }
    return at;
  }

  keys(column: Column, length: number): Int32Array {
    const out = new Int32Array(length);
    if (column.kind === 'string') {
      const perCode = new Map<number, number>();
      for (let i = 0; i < length; i++) {
        const code = column.codes[i];
        if (code < 0) {
          out[i] = this.indexOf(MISSING_LABEL);
          continue;
        }
        let at = perCode.get(code);
        if (at === undefined) {
          at = this.indexOf(column.dictionary[code]);
          perCode.set(code, at);
        }
        out[i] = at;
      }
    } else if (column.kind === 'boolean') {
      for (let i = 0; i < length; i++) out[i] = this.indexOf(column.nulls[i] === 1 ? MISSING_LABEL : String(column.values[i] === 1));
    } else {
      for (let i = 0; i < length; i++) {
        const x = column.values[i];
        out[i] = this.indexOf(x === x ? valueText(x, column.type) : MISSING_LABEL);
      }
    }
    return out;
  }
}

/** Counts per (segment value, bin) of each tracked column, on each side. */
export class SegmentTally {
  private readonly keys: Map<string, SegmentKeys>;
  /** counts[side][by][column] = flat (segment x bin) counts. */
  private readonly counts: Record<Side, Map<string, Map<string, number[]>>> = { reference: new Map(), current: new Map() };

  constructor(
    segmentBy: readonly string[],
    private readonly binners: Map<string, { binner: Binner; bins: number }>,
  ) {
    this.keys = new Map(segmentBy.map((by) => [by, new SegmentKeys(by)]));
  }

  /** Adds a batch (or a whole loaded table as one batch) to a side. */
  add(batch: RecordBatch, side: Side): void {
    const byName = new Map(batch.columns.map((column) => [column.name, column]));
    const binned = new Map<string, Int32Array>();
    for (const [name, { binner }] of this.binners) {
      const column = byName.get(name);
      if (column) binned.set(name, binner(column, batch.length));
    }
    for (const [by, keys] of this.keys) {
      const segmentColumn = byName.get(by);
      if (!segmentColumn) continue;
      const segmentOf = keys.keys(segmentColumn, batch.length);
      let perBy = this.counts[side].get(by);
      if (!perBy) this.counts[side].set(by, (perBy = new Map()));
      for (const [name, bins] of binned) {
        if (name === by) continue;
        const width = (this.binners.get(name) as { bins: number }).bins;
        let counts = perBy.get(name);
        if (!counts) perBy.set(name, (counts = []));
        for (let i = 0; i < batch.length; i++) {
          const bin = bins[i];
          if (bin < 0) continue;
          const at = segmentOf[i] * width + bin;
          counts[at] = (counts[at] ?? 0) + 1;
        }
      }
    }
  }

  /** Segment labels and per-segment bin counts (first `bins` bins) of a column, or null if not tracked. */
  table(by: string, column: string, side: Side, bins: number): { labels: string[]; counts: number[][] } | null {
    const keys = this.keys.get(by);
    const tracked = this.binners.get(column);
    const flat = this.counts[side].get(by)?.get(column);
    if (!keys || !tracked) return null;
    const counts = keys.labels.map((_, s) => Array.from({ length: bins }, (_, b) => flat?.[s * tracked.bins + b] ?? 0));
    return { labels: keys.labels, counts };
  }
}

/**
 * The segment values of `by` that carry most of `column`'s PSI (top 3 with a
 * positive share). `reference` per segment is null for a profile reference.
 */
export function segmentDrivers(
  column: string,
  by: string,
  bins: PsiBins,
  tally: SegmentTally,
  withReferenceSegments: boolean,
  minRows: number,
): SegmentDrivers | null {
  const width = bins.counts.reference.length;
  const current = tally.table(by, column, 'current', width);
  const reference = withReferenceSegments ? tally.table(by, column, 'reference', width) : null;
  if (current === null) return null;
  const totalPsi = psi(bins.counts.reference, bins.counts.current).psi;
  if (!(totalPsi > 0)) return null;
  const nReference = sum(bins.counts.reference);
  const nCurrent = sum(bins.counts.current);
  const denominatorReference = nReference + 0.5 * width;
  const denominatorCurrent = nCurrent + 0.5 * width;
  const p = bins.counts.reference.map((r) => (r + 0.5) / denominatorReference);
  const q = bins.counts.current.map((c) => (c + 0.5) / denominatorCurrent);
  const logRatio = p.map((pb, b) => Math.log(q[b] / pb));
  const shares: SegmentShare[] = current.labels.map((value, s) => {
    const currentCounts = current.counts[s];
    const referenceCounts = reference?.counts[s] ?? null;
    const nSegment = sum(currentCounts);
    const weight = nSegment / nCurrent;
    const nReferenceSegment = referenceCounts === null ? null : sum(referenceCounts);
    let contribution = 0;
    for (let b = 0; b < width; b++) {
      const c = (currentCounts[b] + 0.5 * weight) / denominatorCurrent;
      const r =
        referenceCounts === null ? weight * p[b] : (referenceCounts[b] + (0.5 * (nReferenceSegment as number)) / nReference) / denominatorReference;
      contribution += (c - r) * logRatio[b];
    }
    let within: number | null = null;
    if (nSegment >= minRows) {
      if (referenceCounts === null) within = psi(bins.counts.reference, currentCounts).psi;
      else if ((nReferenceSegment as number) >= minRows) within = psi(referenceCounts, currentCounts).psi;
    }
    return { value, share_of_psi: contribution / totalPsi, psi: within, rows: { reference: nReferenceSegment, current: nSegment } };
  });
  const top = shares
    .filter((share) => share.share_of_psi > 0)
    .sort((a, b) => b.share_of_psi - a.share_of_psi)
    .slice(0, TOP_SEGMENTS);
  return top.length === 0 ? null : { column, by, values: top };
}
