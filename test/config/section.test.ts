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
});
