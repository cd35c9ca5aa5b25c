// Helpers shared by train.mjs and predict.mjs: a CSV reader, a params reader,
// a seeded PRNG and the feature encoding. Node only, no dependencies.
import { readFileSync } from 'node:fs';

/** mulberry32: a tiny 32-bit PRNG, identical on every platform. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of 0..n-1 driven by `random`. */
export function shuffledIndices(n, random) {
  const order = Array.from({ length: n }, (_, index) => index);
  for (let index = n - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

/**
 * Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF) into a
 * header and rows of strings. Fails on a row with the wrong number of fields.
 */
export function readCsv(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      if (record.length > 1 || record[0] !== '') records.push({ fields: record, line });
      record = [];
      field = '';
      line += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push({ fields: record, line });
  }
  if (records.length === 0) throw new Error(`${path}: empty file, expected a header row`);
  const header = records[0].fields;
  for (const { fields, line: at } of records.slice(1)) {
    if (fields.length !== header.length) throw new Error(`${path}:${at}: expected ${header.length} fields, found ${fields.length}`);
  }
  return { header, rows: records.slice(1).map((entry) => entry.fields) };
}

/** A scalar from the params file or an environment variable: number, boolean or string. */
function parseScalar(text) {
  const value = text.trim();
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) return value.slice(1, -1);
  return value;
}

/**
 * Reads params: JSON when the name ends in .json, otherwise a flat YAML file
 * of `key: value` lines (values: numbers, true/false, strings, and flow lists
 * like `[age, plan]`; `#` starts a comment). Anything richer is refused with
 * its line number rather than misread.
 */
export function readParams(path) {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return JSON.parse(text);
  const params = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (line.trim() === '') return;
    const match = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!match || match[2] === '') throw new Error(`${path}:${index + 1}: expected 'key: value' (this reader takes flat params only)`);
    const [, key, value] = match;
    params[key] = value.startsWith('[')
      ? value.endsWith(']')
        ? value.slice(1, -1).split(',').map((item) => item.trim()).filter((item) => item !== '').map(parseScalar)
        : (() => {
            throw new Error(`${path}:${index + 1}: a list must open and close on one line: [a, b]`);
          })()
      : parseScalar(value);
  });
  return params;
}

/**
 * Params for a run: the file named by TOLLGATE_PARAMS (set by `tollgate train`)
 * or `fallbackPath`, then TOLLGATE_PARAM_<NAME> variables, then TOLLGATE_SEED.
 */
export function loadParams(fallbackPath, env = process.env) {
  const path = env.TOLLGATE_PARAMS || fallbackPath;
  const params = readParams(path);
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('TOLLGATE_PARAM_') || value === undefined) continue;
    const key = Object.keys(params).find((candidate) => `TOLLGATE_PARAM_${candidate.toUpperCase().replace(/[^A-Z0-9]/g, '_')}` === name);
    if (key !== undefined && !Array.isArray(params[key])) params[key] = parseScalar(value);
  }
  if (env.TOLLGATE_SEED !== undefined && env.TOLLGATE_SEED !== '') params.seed = Number(env.TOLLGATE_SEED);
  return params;
}

/** 1 / (1 + e^-z), without overflow for large |z|. */
export function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Rounds to `digits` significant digits, so serialized models do not depend on the last bits of floating point. */
export function round(value, digits = 10) {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/** Names of the encoded inputs, in weight order. */
export function encodedNames(features) {
  return features.flatMap((feature) => (feature.kind === 'categorical' ? feature.levels.map((level) => `${feature.name}=${level}`) : [feature.name]));
}

/**
 * Encodes one CSV row into `out` (a Float64Array of the encoded width):
 * numbers standardized with the training mean and sd (missing -> the mean,
 * i.e. 0), booleans as 0/1 (missing -> the training share), categories
 * one-hot (missing or unseen -> all zeros).
 */
export function encodeRow(row, columnIndex, features, out) {
  let at = 0;
  for (const feature of features) {
    const text = row[columnIndex[feature.name]];
    if (feature.kind === 'numeric') {
      const value = text === '' ? feature.mean : Number(text);
      out[at] = (Number.isFinite(value) ? value - feature.mean : 0) / feature.sd;
      at += 1;
    } else if (feature.kind === 'boolean') {
      out[at] = text === 'true' ? 1 : text === 'false' ? 0 : feature.mean;
      at += 1;
    } else {
      for (const level of feature.levels) {
        out[at] = text === level ? 1 : 0;
        at += 1;
      }
    }
  }
  return out;
}

/** Column name -> index, failing when a needed column is missing. */
export function indexColumns(header, names, path) {
  const index = {};
  for (const name of names) {
    const at = header.indexOf(name);
    if (at === -1) throw new Error(`${path}: no column '${name}' (columns: ${header.join(', ')})`);
    index[name] = at;
  }
  return index;
}
