/**
 * The `incidents:` section of `.github/tollgate.yml`: when drift issues open,
 * close and reopen, and which workflows feed them.
 *
 * ```yaml
 * incidents:
 *   open_after: 2 of 3      # alert in 2 of the last 3 runs opens an issue
 *   close_after: 3          # 3 clean runs in a row close it
 *   reopen_within: 7d       # a recurrence sooner reopens it; later, a new issue links the old
 *   workflows: [drift.yml]  # optional: only these workflows' runs; a missing report is then an error
 *   artifact: drift-report  # artifacts named this (or this-<suffix>) hold drift-report.json
 *   baseline_path: .tollgate/baselines/{model}/{stage}.profile.json   # where /accept writes the new reference
 * ```
 */
import { z } from 'zod';
import { durationSchema } from '../config/schema-parts.js';
import { parseDuration } from '../config/duration.js';

/** Most runs a window may span (the issue keeps {@link MAX_RUNS}-many). */
const MAX_WINDOW = 10;

const OPEN_AFTER = /^\s*(\d{1,2})\s*(?:of|\/)\s*(\d{1,2})\s*$/i;

/** `2 of 3` (or a bare number n, meaning n of n). */
const openAfterSchema = z
  .union([z.number().int(), z.string()])
  .transform((value, context) => {
    let alerts: number;
    let window: number;
    if (typeof value === 'number') {
      alerts = window = value;
    } else {
      const match = OPEN_AFTER.exec(value);
      if (!match) {
        context.addIssue({ code: 'custom', message: "expected 'N of M', e.g. '2 of 3'" });
        return z.NEVER;
      }
      alerts = Number(match[1]);
      window = Number(match[2]);
    }
    if (alerts < 1 || window < alerts || window > MAX_WINDOW) {
      context.addIssue({ code: 'custom', message: `expected 1 <= N <= M <= ${MAX_WINDOW} in 'N of M'` });
      return z.NEVER;
    }
    return { alerts, window };
  })
  .describe("Open when the alert holds in N of the last M runs ('2 of 3').");

const ARTIFACT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const WORKFLOW_FILE = /^[A-Za-z0-9._/-]+\.ya?ml$/;

/** The `incidents:` section. */
export const incidentsConfigSchema = z
  .strictObject({
    open_after: openAfterSchema.default({ alerts: 2, window: 3 }),
    close_after: z.number().int().min(1).max(MAX_WINDOW).default(3).describe('Close after this many clean runs in a row.'),
    reopen_within: durationSchema.default('7d').describe('A recurrence within this time of closing reopens the issue; later, a new issue links the old one.'),
    workflows: z
      .array(z.string().regex(WORKFLOW_FILE, 'expected a workflow file name such as drift.yml'))
      .default([])
      .describe('Workflows whose runs carry drift reports (file names). Empty: any workflow run with a drift-report artifact.'),
    artifact: z.string().regex(ARTIFACT_NAME, 'expected an artifact name').default('drift-report').describe('Artifacts with this name, or this name followed by -suffix, hold drift-report.json.'),
    baseline_path: z
      .string()
      .regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/{}-]+$/, 'expected a relative path inside the repository')
      .default('.tollgate/baselines/{model}/{stage}.profile.json')
      .describe('Where /accept stores the current profile as the new reference ({model} and {stage} are filled in).'),
  })
  .describe('Drift issues: when they open, close and reopen.');

/** The validated section (defaults applied). */
export type IncidentsConfig = z.output<typeof incidentsConfigSchema>;

/** The decision's view of the configuration. */
export interface IncidentPolicy {
  openAfter: { alerts: number; window: number };
  closeAfter: number;
  reopenWithinMs: number;
}

/** The defaults, as if the section were empty. */
export function defaultIncidentsConfig(): IncidentsConfig {
  return incidentsConfigSchema.parse({});
}

/** The policy `decideIncident` takes. */
export function incidentPolicy(config: IncidentsConfig): IncidentPolicy {
  return { openAfter: config.open_after, closeAfter: config.close_after, reopenWithinMs: parseDuration(config.reopen_within) ?? 7 * 86_400_000 };
}

/** The file `/accept` writes for a model and stage. */
export function baselinePath(config: IncidentsConfig, model: string, stage: string): string {
  return config.baseline_path.replaceAll('{model}', model.replace(/:/g, '/')).replaceAll('{stage}', stage);
}

/** True when an artifact name is the drift report's (`drift-report` or `drift-report-<suffix>`). */
export function isDriftArtifact(config: IncidentsConfig, name: string): boolean {
  return name === config.artifact || (name.startsWith(`${config.artifact}-`) && name.length > config.artifact.length + 1);
}
