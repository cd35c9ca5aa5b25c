// Run: npx esbuild bench/monitor/monitor.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/monitor.mjs && node bench/out/monitor.mjs [rows]
//
// Monitoring a 1,000,000-row prediction log (request id, timestamp, version,
// score, latency, error, three features): the whole `tollgate monitor` path
// (read the log, feature and prediction drift against a baseline profile,
// confidence, latency, volume), then again with delayed labels for 10% of the
// requests (performance with a 1,000-resample bootstrap). Target: under 2 s on
// one core. Files are written to the system's temp folder (not timed).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBaseline } from '../../shared/drift/index.js';
import { evaluateRows } from '../../shared/evaluate/index.js';
import { NO_REFERENCE, defaultMonitorSettings, loadLabels, loadPredictionLog, monitorFiles, monitorLog, type MonitorReference } from '../../shared/monitor/index.js';
import { createRng } from '../../shared/stats/index.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const START = Date.parse('2024-06-01T00:00:00Z');
const PLANS = ['basic', 'standard', 'premium', 'enterprise'];

/** Writes a log (and, with `labelsPath`, the labels of every tenth request); returns the labels and scores for the reference evaluation. */
async function writeLog(path: string, rows: number, seed: number, labelsPath?: string): Promise<{ labels: Float64Array; scores: Float64Array }> {
  const rng = createRng(seed);
  const out = createWriteStream(path);
  const labelOut = labelsPath ? createWriteStream(labelsPath) : null;
  out.write('request_id,timestamp,model_version,score,latency_ms,error,tenure,monthly_spend,plan\n');
  labelOut?.write('request_id,label\n');
  const labels = new Float64Array(rows);
  const scores = new Float64Array(rows);
  let chunk = '';
  let labelChunk = '';
  for (let i = 0; i < rows; i++) {
    const label = rng.next() < 0.3 ? 1 : 0;
    const score = 1 / (1 + Math.exp(-(rng.normal() + 1.19 * label - 1)));
    labels[i] = label;
    scores[i] = score;
    const time = new Date(START + Math.floor((i * 86_400_000) / rows)).toISOString();
    const latency = 40 * Math.exp(0.5 * rng.normal());
    chunk += `r${seed}-${i},${time},v1.4.0,${score.toFixed(6)},${latency.toFixed(1)},${rng.next() < 0.01 ? 'true' : 'false'},${Math.round(24 + 10 * rng.normal())},${(60 + 20 * rng.normal()).toFixed(2)},${PLANS[rng.nextInt(4)]}\n`;
    if (labelOut && i % 10 === 0) labelChunk += `r${seed}-${i},${label}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
      if (labelOut && labelChunk.length > 0) {
        labelOut.write(labelChunk);
        labelChunk = '';
      }
    }
  }
  out.end(chunk);
  labelOut?.end(labelChunk);
  await once(out, 'finish');
  if (labelOut) await once(labelOut, 'finish');
  return { labels, scores };
}

function seconds(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(3);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-monitor-bench-'));
  try {
    const training = join(dir, 'training.csv');
    const { labels, scores } = await writeLog(training, 200_000, 1);
    const log = join(dir, 'log.csv');
    const labelsFile = join(dir, 'labels.csv');
    await writeLog(log, ROWS, 2, labelsFile);
    const profile = await createBaseline(training);
    const evaluation = evaluateRows({ ids: [], labels, challenger: scores, champion: undefined, segments: [], sources: { challenger: training, champion: null } }, { bootstrap: { resamples: 100 } });
    const profilePath = join(dir, 'profile.json');
    await writeFile(profilePath, JSON.stringify(profile));
    const reference: MonitorReference = { ...NO_REFERENCE, profile, profilePath, evaluation };
    const settings = defaultMonitorSettings();
    settings.latency = { p95: 150, p99: 300, error_rate: 0.02, confidence: 0.95 };
    settings.volume = { per: '1h', alert: [10_000, 100_000] };
    console.log(`log: ${ROWS.toLocaleString('en-US')} rows, 9 columns; reference: baseline profile of 200,000 rows`);

    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const report = await monitorFiles({ logs: log, settings }, reference);
      console.log(`monitor, no labels (run ${run + 1})`.padEnd(40), seconds(start), 's', report.level, report.signals.map((signal) => `${signal.signal}:${signal.level}`).join(' '));
    }

    const read = performance.now();
    const view = await loadPredictionLog(log, { featureTypes: { tenure: 'float', monthly_spend: 'float', plan: 'category' } });
    console.log('  of which: read the log'.padEnd(40), seconds(read), 's');
    const signals = performance.now();
    await monitorLog(view, reference, null, { settings });
    console.log('  of which: every signal'.padEnd(40), seconds(signals), 's');

    for (let run = 0; run < 2; run++) {
      const start = performance.now();
      const report = await monitorFiles({ logs: log, labels: labelsFile, settings }, reference);
      const performanceSignal = report.signals.find((signal) => signal.signal === 'performance');
      console.log(`monitor, 100,000 labels (run ${run + 1})`.padEnd(40), seconds(start), 's', performanceSignal?.summary);
    }
    const labelled = performance.now();
    await loadLabels(labelsFile, { id: 'request_id', label: 'label', task: 'classification' });
    console.log('  of which: read the labels'.padEnd(40), seconds(labelled), 's');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
