import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../shared/errors/index.js';
import { canonicalJson } from '../../shared/lineage/index.js';
import { parseParams, paramEnvironment, paramVariableName, parseSeed, resolveSeed } from '../../shared/train/index.js';

describe('params', () => {
  it('reads YAML and JSON params files', () => {
    expect(parseParams('lr: 0.1\nlayers: [64, 32]\nname: churn\n', 'params.yaml').values).toEqual({ lr: 0.1, layers: [64, 32], name: 'churn' });
    expect(parseParams('{"lr": 0.1, "deep": {"a": 1}}', 'params.json').values).toEqual({ lr: 0.1, deep: { a: 1 } });
    expect(parseParams('', 'params.yaml').values).toEqual({});
  });

  it('reports YAML and JSON mistakes with line and column', () => {
    expect(() => parseParams('lr: 0.1\nlr: 0.2\n', 'params.yaml')).toThrow(/^params\.yaml:2:1: invalid YAML: /);
    expect(() => parseParams('- 1\n- 2\n', 'params.yaml')).toThrow(ConfigError);
    expect(() => parseParams('- 1\n- 2\n', 'params.yaml')).toThrow(/^params\.yaml:1:1: /);
    expect(() => parseParams('{\n  "lr": 0.1,\n  "x": tru\n}', 'params.json')).toThrow('params.json:3:8: invalid JSON: expected a value, found "t"');
    expect(() => parseParams('a: 1\nb: .nan\n', 'params.yaml')).toThrow('params.yaml:2:4: b: expected a finite number, got NaN');
  });

  it('exports top-level scalars as TOLLGATE_PARAM_<NAME>', () => {
    const params = parseParams('learning-rate: 0.001\nepochs: 10\nuse_gpu: false\nname: churn v2\nnothing: null\nlayers: [1, 2]\nnested: {a: 1}\n', 'params.yaml');
    expect(paramEnvironment(params)).toEqual({
      TOLLGATE_PARAM_LEARNING_RATE: '0.001',
      TOLLGATE_PARAM_EPOCHS: '10',
      TOLLGATE_PARAM_USE_GPU: 'false',
      TOLLGATE_PARAM_NAME: 'churn v2',
      TOLLGATE_PARAM_NOTHING: '',
    });
    expect(paramVariableName('max.depth')).toBe('TOLLGATE_PARAM_MAX_DEPTH');
  });

  it('refuses two params that map to one variable, pointing at the second', () => {
    const params = parseParams('learning_rate: 1\nlearning-rate: 2\n', 'params.yaml');
    expect(() => paramEnvironment(params)).toThrow("params.yaml:2:16: params 'learning_rate' and 'learning-rate' would both be exported as TOLLGATE_PARAM_LEARNING_RATE; rename one");
  });

  it('takes the seed from the flag, else the params, else 0', () => {
    const params = parseParams('seed: 42\n', 'params.yaml');
    expect(resolveSeed(7, params)).toBe(7);
    expect(resolveSeed(undefined, params)).toBe(42);
    expect(resolveSeed(undefined, undefined)).toBe(0);
    expect(() => resolveSeed(undefined, parseParams('seed: -1\n', 'params.yaml'))).toThrow('params.yaml:1:7: seed: expected a whole number from 0 to 4294967295, got -1');
    expect(parseSeed('4294967295', '--seed')).toBe(4294967295);
    expect(() => parseSeed('4294967296', '--seed')).toThrow(UsageError);
    expect(() => parseSeed('1.5', '--seed')).toThrow("--seed expects a whole number from 0 to 4294967295, got '1.5'");
  });

  describe('as the content key sees them', () => {
    const keyOf = (text: string, file = 'params.yaml') => canonicalJson(parseParams(text, file).keyForm);

    // Pairs the JavaScript values cannot tell apart but a training script's reader can (PyYAML, json).
    it.each([
      ['epochs: 10\n', 'epochs: 10.0\n'], // int against float
      ['flag: yes\n', 'flag: "yes"\n'], // True to PyYAML against a string
      ['flag: on\n', "flag: 'on'\n"],
      ['n: 1e3\n', 'n: 1000.0\n'], // a string to PyYAML against a float
      ['mode: 017\n', 'mode: 17\n'], // octal 15 to PyYAML against 17
      ['big: 12345678901234567890\n', 'big: 12345678901234567891\n'], // one double in JavaScript
      ['weights: {1: 0.5}\n', 'weights: {"1": 0.5}\n'], // an int key against a string key
      ['{"epochs": 10}', '{"epochs": 10.0}', 'params.json'],
    ])('tell %j from %j', (a, b, file = 'params.yaml') => {
      expect(parseParams(a, file).values).toEqual(parseParams(b, file).values);
      expect(keyOf(a, file)).not.toBe(keyOf(b, file));
    });

    // Formatting only: comments, key order, spacing, quotes around a word, spelling of one float.
    it.each([
      ['lr: 0.5\nepochs: 10\nlayers: [64, 32]\n', '# tuned\nlayers:\n  - 64\n  - 32   # two\nepochs:   10\nlr: 0.50\n'],
      ['name: adam\n', "name: 'adam'\n"],
      ['f: 1000.0\n', 'f: 1.0e+3\n'],
      ['t: true\nz: null\n', 't: True\nz: ~\n'],
      ['base: &b 3\nuse: *b\n', 'base: 3\nuse: 3\n'],
      ['{"a": 1, "b": [1.5, "x"]}', '{ "b": [1.50, "x"],\n  "a": 1 }', 'params.json'],
    ])('treat %j and %j alike', (a, b, file = 'params.yaml') => {
      expect(keyOf(a, file)).toBe(keyOf(b, file));
    });

    it('refuses a recursive alias and an infinite JSON number, with their position', () => {
      expect(() => parseParams('a: &x [1, *x]\n', 'params.yaml')).toThrow('params.yaml:1:11: the alias *x refers to a collection that contains it');
      expect(() => parseParams('{"a": 1e999}', 'params.json')).toThrow('params.json:1:7: a: expected a finite number, got Infinity');
    });
  });
});
