export { sha256File, sha256Text, canonicalJson, type FileDigest } from './hash.js';
export { portablePath, isWithin } from './paths.js';
export { fingerprintData, fingerprintFile, type DataFingerprint, type FileFingerprint, type FingerprintWarning } from './fingerprint.js';
export { countTableRows, isTableFile } from './row-count.js';
export { readGitState, gitTopLevel, listGitFiles, listTrackedPaths, type GitState, type GitCodeFile } from './git.js';
export { fingerprintCode, type CodeFingerprint, type CodeFingerprintOptions } from './code.js';
export { captureEnvironment, findLockFiles, isLockFileName, pythonVersion, type EnvironmentRecord } from './environment.js';
export { contentKey, contentKeyMaterial, CONTENT_KEY_VERSION, type ContentKeyInputs } from './content-key.js';
export {
  LINEAGE_SCHEMA,
  TOLLGATE_VERSION,
  parseLineage,
  readLineage,
  writeLineage,
  formatLineage,
  writeFileAtomic,
  type Lineage,
  type CacheRecord,
  type Metrics,
  type MetricValue,
} from './document.js';
export { actionsRunUrl } from './ci.js';
export { listFiles, type WalkedFile, type WalkOptions } from './walk.js';
