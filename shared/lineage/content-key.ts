import type { CodeFingerprint } from './code.js';
import type { DataFingerprint, FileFingerprint } from './fingerprint.js';
import { canonicalJson, sha256Text } from './hash.js';

/**
 * Bumped when the key's recipe changes, so entries made by an older recipe are
 * never mistaken for the new one.
 */
export const CONTENT_KEY_VERSION = 2;

/**
 * Everything that decides what a training run produces. Two runs with equal
 * inputs are expected to produce the same outputs, so the second may reuse the
 * first one's; any difference must give a different key. Paths are portable
 * (relative, forward slashes) so the key is the same in every checkout.
 */
export interface ContentKeyInputs {
  /**
   * The command's argument vector. A different script, flag or interpreter is
   * a different computation.
   */
  command: readonly string[];
  /**
   * The working directory relative to the repository root (`.` at the root):
   * the same argv run from another directory reads other files.
   */
  workdir: string;
  /**
   * The params as typed values (null without a params file), see
   * `paramsKeyForm` in shared/train/params-key.ts: each scalar with the type a
   * YAML or JSON reader gives it, so `10` (int) and `10.0` (float), or `yes`
   * (a boolean to PyYAML) and `"yes"`, differ. Values, not bytes: comments,
   * key order and spacing in `params.yaml` do not change what trains, so they
   * must not force a retrain; the params file itself is left out of the code
   * listing for the same reason.
   */
  params: unknown;
  /**
   * The seed exported as `TOLLGATE_SEED`/`PYTHONHASHSEED`: with everything else
   * equal, another seed gives another model.
   */
  seed: number;
  /**
   * Each dataset's path and sha256. Content, not timestamps: re-downloading the
   * same bytes is not a change, a one-byte edit is. The path is kept because
   * the command finds its data by path.
   */
  data: readonly Pick<DataFingerprint, 'path' | 'sha256'>[];
  /**
   * The digest of the code listing (git object ids of tracked files under the
   * declared code paths, work-tree ids for modified ones): the training code,
   * its helpers and its configuration.
   */
  code: Pick<CodeFingerprint, 'source' | 'digest'>;
  /**
   * Lock files' sha256: pinned dependency versions change results (a new
   * scikit-learn changes a solver's defaults). Runtime versions are not in the
   * key; they change with every runner image, and a key that missed each time
   * would cache nothing. Lineage records them.
   */
  lockFiles: readonly Pick<FileFingerprint, 'path' | 'sha256'>[];
  /**
   * The declared output paths (outputs, metrics, lineage). A cache entry holds
   * exactly these files: declaring another output needs an entry that has it.
   */
  outputs: readonly string[];
  /**
   * The metrics file (null without one). A metrics file inside an output
   * directory is not among `outputs`, but declaring it is what makes a run
   * validate and report metrics: an entry stored without it has none to give.
   */
  metrics: string | null;
}

const byPath = <T extends { path: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** The canonical JSON the key hashes; shown by tests and debugging tools. */
export function contentKeyMaterial(inputs: ContentKeyInputs): string {
  return canonicalJson({
    version: CONTENT_KEY_VERSION,
    command: [...inputs.command],
    workdir: inputs.workdir,
    params: inputs.params,
    seed: inputs.seed,
    // Order of --data flags does not change the computation: the command names its own files.
    data: byPath(inputs.data).map((item) => ({ path: item.path, sha256: item.sha256 })),
    code: { source: inputs.code.source, digest: inputs.code.digest },
    lock_files: byPath(inputs.lockFiles).map((item) => ({ path: item.path, sha256: item.sha256 })),
    outputs: [...new Set(inputs.outputs)].sort(),
    metrics: inputs.metrics,
  });
}

/** The content key: sha256 (64 hex digits) of `contentKeyMaterial`. */
export function contentKey(inputs: ContentKeyInputs): string {
  return sha256Text(contentKeyMaterial(inputs));
}
