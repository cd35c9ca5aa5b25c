/**
 * Workflow-run artifacts through the REST API: find a run's artifact by name,
 * download its zip (GitHub answers with a redirect to storage, which fetch
 * follows), and read a JSON file out of it, every step bounded:
 *
 * - the artifact's listed size is checked before downloading, the download
 *   stops as soon as it passes the compressed bound, and the zip's directory
 *   is checked against the uncompressed bound before anything is inflated;
 * - missing, expired, oversized, not-a-zip, not-JSON and wrong-schema
 *   archives are `ArtifactError`s whose `reason` says which, with a message
 *   a person can act on.
 */
import type { DriftReport } from '../drift/index.js';
import { TollgateError } from '../errors/index.js';
import { parseDriftReport } from '../incidents/report-schema.js';
import type { GitHubClient } from './client.js';
import { toGitHubApiError } from './failure.js';
import { readZip, type ZipEntry } from './zip.js';

/** The file the drift action writes. */
export const DRIFT_REPORT_FILE = 'drift-report.json';

/** Bounds on what is downloaded and inflated. */
export interface ArtifactLimits {
  /** The zip as downloaded (default 5 MiB). */
  compressedBytes: number;
  /** The files read out of it, together (default 20 MiB). */
  uncompressedBytes: number;
}

export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = { compressedBytes: 5 * 1024 * 1024, uncompressedBytes: 20 * 1024 * 1024 };

/** Which way reading an artifact failed. */
export type ArtifactProblem = 'missing' | 'expired' | 'oversized' | 'not-zip' | 'file-missing' | 'not-json' | 'schema';

/** An artifact could not be read; `reason` says why, the message says what to do. */
export class ArtifactError extends TollgateError {
  override readonly code = 'E_ARTIFACT';
  override readonly exitCode = 1;
  constructor(
    readonly reason: ArtifactProblem,
    message: string,
  ) {
    super(message);
  }
}

/** An artifact as listed. */
export interface ArtifactRef {
  id: number;
  name: string;
  /** Size of the zip, as GitHub lists it. */
  sizeInBytes: number;
  expired: boolean;
}

/** Where a workflow run is. */
export interface RunTarget {
  owner: string;
  repo: string;
  runId: number;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Every artifact of a workflow run (at most `max`, default 500: GitHub's per-job limit). */
export async function listRunArtifacts(client: GitHubClient, target: RunTarget, max = 500): Promise<ArtifactRef[]> {
  const found: ArtifactRef[] = [];
  try {
    const pages = client.paginate.iterator(client.rest.actions.listWorkflowRunArtifacts, { owner: target.owner, repo: target.repo, run_id: target.runId, per_page: 100 });
    for await (const page of pages) {
      for (const artifact of page.data) found.push({ id: artifact.id, name: artifact.name, sizeInBytes: artifact.size_in_bytes, expired: artifact.expired });
      if (found.length >= max) break;
    }
  } catch (error) {
    toGitHubApiError(error, `listing the artifacts of workflow run ${target.runId} in ${target.owner}/${target.repo}`, 'actions: read');
  }
  return found.slice(0, max);
}

/** The run's artifact named `name`; an `ArtifactError` (`missing` or `expired`) when it cannot be had. */
export async function findRunArtifact(client: GitHubClient, target: RunTarget, name: string): Promise<ArtifactRef> {
  const artifacts = await listRunArtifacts(client, target);
  const artifact = artifacts.find((candidate) => candidate.name === name);
  if (!artifact) {
    const others = artifacts.map((candidate) => candidate.name);
    throw new ArtifactError('missing', `workflow run ${target.runId} has no artifact named '${name}'${others.length > 0 ? ` (it has: ${others.slice(0, 10).join(', ')})` : ' (it uploaded none)'}; upload ${DRIFT_REPORT_FILE} with actions/upload-artifact under that name`);
  }
  if (artifact.expired) throw expired(artifact, target);
  return artifact;
}

function expired(artifact: ArtifactRef, target: RunTarget): ArtifactError {
  return new ArtifactError('expired', `artifact '${artifact.name}' of workflow run ${target.runId} has expired or was deleted (artifacts are kept for the repository's retention period, 90 days by default)`);
}

function oversized(artifact: ArtifactRef, bytes: number, limits: ArtifactLimits, atLeast = false): ArtifactError {
  return new ArtifactError('oversized', `artifact '${artifact.name}' is ${atLeast ? 'over ' : ''}${megabytes(bytes)} compressed; the limit is ${megabytes(limits.compressedBytes)} (a drift report is far smaller: upload only ${DRIFT_REPORT_FILE} and the current profile)`);
}

/** Reads a response body stream, stopping with an error once it passes `limit` bytes. */
async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number, onOver: (bytes: number) => Error): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw onOver(total);
      chunks.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Downloads an artifact's zip, refusing (before or during the download) anything over the compressed bound. */
export async function downloadArtifactZip(client: GitHubClient, target: RunTarget, artifact: ArtifactRef, limits: ArtifactLimits = DEFAULT_ARTIFACT_LIMITS): Promise<Uint8Array> {
  if (artifact.expired) throw expired(artifact, target);
  if (artifact.sizeInBytes > limits.compressedBytes) throw oversized(artifact, artifact.sizeInBytes, limits);
  let response: { data: unknown; headers: Record<string, string | number | undefined> };
  try {
    response = await client.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      owner: target.owner,
      repo: target.repo,
      artifact_id: artifact.id,
      archive_format: 'zip',
      // The body as a stream, so it can be cut off at the bound.
      request: { parseSuccessResponseBody: false },
    });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404 || status === 410) throw expired(artifact, target);
    toGitHubApiError(error, `downloading artifact '${artifact.name}' of workflow run ${target.runId}`, 'actions: read');
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.compressedBytes) {
    await (response.data as ReadableStream | null)?.cancel().catch(() => undefined);
    throw oversized(artifact, declared, limits);
  }
  return readBounded(response.data as ReadableStream<Uint8Array> | null, limits.compressedBytes, (bytes) => oversized(artifact, bytes, limits, true));
}

/** The entry for `file`: at the archive's root, else the first one with that base name. */
function entryFor(entries: readonly ZipEntry[], file: string): ZipEntry | undefined {
  return entries.find((entry) => entry.name === file) ?? [...entries].sort((a, b) => a.name.length - b.name.length).find((entry) => entry.name.split('/').at(-1) === file);
}

/**
 * Reads JSON files out of a downloaded artifact. `required` files must be
 * there; `optional` ones are returned when present. Values are parsed, not
 * validated.
 */
export function readArtifactJson(zip: Uint8Array, artifact: ArtifactRef, files: { required: readonly string[]; optional?: readonly string[] }, limits: ArtifactLimits = DEFAULT_ARTIFACT_LIMITS): Map<string, unknown> {
  const names = [...files.required, ...(files.optional ?? [])];
  const read = readZip(zip, (entries) => names.map((name) => entryFor(entries, name)?.name).filter((name): name is string => name !== undefined), limits.uncompressedBytes);
  if (!read.ok) {
    if (read.problem.kind === 'not-zip') throw new ArtifactError('not-zip', `artifact '${artifact.name}' is not a readable zip archive (${read.problem.detail})`);
    throw new ArtifactError('oversized', `${read.problem.entry.name} in artifact '${artifact.name}' inflates to ${megabytes(read.problem.entry.size)}; the limit is ${megabytes(read.problem.limit)} uncompressed`);
  }
  const values = new Map<string, unknown>();
  for (const name of names) {
    const entry = entryFor(read.entries, name);
    const bytes = entry ? read.files.get(entry.name) : undefined;
    if (!entry || !bytes) {
      if (!files.required.includes(name)) continue;
      const listed = read.entries.map((candidate) => candidate.name);
      throw new ArtifactError('file-missing', `artifact '${artifact.name}' has no ${name}${listed.length > 0 ? ` (it holds: ${listed.slice(0, 10).join(', ')})` : ' (it is empty)'}`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new ArtifactError('not-json', `${entry.name} in artifact '${artifact.name}' is not UTF-8 text, so not JSON`);
    }
    try {
      values.set(name, JSON.parse(text));
    } catch (error) {
      throw new ArtifactError('not-json', `${entry.name} in artifact '${artifact.name}' is not JSON: ${(error as Error).message.slice(0, 200)}`);
    }
  }
  return values;
}

/** A drift report read from an artifact, with the artifact's other JSON files asked for. */
export interface ArtifactReport {
  artifact: ArtifactRef;
  report: DriftReport;
  /** Optional files found beside the report (e.g. `current-profile.json`), parsed but not validated. */
  extras: Map<string, unknown>;
}

/**
 * Downloads an artifact and reads its `drift-report.json`, strictly validated
 * as `tollgate.drift/v1` (plus any `extras` present beside it).
 */
export async function readDriftReportArtifact(
  client: GitHubClient,
  target: RunTarget,
  artifact: ArtifactRef,
  options: { limits?: ArtifactLimits; extras?: readonly string[] } = {},
): Promise<ArtifactReport> {
  const limits = options.limits ?? DEFAULT_ARTIFACT_LIMITS;
  const zip = await downloadArtifactZip(client, target, artifact, limits);
  const values = readArtifactJson(zip, artifact, { required: [DRIFT_REPORT_FILE], optional: options.extras ?? [] }, limits);
  const parsed = parseDriftReport(values.get(DRIFT_REPORT_FILE));
  if (!parsed.ok) throw new ArtifactError('schema', `${DRIFT_REPORT_FILE} in artifact '${artifact.name}' is not a drift report: ${parsed.problem.message}`);
  values.delete(DRIFT_REPORT_FILE);
  return { artifact, report: parsed.report, extras: values };
}
