import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../shared/config/index.js';
import { ConfigError } from '../../shared/errors/index.js';
import { baselinePath, defaultIncidentsConfig, incidentPolicy, incidentsConfigSchema, isDriftArtifact } from '../../shared/incidents/index.js';

describe('the incidents: section', () => {
  it('has the documented defaults', () => {
    expect(defaultIncidentsConfig()).toEqual({
      open_after: { alerts: 2, window: 3 },
      close_after: 3,
      reopen_within: '7d',
      workflows: [],
      artifact: 'drift-report',
      baseline_path: '.tollgate/baselines/{model}/{stage}.profile.json',
    });
    expect(incidentPolicy(defaultIncidentsConfig())).toEqual({ openAfter: { alerts: 2, window: 3 }, closeAfter: 3, reopenWithinMs: 7 * 86_400_000 });
  });

  it.each([
    ['3 of 5', { alerts: 3, window: 5 }],
    ['1/1', { alerts: 1, window: 1 }],
    [2, { alerts: 2, window: 2 }],
  ])('reads open_after %j', (value, expected) => {
    expect(incidentsConfigSchema.parse({ open_after: value }).open_after).toEqual(expected);
  });

  it('points at the line and column of a bad value', () => {
    const text = 'open_after: 4 of 3\nclose_after: 2\n';
    expect(() => parseYaml(text, '.github/tollgate.yml', incidentsConfigSchema)).toThrow(ConfigError);
    expect(() => parseYaml(text, '.github/tollgate.yml', incidentsConfigSchema)).toThrow(".github/tollgate.yml:1:13: open_after: expected 1 <= N <= M <= 10 in 'N of M'");
    expect(() => parseYaml('reopen_within: soon\n', 'f.yml', incidentsConfigSchema)).toThrow('f.yml:1:16: reopen_within: expected a duration such as 30m, 24h, 7d or 2w');
    expect(() => parseYaml('open_after: often\n', 'f.yml', incidentsConfigSchema)).toThrow("expected 'N of M', e.g. '2 of 3'");
    expect(() => parseYaml('workflows: [drift]\n', 'f.yml', incidentsConfigSchema)).toThrow('workflows[0]: expected a workflow file name such as drift.yml');
    expect(() => parseYaml('baseline_path: ../etc/passwd\n', 'f.yml', incidentsConfigSchema)).toThrow('expected a relative path inside the repository');
    expect(() => parseYaml('closeafter: 2\n', 'f.yml', incidentsConfigSchema)).toThrow("unknown key 'closeafter'");
  });

  it('fills in the baseline path and recognizes drift artifacts', () => {
    const config = defaultIncidentsConfig();
    expect(baselinePath(config, 'models/churn:churn', 'production')).toBe('.tollgate/baselines/models/churn/churn/production.profile.json');
    expect(['drift-report', 'drift-report-churn', 'drift-report-', 'drift-reports', 'lineage'].map((name) => isDriftArtifact(config, name))).toEqual([true, true, false, false, false]);
  });
});
