#!/usr/bin/env node
// `npm run demo`: the whole Tollgate lifecycle, locally, in a temporary git
// repository — no GitHub, no network. Each step runs the real `tollgate`
// command (the committed bundle) and checks its outcome; the demo exits 1 at
// the first step that does not turn out as expected. Every report (JSON and
// Markdown) is kept in a folder named at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'cli', 'bin', 'tollgate.js');
const work = mkdtempSync(join(tmpdir(), 'tollgate-demo-'));
const repo = join(work, 'churn');
const reports = join(work, 'reports');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
let stepNumber = 0;

function step(title) {
  stepNumber += 1;
  console.log(`\n${paint('1', `${stepNumber}. ${title}`)}`);
}

function say(text) {
  console.log(`   ${text}`);
}

function fail(text, output = '') {
  console.error(`\n${paint('31', `demo failed at step ${stepNumber}: ${text}`)}`);
  if (output) console.error(output.trim().split('\n').map((line) => `   | ${line}`).join('\n'));
  console.error(`\nreports so far: ${reports}`);
  process.exit(1);
}

/** Runs `tollgate <args>` in the demo repository; checks the exit code; parses --json output. */
function tollgate(args, expectedExit = 0) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== expectedExit) {
    fail(`\`tollgate ${args.join(' ')}\` exited ${result.status}, expected ${expectedExit}`, `${result.stdout}\n${result.stderr}`);
  }
  if (!args.includes('--json')) return result.stdout;
  try {
    return JSON.parse(result.stdout);
  } catch {
    return fail(`\`tollgate ${args.join(' ')}\` did not print JSON`, result.stdout);
  }
}

function git(...args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

function node(script, ...args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) fail(`node ${script} exited ${result.status}`, result.stderr);
  return result.stdout.trim();
}

function expect(condition, text, detail) {
  if (!condition) fail(text, detail === undefined ? '' : JSON.stringify(detail, null, 2));
}

function setParams(edit) {
  const path = join(repo, 'params.yaml');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

// ---------------------------------------------------------------------------
console.log(paint('1', 'Tollgate: the whole lifecycle of a churn model, locally'));
console.log(`working in ${work}`);
mkdirSync(reports);
cpSync(join(root, 'examples', 'churn'), repo, { recursive: true, filter: (source) => !/\/(model|metrics|lineage|predictions)\.(json|csv)$/.test(source) });
writeFileSync(join(repo, '.gitignore'), 'model.json\nmetrics.json\nlineage.json\n*.predictions.csv\n.tollgate-cache/\nprofile.json\n');
git('init', '-q', '-b', 'main');
git('config', 'user.name', 'Dana Scientist');
git('config', 'user.email', 'dana@example.com');
git('add', '-A');
git('commit', '-qm', 'The churn model');

step('Validate the training data against its contract');
const good = tollgate(['validate', 'data/train.csv', '--contract', 'contract.yml', '--json', '--out', join(reports, 'validate-train.json'), '--markdown', join(reports, 'validate-train.md')]);
expect(good.ok, 'the good data should pass', good.summary);
say(`pass: ${good.summary.checks} checks over ${good.rows.toLocaleString('en-US')} rows`);
const bad = tollgate(['validate', 'data/train-broken.csv', '--contract', 'contract.yml', '--json', '--out', join(reports, 'validate-broken.json'), '--markdown', join(reports, 'validate-broken.md')], 1);
const reasons = bad.checks.filter((check) => !check.ok && check.severity === 'error');
expect(!bad.ok && reasons.length > 0, 'the broken data should fail');
say(`the broken copy fails with ${reasons.length} errors:`);
for (const check of reasons) say(`  ✗ ${check.column ?? '(dataset)'} ${check.rule}: ${check.message}`);

step('Train v1 (a first, simple model: five features, 60 epochs)');
setParams((text) => text.replace(/^features: .*$/m, 'features: [tenure_months, plan, age, support_tickets, region]').replace(/^epochs: .*$/m, 'epochs: 60'));
git('commit', '-qam', 'A first model');
const trainArgs = ['train', '--params', 'params.yaml', '--data', 'data/train.csv', '--outputs', 'model.json', '--metrics', 'metrics.json', '--cache-dir', '.tollgate-cache', '--json', '--', 'node', 'train.mjs'];
const v1 = tollgate(trainArgs);
expect(v1.cache === 'miss', 'the first training run is a cache miss', v1);
say(`trained (cache ${v1.cache}), validation roc_auc ${v1.metrics.roc_auc}`);
cpSync(join(repo, 'lineage.json'), join(reports, 'lineage-v1.json'));
node('predict.mjs', '--model', 'model.json', '--data', 'data/eval.csv', '--out', 'v1.predictions.csv');
cpSync(join(repo, 'model.json'), join(work, 'model-v1.json'));

step('Evaluate v1: there is no champion yet, so absolute thresholds decide');
const first = tollgate(['evaluate', '--predictions', 'v1.predictions.csv', '--config', '.github/tollgate.yml', '--model', 'churn', '--json', '--out', join(reports, 'evaluation-v1.json'), '--markdown', join(reports, 'evaluation-v1.md')]);
expect(first.decision === 'promote' && first.mode === 'absolute', 'v1 should pass the absolute thresholds', first.reasons);
say(`${first.decision}: ${first.reasons.join(' ')}`);

step('Register churn@v1.0.0 and promote it: staging, then production');
const registered = tollgate(['registry', 'register', 'churn', '--version', 'v1.0.0', '--metrics', 'metrics.json', '--json']);
expect(registered.event.tag === 'churn@v1.0.0', 'the registration tag', registered);
say(`tag ${registered.event.tag} on ${registered.event.commit.slice(0, 7)}`);
for (const stage of ['staging', 'production']) {
  const assigned = tollgate(['registry', 'assign', 'churn', stage, '--version', 'v1.0.0', '--json']);
  say(`tag ${assigned.event.tag}: ${stage} ← v1.0.0`);
}

step('Train v2 with better params (all features, 300 epochs): a cache miss, then a hit');
setParams((text) => text.replace(/^features: .*$/m, 'features: [age, tenure_months, plan, region, monthly_spend, support_tickets, last_login_days, autopay]').replace(/^epochs: .*$/m, 'epochs: 300'));
git('commit', '-qam', 'Use every feature and train longer');
const v2 = tollgate(trainArgs);
expect(v2.cache === 'miss' && v2.key !== v1.key, 'changed params must change the key and train again', v2);
say(`trained (cache ${v2.cache}), validation roc_auc ${v2.metrics.roc_auc}, key ${v2.key.slice(0, 12)}…`);
const again = tollgate(trainArgs);
expect(again.cache === 'hit' && again.key === v2.key, 'the same inputs must hit the cache', again);
say(`again with the same inputs: cache ${again.cache}, nothing trained (${again.duration_s} s)`);
cpSync(join(repo, 'lineage.json'), join(reports, 'lineage-v2.json'));
node('predict.mjs', '--model', 'model.json', '--data', 'data/eval.csv', '--out', 'v2.predictions.csv');

step('Evaluate v2 against the champion (v1.0.0, in production) on the same rows');
const versus = tollgate(['evaluate', '--predictions', 'v2.predictions.csv', '--champion', 'v1.predictions.csv', '--config', '.github/tollgate.yml', '--model', 'churn', '--json', '--out', join(reports, 'evaluation-v2.json'), '--markdown', join(reports, 'evaluation-v2.md')]);
const primary = versus.comparison.find((row) => row.role === 'primary');
expect(versus.decision === 'promote' && primary.ci[0] > 0, 'v2 should beat v1 with an interval above zero', versus.reasons);
say(`${versus.decision}: roc_auc ${primary.champion.toFixed(4)} → ${primary.challenger.toFixed(4)}, Δ +${primary.delta.toFixed(4)} (95% CI +${primary.ci[0].toFixed(4)} to +${primary.ci[1].toFixed(4)}, DeLong p = ${primary.p_value.toExponential(2)})`);

step('Register churn@v1.1.0 and promote it');
const second = tollgate(['registry', 'register', 'churn', '--bump', 'minor', '--metrics', 'metrics.json', '--json']);
expect(second.event.tag === 'churn@v1.1.0', 'the minor bump gives v1.1.0', second);
say(`tag ${second.event.tag}`);
for (const stage of ['staging', 'production']) {
  const assigned = tollgate(['registry', 'assign', 'churn', stage, '--version', 'v1.1.0', '--json']);
  say(`tag ${assigned.event.tag}: ${stage} ← v1.1.0`);
}

step('Drift: profile the training data once, then check today\'s customers against it');
tollgate(['drift', 'baseline', 'data/train.csv', '--out', join(reports, 'reference-profile.json'), '--json']);
const stable = tollgate(['drift', '--reference', join(reports, 'reference-profile.json'), '--current', 'data/current-stable.csv', '--json', '--out', join(reports, 'drift-stable.json'), '--markdown', join(reports, 'drift-stable.md')]);
expect(stable.level === 'none', 'unchanged data should not drift', stable.columns.filter((column) => column.level !== 'none'));
say(`unchanged data: level ${stable.level} (${stable.columns.length} columns checked)`);
const shifted = tollgate(['drift', '--reference', join(reports, 'reference-profile.json'), '--current', 'data/current-shifted.csv', '--json', '--out', join(reports, 'drift-shifted.json'), '--markdown', join(reports, 'drift-shifted.md')], 1);
const moved = shifted.columns.filter((column) => column.level === 'alert');
expect(shifted.level === 'alert' && moved.length > 0, 'shifted data should alert', shifted);
say(`shifted data: level ${shifted.level}; moved at alert level: ${moved.map((column) => column.name).join(', ')}`);

step('Roll production back to v1.0.0 (a new tag: history is never rewritten)');
const rollback = tollgate(['registry', 'rollback', 'churn', 'production', '--to', 'v1.0.0', '--json']);
expect(rollback.event.version === 'v1.0.0', 'the rollback re-assigns v1.0.0', rollback);
say(`tag ${rollback.event.tag}: production ← v1.0.0`);

step('The registry now');
const state = tollgate(['registry', 'show', '--json']);
writeFileSync(join(reports, 'registry.json'), `${JSON.stringify(state, null, 2)}\n`);
const churn = state.models.find((model) => model.name === 'churn');
expect(churn.stages.production === 'v1.0.0' && churn.stages.staging === 'v1.1.0' && churn.latest === 'v1.1.0', 'production v1.0.0, staging v1.1.0, latest v1.1.0', churn);
for (const line of tollgate(['registry', 'show']).trimEnd().split('\n')) say(line);
say('');
for (const tag of git('tag', '-l', '--sort=creatordate').split('\n')) say(`git tag ${tag}`);

console.log(`\n${paint('32', 'Every step turned out as expected.')} Reports (JSON and Markdown): ${reports}`);
