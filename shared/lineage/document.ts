import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { InputError, readJsonFile } from '../errors/index.js';
import type { CodeFingerprint } from './code.js';
import type { EnvironmentRecord } from './environment.js';
import type { DataFingerprint, FileFingerprint } from './fingerprint.js';

/** The `schema` field of every lineage document this version writes. */
export const LINEAGE_SCHEMA = 'tollgate.lineage/v1';

/** The Tollgate version recorded in lineage. */
export const TOLLGATE_VERSION: string = packageJson.version;

/** A metric: a number, or numbers nested in objects and arrays. */
export type MetricValue = number | MetricValue[] | { [name: string]: MetricValue };
/** The contents of a metrics file: an object of metrics. */
export type Metrics = { [name: string]: MetricValue };

/** How a run's outputs came to be. */
export interface CacheRecord {
  /** `miss`: trained now; `hit`: restored from an earlier run with the same key; `off`: no cache used. */
  status: 'miss' | 'hit' | 'off';
  /** For a hit: when the outputs were restored. Everything else in the document describes the run that trained them. */
  restored_at?: string;
  /** For a hit: the checkout the outputs were restored into. */
  restored_for?: { commit: string | null; dirty: boolean | null; run_url: string | null };
}

/**
 * `lineage.json`: what produced a model, enough to reproduce it or to tell
 * why two models differ. Paths are relative to `workdir`, forward slashes.
 */
export interface Lineage {
  schema: typeof LINEAGE_SCHEMA;
  tollgate_version: string;
  /** The content key (sha256 hex) of the run's inputs. */
  key: string;
  cache: CacheRecord;
  git: { commit: string | null; dirty: boolean | null };
  /** The working directory relative to the repository root (`.`), or `.` outside git. */
  workdir: string;
  command: string[];
  params: { file: string | null; values: Record<string, unknown> | null };
  /** Exported to the command as `TOLLGATE_SEED` and `PYTHONHASHSEED`. */
  seed: number;
  data: DataFingerprint[];
  code: CodeFingerprint;
  environment: EnvironmentRecord;
  /** ISO 8601, UTC. */
  started_at: string;
  ended_at: string;
  duration_s: number;
  exit_code: number;
  /** The workflow run's URL in GitHub Actions; null elsewhere. */
  run_url: string | null;
  /** Output files (directories expanded), with sha256 and size; empty when the command failed. */
  outputs: FileFingerprint[];
  metrics: { file: string | null; values: Metrics | null };
}

const fileSchema = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() });
const metricValueSchema: z.ZodType<MetricValue> = z.lazy(() => z.union([z.number(), z.array(metricValueSchema), z.record(z.string(), metricValueSchema)]));

const lineageSchema = z.object({
  schema: z.literal(LINEAGE_SCHEMA),
  tollgate_version: z.string(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  cache: z.object({
    status: z.enum(['miss', 'hit', 'off']),
    restored_at: z.string().optional(),
    restored_for: z.object({ commit: z.string().nullable(), dirty: z.boolean().nullable(), run_url: z.string().nullable() }).optional(),
  }),
  git: z.object({ commit: z.string().nullable(), dirty: z.boolean().nullable() }),
  workdir: z.string(),
  command: z.array(z.string()).min(1),
  params: z.object({ file: z.string().nullable(), values: z.record(z.string(), z.unknown()).nullable() }),
  seed: z.number().int(),
  data: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['file', 'directory']),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().nonnegative(),
      files: z.number().int().nonnegative().optional(),
      rows: z.number().int().nonnegative().nullable(),
    }),
  ),
  code: z.object({ source: z.enum(['git', 'filesystem']), paths: z.array(z.string()), files: z.number().int().nonnegative(), digest: z.string() }),
  environment: z.object({
    os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
    runtimes: z.object({ node: z.string(), python: z.string().nullable() }),
    lock_files: z.array(fileSchema),
  }),
  started_at: z.string(),
  ended_at: z.string(),
  duration_s: z.number().nonnegative(),
  exit_code: z.number().int(),
  run_url: z.string().nullable(),
  outputs: z.array(fileSchema),
  metrics: z.object({ file: z.string().nullable(), values: z.record(z.string(), metricValueSchema).nullable() }),
});

/** Checks that `value` is a lineage document of this schema version. */
export function parseLineage(value: unknown, file: string): Lineage {
  const result = lineageSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError({ file }, `not a ${LINEAGE_SCHEMA} document: ${at}${issue.message}`);
  }
  return result.data as Lineage;
}

/** Reads and checks a `lineage.json`. */
export async function readLineage(path: string, label: string = path): Promise<Lineage> {
  return parseLineage(await readJsonFile(path, label), label);
}

/** The text written for a lineage document: two-space JSON and a final newline. */
export function formatLineage(lineage: Lineage): string {
  return `${JSON.stringify(lineage, null, 2)}\n`;
}

/**
 * Writes `lineage.json` atomically (a temporary file beside it, then a rename),
 * so a reader never sees half a document.
 */
export async function writeLineage(path: string, lineage: Lineage): Promise<void> {
  await writeFileAtomic(path, formatLineage(lineage));
}

/** Writes a file through a temporary sibling and a rename. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
