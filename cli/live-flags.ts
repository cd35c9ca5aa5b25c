// What monitor, shadow and canary share on the command line: their common
// flags, the configuration, the window, the --format flag and writing the
// report. Kept apart from the command modules so that no command loads another.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMonitorSections, loadMonitorSections, type MonitorSections } from '../shared/config/monitor.js';
import { CONFIG_PATH } from '../shared/config/path.js';
import { DATA_FORMATS } from '../shared/data/format.js';
import type { DataFormat } from '../shared/data/index.js';
import { InputError, UsageError } from '../shared/errors/index.js';
import type { LiveComparisonRequest, WindowRequest } from '../shared/monitor/index.js';
import { inputPath, writeJson, writeOutput, type CommandIo } from './command.js';

/** The flags of monitor, shadow and canary alike. */
export const liveOptions = {
  labels: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  model: { type: 'string' },
  stage: { type: 'string' },
  format: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
} as const;

/** The flags of shadow and canary: the shared ones and --evidence. */
export const comparisonOptions = {
  ...liveOptions,
  evidence: { type: 'string' },
} as const;

/** The configuration sections: --config, else .github/tollgate.yml in `directory` when it exists, else defaults. */
export async function readSections(io: CommandIo, config: string | undefined, directory = io.cwd): Promise<MonitorSections> {
  if (config !== undefined) return loadMonitorSections(inputPath(io, config));
  const implicit = join(directory, CONFIG_PATH);
  return existsSync(implicit) ? loadMonitorSections(implicit) : defaultMonitorSections();
}

/** The window flags of monitor, shadow and canary. */
export async function windowFlags(io: CommandIo, values: { since?: string; until?: string; 'after-report'?: string }): Promise<WindowRequest> {
  const window: WindowRequest = { since: values.since, until: values.until };
  const previous = values['after-report'];
  if (previous !== undefined) {
    const path = inputPath(io, previous);
    let last: unknown;
    try {
      last = (JSON.parse(await readFile(path, 'utf8')) as { window?: { last?: unknown } }).window?.last;
    } catch (error) {
      throw new InputError({ file: path }, `cannot read the previous report (${(error as Error).message})`, { cause: error });
    }
    if (typeof last === 'string') window.after = last;
    else if (last !== null) throw new InputError({ file: path }, 'not a monitor report: expected window.last (the last request it checked)');
  }
  return window;
}

/**
 * The values of required flags, in order; a usage error naming only the ones
 * not given (`missing --shadow FILE`, `missing --control VERSION and --canary VERSION`).
 */
export function requireFlags<const T extends ReadonlyArray<readonly [flag: string, value: string | undefined]>>(usage: string, flags: T): { [K in keyof T]: string } {
  const missing = flags.filter(([, value]) => value === undefined).map(([flag]) => flag);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    throw new UsageError(`missing ${list}\n\n${usage}`);
  }
  return flags.map(([, value]) => value) as { [K in keyof T]: string };
}

/** The `--format` flag: a data format, or undefined to go by the file name. */
export function formatFlag(text: string | undefined): DataFormat | undefined {
  if (text === undefined) return undefined;
  if (!(DATA_FORMATS as readonly string[]).includes(text)) throw new UsageError(`--format must be one of ${DATA_FORMATS.join(', ')}; got '${text}'`);
  return text as DataFormat;
}

/** The shared flags' values as shadow and canary parse them. */
interface ComparisonValues {
  labels?: string;
  since?: string;
  until?: string;
  model?: string;
  stage?: string;
  format?: string;
  config?: string;
}

/** Shadow's and canary's configuration and the request both comparisons take besides their logs. */
export async function comparisonFromFlags(io: CommandIo, values: ComparisonValues): Promise<{ sections: MonitorSections; request: LiveComparisonRequest }> {
  const sections = await readSections(io, values.config);
  const request: LiveComparisonRequest = {
    labels: values.labels === undefined ? undefined : inputPath(io, values.labels),
    format: formatFlag(values.format),
    window: await windowFlags(io, values),
    model: values.model,
    stage: values.stage,
  };
  return { sections, request };
}

/** Writes a JSON report to `path` (relative to the command's directory). */
function writeReport(io: CommandIo, path: string, value: unknown): Promise<void> {
  return writeOutput(io, path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The end of monitor, shadow and canary: the report to --out, its evidence
 * record to --evidence (shadow and canary), then the report on stdout as JSON
 * (--json) or as `text`.
 */
export async function writeLiveReport<R>(
  io: CommandIo,
  values: { out?: string; evidence?: string; json: boolean },
  report: R,
  text: (report: R) => string,
  evidence?: (report: R) => unknown,
): Promise<void> {
  if (values.out !== undefined) await writeReport(io, values.out, report);
  if (values.evidence !== undefined && evidence !== undefined) await writeReport(io, values.evidence, evidence(report));
  if (values.json) writeJson(io, report);
  else io.stdout.write(text(report));
}
