/**
 * Aligns the challenger's and the champion's predictions on id. Both models
 * must be scored on exactly the same evaluation rows: any id on one side only,
 * any duplicate id and any disagreeing label is an `InputError`.
 */
import { InputError } from '../errors/index.js';
import { formatCount } from './format.js';
import { locateRow, type EvaluationRows, type PredictionsTable, type SegmentColumn } from './predictions.js';

const EXAMPLES = 3;

function quoteList(ids: string[]): string {
  return ids.slice(0, EXAMPLES).map((id) => `'${id}'`).join(', ');
}

/** Index of each id; throws on the first duplicate, counting all of them. */
function indexIds(table: PredictionsTable): Map<string, number> {
  const index = new Map<string, number>();
  let firstDuplicate = -1;
  const duplicated = new Set<string>();
  for (let row = 0; row < table.ids.length; row++) {
    const id = table.ids[row];
    if (index.has(id)) {
      if (firstDuplicate < 0) firstDuplicate = row;
      duplicated.add(id);
    } else {
      index.set(id, row);
    }
  }
  if (firstDuplicate >= 0) {
    const id = table.ids[firstDuplicate];
    const { location, text } = locateRow(table, firstDuplicate);
    const earlier = locateRow(table, index.get(id) as number).text;
    const more = duplicated.size > 1 ? `; ${formatCount(duplicated.size)} ids occur more than once (e.g. ${quoteList([...duplicated])})` : '';
    // With a line the location already names this row; without one (binary formats) the text does.
    const here = location.line === undefined ? `${text}, ` : '';
    throw new InputError(location, `duplicate id '${id}' (${here}first at ${earlier})${more}: each evaluation row needs a unique id`);
  }
  return index;
}

function missingFrom(from: PredictionsTable, index: Map<string, number>): string[] {
  return from.ids.filter((id) => !index.has(id));
}

function describeMissing(count: number, examples: string[], owner: string, other: string): string {
  return `${formatCount(count)} id${count === 1 ? '' : 's'} in ${owner} ${count === 1 ? 'is' : 'are'} missing from ${other} (e.g. ${quoteList(examples)})`;
}

/** One model's rows alone (no champion): checks ids and labels the same way. */
export function singleModelRows(challenger: PredictionsTable): EvaluationRows {
  indexIds(challenger);
  if (!challenger.labels) throw new InputError({ file: challenger.file }, 'the predictions file has no label column, so there is nothing to evaluate against');
  return {
    ids: challenger.ids,
    labels: challenger.labels,
    challenger: challenger.scores,
    champion: undefined,
    segments: challenger.segments,
    sources: { challenger: challenger.file, champion: null },
    locate: (row) => locateRow(challenger, row),
  };
}

/** Reorders a champion-only segment column into the challenger's row order. */
function alignSegment(column: SegmentColumn, championRowOf: Int32Array): SegmentColumn {
  const codes = new Int32Array(championRowOf.length);
  for (let row = 0; row < codes.length; row++) codes[row] = column.codes[championRowOf[row]];
  return { name: column.name, codes, values: column.values };
}

/**
 * Joins challenger and champion on id, in the challenger's row order. Labels
 * come from the challenger (or the champion when only it has them); when both
 * have labels they must agree.
 */
export function joinPredictions(challenger: PredictionsTable, champion: PredictionsTable): EvaluationRows {
  const challengerIndex = indexIds(challenger);
  const championIndex = indexIds(champion);

  const onlyChallenger = missingFrom(challenger, championIndex);
  const onlyChampion = missingFrom(champion, challengerIndex);
  if (onlyChallenger.length > 0 || onlyChampion.length > 0) {
    const parts: string[] = [];
    if (onlyChallenger.length > 0) parts.push(describeMissing(onlyChallenger.length, onlyChallenger, `the challenger's ${challenger.file}`, `the champion's ${champion.file}`));
    if (onlyChampion.length > 0) parts.push(describeMissing(onlyChampion.length, onlyChampion, `the champion's ${champion.file}`, `the challenger's ${challenger.file}`));
    throw new InputError(undefined, `the challenger and the champion were not scored on the same rows: ${parts.join('; ')}. Score both models on the same evaluation data.`);
  }

  const rows = challenger.ids.length;
  const championRowOf = new Int32Array(rows);
  const championScores = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const other = championIndex.get(challenger.ids[row]) as number;
    championRowOf[row] = other;
    championScores[row] = champion.scores[other];
  }

  let labels = challenger.labels;
  if (!labels) {
    if (!champion.labels) throw new InputError(undefined, `neither ${challenger.file} nor ${champion.file} has a label column`);
    labels = new Float64Array(rows);
    for (let row = 0; row < rows; row++) labels[row] = champion.labels[championRowOf[row]];
  } else if (champion.labels) {
    let disagreements = 0;
    let first = -1;
    for (let row = 0; row < rows; row++) {
      const theirs = champion.labels[championRowOf[row]];
      if (theirs !== labels[row] && !(Number.isNaN(theirs) && Number.isNaN(labels[row]))) {
        disagreements++;
        if (first < 0) first = row;
      }
    }
    if (disagreements > 0) {
      const mine = locateRow(challenger, first);
      const theirs = locateRow(champion, championRowOf[first]);
      throw new InputError(
        mine.location,
        `the label of id '${challenger.ids[first]}' is ${labels[first]} here (${mine.text}) but ${champion.labels[championRowOf[first]]} in ${champion.file} (${theirs.text}); ${formatCount(disagreements)} row${disagreements === 1 ? '' : 's'} disagree. Both files must carry the same evaluation labels.`,
      );
    }
  }

  const segments = [...challenger.segments];
  for (const column of champion.segments) {
    if (!segments.some((existing) => existing.name === column.name)) segments.push(alignSegment(column, championRowOf));
  }

  return {
    ids: challenger.ids,
    labels,
    challenger: challenger.scores,
    champion: championScores,
    segments,
    sources: { challenger: challenger.file, champion: champion.file },
    locate: (row) => locateRow(challenger, row),
  };
}
