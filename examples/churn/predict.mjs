#!/usr/bin/env node
// Scores a CSV with a model written by train.mjs.
//
//   node predict.mjs [--model model.json] [--data data/eval.csv] [--out predictions.csv]
//
// Defaults come from TOLLGATE_CHAMPION_DIR, TOLLGATE_EVAL_DATA and
// TOLLGATE_PREDICTIONS when set (the pipeline's predict-command, and the
// evaluate action's scoring the champion).
// Writes `customer_id,churned,score`: churned is the true label as 1/0 when the
// data has a churned column (empty where the label is missing, or when the
// column is absent), score the predicted churn probability (6 decimals).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeRow, encodedNames, indexColumns, readCsv, sigmoid } from './lib.mjs';

function main() {
  const { values: args } = parseArgs({
    options: {
      // Under the evaluate action's predict-command, the champion's release
      // assets and the file to write arrive in the environment.
      model: { type: 'string', default: process.env.TOLLGATE_CHAMPION_DIR ? `${process.env.TOLLGATE_CHAMPION_DIR}/model.json` : 'model.json' },
      data: { type: 'string', default: process.env.TOLLGATE_EVAL_DATA || 'data/eval.csv' },
      out: { type: 'string', default: process.env.TOLLGATE_PREDICTIONS ?? 'predictions.csv' },
    },
  });
  const model = JSON.parse(readFileSync(args.model, 'utf8'));
  const { header, rows } = readCsv(args.data);
  const columnIndex = indexColumns(header, [model.id, ...model.features.map((feature) => feature.name)], args.data);
  const labelIndex = header.indexOf(model.label);
  const names = encodedNames(model.features);
  const weights = Float64Array.from(names.map((name) => model.weights[name] ?? 0));
  const buffer = new Float64Array(names.length);
  const lines = [`${model.id},${model.label},score`];
  for (const row of rows) {
    encodeRow(row, columnIndex, model.features, buffer);
    let z = model.intercept;
    for (let index = 0; index < weights.length; index += 1) z += weights[index] * buffer[index];
    const label = labelIndex === -1 ? '' : row[labelIndex] === 'true' ? '1' : row[labelIndex] === 'false' ? '0' : '';
    const id = row[columnIndex[model.id]];
    lines.push(`${/[",\r\n]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id},${label},${sigmoid(z).toFixed(6)}`);
  }
  writeFileSync(args.out, `${lines.join('\n')}\n`);
  console.log(`predict: scored ${rows.length} rows into ${args.out}`);
}

main();
