import { it } from 'vitest';
import { monitorLog, NO_REFERENCE, defaultMonitorSettings } from '../../shared/monitor/index.js';
import { baselineOf, evaluationOf, makeLog } from './simulate.js';

it('smoke', async () => {
  const ref = makeLog({ rows: 20000, seed: 1, labels: true });
  const profile = await baselineOf(ref, ['score', 'tenure', 'plan']);
  const evaluation = evaluationOf(ref);
  const window = makeLog({ rows: 2000, seed: 2, labels: true, separation: 0.954 });
  const settings = defaultMonitorSettings();
  settings.latency = { p95: 150, error_rate: 0.02, confidence: 0.95 };
  const t0 = performance.now();
  const report = await monitorLog(window, { ...NO_REFERENCE, profile, evaluation, profilePath: 'profile.json' }, null, { settings });
  console.log(performance.now() - t0);
  console.log(JSON.stringify({ ...report, columns: report.columns.map((c) => [c.name, c.level, c.effect]), thresholds: undefined }, null, 1));
});
