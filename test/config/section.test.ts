import { describe, expect, it } from 'vitest';
import { parseDriftConfig } from '../../shared/config/drift.js';
import { parseMonitorConfig } from '../../shared/config/monitor.js';
import { tollgateConfigSchema } from '../../shared/config/schema.js';
import { TOLLGATE_SECTIONS } from '../../shared/config/yaml-document.js';

describe('parseSection', () => {
  it('knows every top-level key of tollgate.yml', () => {
    expect([...TOLLGATE_SECTIONS].sort()).toEqual(Object.keys(tollgateConfigSchema.shape).sort());
  });

  it('reads any section of a tollgate.yml that has another section only, and a standalone file as the section', () => {
    const tollgate = 'incidents:\n  reopen_within: 14d\n';
    expect(parseMonitorConfig(tollgate, '.github/tollgate.yml').value).toEqual(parseMonitorConfig('', 'monitor.yml').value);
    expect(parseDriftConfig(tollgate, '.github/tollgate.yml').value).toEqual(parseDriftConfig('', 'drift.yml').value);
    expect(parseMonitorConfig('fail_on: never\n', 'monitor.yml').value.fail_on).toBe('never');
    expect(() => parseMonitorConfig('monitor:\n  fail_on: sometimes\n', '.github/tollgate.yml')).toThrow(/^\.github\/tollgate\.yml:2:\d+: monitor\.fail_on/);
  });

  it('refuses a misspelt section instead of falling back to its defaults (a gate would be skipped)', () => {
    expect(() => parseDriftConfig('models: {}\ndrfit:\n  fail_on: warn\n', '.github/tollgate.yml')).toThrow(
      ".github/tollgate.yml:2:1: drfit: unknown key 'drfit', did you mean 'drift'?",
    );
    expect(() => parseMonitorConfig('monitr:\n  fail_on: never\nincidents: {}\n', 't.yml')).toThrow("t.yml:1:1: monitr: unknown key 'monitr', did you mean 'monitor'?");
    // A data contract given where a config belongs is not read as an empty config.
    expect(() => parseDriftConfig('version: 1\ncolumns:\n  a: {type: integer}\n', 'contract.yml')).toThrow(
      "contract.yml:2:1: columns: unknown key 'columns', expected one of $schema, version, models, evaluation, drift, monitor, incidents",
    );
  });
});
