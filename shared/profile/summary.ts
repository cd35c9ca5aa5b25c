import type { ColumnType } from '../data/types.js';
import type { Profile } from './types.js';

/** One column as `tollgate profile --json` prints it: plain numbers, no sketches. */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Non-null values. */
  count: number;
  nulls: number;
  /** Present in the source but unreadable as the column's type. */
  invalid: number;
  /** Dates as ISO text; '-Infinity' / 'Infinity' when the column holds an infinity. */
  min: number | string | null;
  max: number | string | null;
  mean: number | null;
  /** Sample standard deviation (n - 1). */
  std: number | null;
  /** Exact while few, else a HyperLogLog estimate (about 0.8% standard error). */
  distinct: number;
  distinct_exact: boolean;
  /** Share of true values, for booleans. */
  true_share?: number | null;
  /** Most frequent values with their counts (categoricals, booleans, low-cardinality numbers). */
  top?: Array<{ value: string | number | boolean; count: number }>;
}

export interface ProfileSummary {
  rows: number;
  columns: ColumnSummary[];
}

const TOP_SHOWN = 10;

/** The human/JSON view of a profile: what each column holds, without the sketches. */
export function summarizeProfile(profile: Profile): ProfileSummary {
  return {
    rows: profile.rows,
    columns: profile.columns.map((column) => {
      const summary: ColumnSummary = {
        name: column.name,
        type: column.type,
        count: column.count,
        nulls: column.nulls,
        invalid: column.invalid,
        min: null,
        max: null,
        mean: null,
        std: null,
        distinct: column.distinct.value,
        distinct_exact: column.distinct.exact,
      };
      if (column.kind === 'number') {
        const asDate = column.type === 'date' || column.type === 'datetime';
        const show = (value: number | null) => (value === null ? null : asDate ? formatDate(value, column.type) : value);
        // Infinities stay out of the moments and sketches, but they are the extremes (JSON has no Infinity: a string).
        summary.min = column.infinite.negative > 0 ? '-Infinity' : show(column.min);
        summary.max = column.infinite.positive > 0 ? 'Infinity' : show(column.max);
        summary.mean = asDate ? null : column.mean;
        summary.std = asDate ? null : column.std;
      } else if (column.kind === 'boolean') {
        summary.true_share = column.count > 0 ? column.trueCount / column.count : null;
      }
      if (column.top) {
        const asDate = column.type === 'date' || column.type === 'datetime';
        summary.top = column.top.items.slice(0, TOP_SHOWN).map((item) => ({
          value: asDate && typeof item.value === 'number' ? formatDate(item.value, column.type) : item.value,
          count: item.count,
        }));
      }
      return summary;
    }),
  };
}

function formatDate(epochMs: number, type: 'date' | 'datetime' | 'integer' | 'float'): string {
  const iso = new Date(epochMs).toISOString();
  return type === 'date' ? iso.slice(0, 10) : iso;
}
