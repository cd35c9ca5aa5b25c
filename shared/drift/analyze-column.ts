/**
 * Runs one column's tests: the significance test (KS, two-sample chi-square
 * with sparse cells merged, or the two-proportion z-test), PSI on the frozen
 * bins with its noise floor, the chosen effect test, the missing-value test,
 * new categories, and Evidently's default for comparison. Levels are decided
 * later, once p-values of every column can be adjusted together.
 */
import { ConfigError } from '../errors/index.js';
import {
  chi2Contingency2xK,
  jensenShannonDistance,
  klDivergence,
  mergeSparseCells,
  psi,
  twoProportionZTest,
  type PsiResult,
} from '../stats/index.js';
import type { ColumnInput } from './column-input.js';
import { sum } from './column-input.js';
import { evidentlyResult } from './evidently.js';
import { ksOfColumn, normalizedWasserstein } from './numeric-samples.js';
import { TEST_DEFAULTS, isPValueTest, type ColumnSettings, type DriftPreset, type DriftTest, type DriftThresholds, type LevelThresholds } from './settings.js';
import type { EvidentlyResult } from './types.js';

/** How a column's distribution level is decided. */
export type DecisionRule =
  /** q <= significance AND PSI - noise >= thresholds (the default). */
  | 'dual'
  /** A chosen p-value test alone: q <= thresholds. */
  | 'p-value'
  /** A chosen effect test alone: effect >= thresholds. */
  | 'effect'
  /** Evidently's default test and threshold (the evidently preset). */
  | 'evidently';

export interface ColumnAnalysis {
  input: ColumnInput;
  test: DriftTest;
  rule: DecisionRule;
  thresholds: LevelThresholds;
  /** Too few values on a side for a distribution test. */
  insufficient: boolean;
  statistic: number | null;
  pValue: number | null;
  psi: PsiResult | null;
  effect: number | null;
  nullShare: { reference: number; current: number; pValue: number };
  newCategories: { count: number; share: number; values: { value: string; count: number }[]; pValue: number } | null;
  evidently: EvidentlyResult | null;
  notes: string[];
}

export interface AnalysisContext {
  preset: DriftPreset;
  thresholds: DriftThresholds;
  /** The configuration file, for errors about a column's settings. */
  configFile?: string;
}

const EVIDENTLY_TO_TEST: Record<EvidentlyResult['test'], DriftTest> = {
  ks: 'ks',
  chisquare: 'chisquare',
  z: 'ztest',
  wasserstein: 'wasserstein',
  jensenshannon: 'jensenshannon',
};

function defaultTest(input: ColumnInput): DriftTest {
  if (input.kind === 'boolean') return 'ztest';
  if (input.kind === 'continuous' && input.numeric?.sorted) return 'ks';
  return 'chisquare';
}

function settingError(context: AnalysisContext, column: string, message: string): ConfigError {
  return new ConfigError(context.configFile ? { file: context.configFile } : undefined, `columns.${column}.test: ${message}`);
}

/** The test a column gets: its configured one (checked against the column) or the default for its kind. */
function chooseTest(input: ColumnInput, settings: ColumnSettings, context: AnalysisContext, notes: string[]): DriftTest {
  const wanted = settings.test;
  if (wanted === undefined) return defaultTest(input);
  const numeric = input.numeric !== null;
  if ((wanted === 'ks' || wanted === 'wasserstein') && !numeric) {
    throw settingError(context, input.name, `${wanted} compares numbers; ${input.name} is a ${input.type} column (use chisquare, psi, jensenshannon or kl)`);
  }
  if (wanted === 'ztest') {
    const pooled = (input.categories?.values ?? []).filter((_, i) => (input.categories as NonNullable<ColumnInput['categories']>).counts.reference[i] + (input.categories as NonNullable<ColumnInput['categories']>).counts.current[i] > 0);
    if (input.kind === 'continuous' || pooled.length > 2) {
      throw settingError(context, input.name, `ztest compares two proportions; ${input.name} holds more than two values (use chisquare)`);
    }
  }
  if (wanted === 'ks' && input.numeric?.sorted === null) {
    notes.push('KS needs the reference values; against a baseline profile the chi-square test on its frozen bins was used');
    return 'chisquare';
  }
  return wanted;
}

/** Two-sample chi-square: on the frozen bins for continuous columns, else on the pooled value counts. */
function chiSquare(input: ColumnInput): { statistic: number; pValue: number } {
  let reference: number[];
  let current: number[];
  if (input.kind === 'continuous' || input.categories === null) {
    reference = (input.bins as NonNullable<ColumnInput['bins']>).counts.reference;
    current = (input.bins as NonNullable<ColumnInput['bins']>).counts.current;
  } else {
    const categories = input.categories;
    reference = [...categories.counts.reference];
    current = [...categories.counts.current];
    if (categories.unlisted.reference > 0 || categories.unlisted.current > 0) {
      reference.push(categories.unlisted.reference);
      current.push(categories.unlisted.current);
    }
  }
  const merged = mergeSparseCells(reference, current, 5);
  if (merged.countsA.length < 2) return { statistic: 0, pValue: 1 };
  const result = chi2Contingency2xK(merged.countsA, merged.countsB);
  return { statistic: result.statistic, pValue: result.pvalue };
}

/** Two-proportion z-test on the second of (at most) two values (true, for booleans). */
function zTest(input: ColumnInput): { statistic: number; pValue: number } {
  const categories = input.categories as NonNullable<ColumnInput['categories']>;
  const present = categories.values.map((_, i) => i).filter((i) => categories.counts.reference[i] + categories.counts.current[i] > 0);
  const second = input.kind === 'boolean' ? 1 : (present[1] ?? present[0]);
  const result = twoProportionZTest(categories.counts.reference[second], input.values.reference, categories.counts.current[second], input.values.current);
  return { statistic: result.statistic, pValue: result.pvalue };
}

function effectOf(test: DriftTest, input: ColumnInput, psiResult: PsiResult, notes: string[]): number {
  const bins = input.bins as NonNullable<ColumnInput['bins']>;
  switch (test) {
    case 'jensenshannon':
      return jensenShannonDistance(bins.counts.reference, bins.counts.current, 2);
    case 'kl':
      return klDivergence(bins.counts.current, bins.counts.reference, { smoothing: 0.5 });
    case 'wasserstein': {
      const result = normalizedWasserstein(input);
      if (result.approximate) notes.push('Wasserstein distance read from the quantile sketches (approximate)');
      return result.value;
    }
    default:
      return psiResult.excess;
  }
}

function newCategories(input: ColumnInput): ColumnAnalysis['newCategories'] {
  const categories = input.categories;
  if (categories === null || !categories.exact.reference || input.values.reference === 0 || input.values.current === 0) return null;
  let count = sum(categories.newValues.map((i) => categories.counts.current[i]));
  // A discrete number whose current side was too varied to list: its unlisted values are all new.
  if (input.kind === 'discrete' && !categories.exact.current) count += categories.unlisted.current;
  if (count === 0) return null;
  const values = categories.newValues
    .map((i) => ({ value: String(categories.values[i]), count: categories.counts.current[i] }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, 10);
  const pValue = twoProportionZTest(0, input.values.reference, count, input.values.current).pvalue;
  return { count, share: count / input.values.current, values, pValue };
}

function safeEvidently(input: ColumnInput, notes: string[]): EvidentlyResult | null {
  try {
    return evidentlyResult(input);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    notes.push(`Evidently's default test could not run: ${error.message}`);
    return null;
  }
}

/** Runs every test of one column; levels are decided by `decide`. */
export function analyzeColumn(input: ColumnInput, settings: ColumnSettings, context: AnalysisContext): ColumnAnalysis {
  const notes = [...input.notes];
  const { thresholds } = context;
  // An empty side has no share of missing values to compare (and no drift to judge: it is insufficient below).
  const empty = input.rows.reference === 0 || input.rows.current === 0;
  const nullTest = empty ? null : twoProportionZTest(input.missing.reference, input.rows.reference, input.missing.current, input.rows.current);
  const nullShare = nullTest
    ? { reference: nullTest.proportionA, current: nullTest.proportionB, pValue: nullTest.pvalue }
    : { reference: input.rows.reference === 0 ? 0 : input.missing.reference / input.rows.reference, current: input.rows.current === 0 ? 0 : input.missing.current / input.rows.current, pValue: 1 };
  const tooFewValues =
    input.bins === null || input.values.reference < thresholds.min_rows || input.values.current < thresholds.min_rows || sum(input.bins.counts.reference) === 0;
  const chosen = chooseTest(input, settings, context, notes);
  // Wasserstein is a distance between finite values: infinities count as values above but cannot enter it.
  const finite = input.numeric?.finite;
  const tooFewFinite = !tooFewValues && chosen === 'wasserstein' && finite !== undefined && (finite.reference < thresholds.min_rows || finite.current < thresholds.min_rows);
  const insufficient = tooFewValues || tooFewFinite;
  const overridden = settings.test !== undefined;
  const base = { input, nullShare, notes, insufficient };
  if (insufficient) {
    notes.push(
      tooFewFinite && finite !== undefined
        ? `too few finite values for Wasserstein (${finite.reference} reference, ${finite.current} current; at least ${thresholds.min_rows} each are needed; infinities have no distance)`
        : `too few values to compare (${input.values.reference} reference, ${input.values.current} current; at least ${thresholds.min_rows} each are needed)`,
    );
    return { ...base, test: chosen, rule: 'dual', thresholds: thresholds.psi, statistic: null, pValue: null, psi: null, effect: null, newCategories: newCategories(input), evidently: null };
  }
  let evidently = safeEvidently(input, notes);
  const bins = input.bins as NonNullable<ColumnInput['bins']>;
  const psiResult = psi(bins.counts.reference, bins.counts.current);
  let test = chosen;
  let rule: DecisionRule = overridden ? (isPValueTest(chosen) ? 'p-value' : 'effect') : 'dual';
  if (context.preset === 'evidently' && !overridden && evidently !== null) {
    test = EVIDENTLY_TO_TEST[evidently.test];
    rule = 'evidently';
    // A column's `alert` replaces Evidently's threshold (its only one) for this column.
    const own = settings.alert;
    if (own !== undefined) {
      evidently = { ...evidently, threshold: own, drifted: isPValueTest(test) ? evidently.score <= own : evidently.score >= own };
    }
  }
  const columnThresholds: LevelThresholds =
    rule === 'evidently'
      ? { warn: (evidently as EvidentlyResult).threshold, alert: (evidently as EvidentlyResult).threshold }
      : {
          warn: settings.warn ?? (overridden ? TEST_DEFAULTS[chosen].warn : thresholds.psi.warn),
          alert: settings.alert ?? (overridden ? TEST_DEFAULTS[chosen].alert : thresholds.psi.alert),
        };

  let statistic: number | null = null;
  let pValue: number | null = null;
  let effect: number | null = psiResult.excess;
  if (rule === 'evidently') {
    const result = evidently as EvidentlyResult;
    if (isPValueTest(test)) pValue = result.score;
    else {
      statistic = result.score;
      effect = result.score;
    }
    if (result.approximate) notes.push("Evidently's test ran on quantile-sketch values (approximate)");
  } else if (isPValueTest(test)) {
    if (test === 'ks') {
      const ks = ksOfColumn(input);
      if (ks.approximate) notes.push('KS ran on quantile-sketch values (approximate)');
      statistic = ks.value.statistic;
      pValue = ks.value.pvalue;
    } else {
      const result = test === 'ztest' ? zTest(input) : chiSquare(input);
      statistic = result.statistic;
      pValue = result.pValue;
    }
  } else {
    effect = effectOf(test, input, psiResult, notes);
    statistic = effect;
  }
  return { ...base, test, rule, thresholds: columnThresholds, statistic, pValue, psi: psiResult, effect, newCategories: newCategories(input), evidently };
}
