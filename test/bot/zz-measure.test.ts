import { it } from 'vitest';
import { PROMOTION_COMMANDS } from '../../bot/commands/index.js';
import { driftRunHandler } from '../../bot/handlers/drift-run.js';
import { INCIDENT_COMMAND_HANDLERS } from '../../bot/handlers/incident-commands.js';
import { PROMOTION_HANDLERS } from '../../bot/handlers/index.js';
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import { reportWith } from '../incidents/fixtures.js';
import { FakeGitHub } from '../support/fake-github.js';
import { addDriftRun, workflowRunPayload } from './support/drift.js';
import { startHarness } from './support/harness.js';
it('measure', async () => {
  const fake = await FakeGitHub.start();
  const h = await startHarness(fake, { config: 'models:\n  churn:\n    stages: [production]\n    owners: [alice]\n', app: { handlers: [...PROMOTION_HANDLERS, driftRunHandler], commands: [...PROMOTION_COMMANDS, ...INCIDENT_COMMAND_HANDLERS] } });
  await h.register('v1.4.0');
  await new Registry({ backend: new GitHubBackend({ client: h.client, owner: h.repo.owner, repo: h.repo.name }) }).assign({ model: 'churn', stage: 'production', version: 'v1.4.0', force: true });
  const steps: Array<[string, number, number]> = [['first alert', 3, 0], ['second alert (opens)', 3, 0], ['changed alert (comment)', 5, 0], ['unchanged alert', 5, 0], ['clean 1', 0, 0], ['clean 2', 0, 0], ['clean 3 (close)', 0, 0], ['clean while closed', 0, 0], ['unrelated workflow', -1, 0]];
  for (const [name, alerts] of steps) {
    fake.advance(86_400_000);
    const run = alerts < 0 ? addDriftRun(h.repo, null, { path: '.github/workflows/ci.yml' }) : addDriftRun(h.repo, { report: reportWith(alerts) });
    fake.clearRequests();
    const started = performance.now();
    await h.deliver('workflow_run', workflowRunPayload(fake, h.repo, run));
    const ms = performance.now() - started;
    console.log(`${name.padEnd(28)} ${String(fake.requests.length).padStart(3)} requests  ${ms.toFixed(1)} ms   ${fake.requests.map((r) => r.method + ' ' + r.path.replace(h.repo.fullName, 'R').replace(/\d{4,}/g, 'N')).join(' | ')}`);
  }
  await fake.close();
});
