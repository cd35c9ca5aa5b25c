#!/usr/bin/env node
// Trains the churn model: logistic regression by batch gradient descent with
// an L2 penalty, on standardized numbers, one-hot categories and 0/1 booleans,
// with a seeded shuffle and a train/validation split.
//
//   node train.mjs [--data data/train.csv] [--model model.json] [--metrics metrics.json] [--params params.yaml]
//
// Params come from params.yaml (or the file in TOLLGATE_PARAMS), overridden by
// TOLLGATE_PARAM_<NAME> variables and TOLLGATE_SEED, which `tollgate train`
// sets. Deterministic: the same data, params and seed give a byte-identical
// model.json (numbers are rounded to 10 significant digits when written).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRandom, encodeRow, encodedNames, indexColumns, loadParams, readCsv, round, shuffledIndices, sigmoid } from './lib.mjs';

const LABEL = 'churned';
const ID = 'customer_id';

/** What kind each feature column is, read from the data: booleans, numbers, or categories. */
function describeFeatures(rows, names, columnIndex) {
  return names.map((name) => {
    const values = rows.map((row) => row[columnIndex[name]]).filter((value) => value !== '');
    if (values.every((value) => value === 'true' || value === 'false')) return { name, kind: 'boolean' };
    if (values.every((value) => Number.isFinite(Number(value)))) return { name, kind: 'numeric' };
    return { name, kind: 'categorical' };
  });
}

/** Fits each feature's encoding on the training rows: means, standard deviations, levels. */
function fitEncoding(kinds, rows, columnIndex) {
  return kinds.map(({ name, kind }) => {
    const texts = rows.map((row) => row[columnIndex[name]]).filter((value) => value !== '');
    if (kind === 'categorical') return { name, kind, levels: [...new Set(texts)].sort() };
    const values = texts.map((text) => (kind === 'boolean' ? (text === 'true' ? 1 : 0) : Number(text)));
    const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    if (kind === 'boolean') return { name, kind, mean: round(mean) };
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length);
    return { name, kind, mean: round(mean), sd: round(Math.sqrt(variance) || 1) };
  });
}

/** Rows encoded into one flat Float64Array (row-major) with labels as 0/1. */
function encode(rows, columnIndex, features, width) {
  const matrix = new Float64Array(rows.length * width);
  const labels = new Float64Array(rows.length);
  const buffer = new Float64Array(width);
  rows.forEach((row, index) => {
    encodeRow(row, columnIndex, features, buffer);
    matrix.set(buffer, index * width);
    labels[index] = row[columnIndex[LABEL]] === 'true' ? 1 : 0;
  });
  return { matrix, labels, count: rows.length };
}

/** Batch gradient descent on the mean log loss plus (l2 / 2) * |w|^2 (the intercept is not penalized). */
function fit({ matrix, labels, count }, width, { learningRate, epochs, l2 }) {
  const weights = new Float64Array(width);
  let intercept = 0;
  const gradient = new Float64Array(width);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    gradient.fill(0);
    let interceptGradient = 0;
    for (let row = 0; row < count; row += 1) {
      const offset = row * width;
      let z = intercept;
      for (let column = 0; column < width; column += 1) z += weights[column] * matrix[offset + column];
      const error = sigmoid(z) - labels[row];
      interceptGradient += error;
      for (let column = 0; column < width; column += 1) gradient[column] += error * matrix[offset + column];
    }
    intercept -= (learningRate * interceptGradient) / count;
    for (let column = 0; column < width; column += 1) weights[column] -= learningRate * (gradient[column] / count + l2 * weights[column]);
  }
  return { weights, intercept };
}

function predict({ matrix, count }, width, { weights, intercept }) {
  const scores = new Float64Array(count);
  for (let row = 0; row < count; row += 1) {
    let z = intercept;
    for (let column = 0; column < width; column += 1) z += weights[column] * matrix[row * width + column];
    scores[row] = sigmoid(z);
  }
  return scores;
}

/** ROC AUC as the Mann-Whitney statistic, ties sharing their average rank. */
export function rocAuc(labels, scores) {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositive = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index += 1) {
      if (labels[order[index]] === 1) {
        rankSumPositive += averageRank;
        positives += 1;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function logLoss(labels, scores) {
  let total = 0;
  for (let index = 0; index < labels.length; index += 1) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, scores[index]));
    total -= labels[index] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / labels.length;
}

function accuracy(labels, scores) {
  let correct = 0;
  for (let index = 0; index < labels.length; index += 1) if ((scores[index] >= 0.5 ? 1 : 0) === labels[index]) correct += 1;
  return correct / labels.length;
}

function main() {
  const { values: args } = parseArgs({
    options: {
      data: { type: 'string', default: 'data/train.csv' },
      model: { type: 'string', default: 'model.json' },
      metrics: { type: 'string', default: 'metrics.json' },
      params: { type: 'string', default: 'params.yaml' },
    },
  });
  const params = loadParams(args.params);
  const settings = {
    learningRate: Number(params.learning_rate ?? 0.3),
    epochs: Number(params.epochs ?? 300),
    l2: Number(params.l2 ?? 0.001),
  };
  const seed = Number(params.seed ?? 0);
  const validationFraction = Number(params.validation_fraction ?? 0.2);
  const featureNames = params.features;
  if (!Array.isArray(featureNames) || featureNames.length === 0) throw new Error('params: features must be a list of column names, e.g. [age, plan]');

  const { header, rows: allRows } = readCsv(args.data);
  const columnIndex = indexColumns(header, [ID, LABEL, ...featureNames], args.data);
  const rows = allRows.filter((row) => row[columnIndex[LABEL]] === 'true' || row[columnIndex[LABEL]] === 'false');
  if (rows.length < allRows.length) console.error(`train: ${allRows.length - rows.length} rows without a ${LABEL} label left out`);

  const order = shuffledIndices(rows.length, createRandom(seed));
  const validationCount = Math.round(rows.length * validationFraction);
  const validationRows = order.slice(0, validationCount).map((index) => rows[index]);
  const trainingRows = order.slice(validationCount).map((index) => rows[index]);

  const features = fitEncoding(describeFeatures(trainingRows, featureNames, columnIndex), trainingRows, columnIndex);
  const names = encodedNames(features);
  const training = encode(trainingRows, columnIndex, features, names.length);
  const validation = encode(validationRows, columnIndex, features, names.length);
  const fitted = fit(training, names.length, settings);
  const scores = predict(validation, names.length, fitted);

  const model = {
    format: 'tollgate-example.churn-logistic/v1',
    label: LABEL,
    id: ID,
    features,
    intercept: round(fitted.intercept),
    weights: Object.fromEntries(names.map((name, index) => [name, round(fitted.weights[index])])),
    training: { rows: trainingRows.length, validation_rows: validationRows.length, seed, ...settings },
  };
  const metrics = {
    roc_auc: round(rocAuc(validation.labels, scores), 6),
    log_loss: round(logLoss(validation.labels, scores), 6),
    accuracy: round(accuracy(validation.labels, scores), 6),
  };
  writeFileSync(args.model, `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(args.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(`train: ${trainingRows.length} training rows, ${validationRows.length} validation rows; validation AUC ${metrics.roc_auc}, log loss ${metrics.log_loss}, accuracy ${metrics.accuracy}`);
}

main();
