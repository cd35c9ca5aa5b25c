/**
 * Drift incidents: one GitHub issue per model + stage + check that opens,
 * updates, closes and reopens itself from drift runs, with its run history
 * kept in the issue body. Pure: no network; the bot carries the actions out.
 */
export {
  DEFAULT_CHECK,
  DRIFT_LABEL,
  QUIET_LABEL,
  SEVERITY_LABELS,
  checkNameOf,
  incidentKey,
  incidentKeyOf,
  incidentLabels,
  incidentMarker,
  modelLabel,
  modelRef,
  parseIncidentKey,
  type IncidentKeyParts,
} from './key.js';
export {
  MAX_REMEMBERED_FEATURES,
  MAX_RUNS,
  compareRuns,
  emptyState,
  mergeRuns,
  readIncidentState,
  stateBlock,
  writeIncidentState,
  type CommentedRun,
  type IncidentState,
  type RunLevel,
  type RetrainRecord,
  type RunRecord,
  type StateRead,
} from './state.js';
export {
  baselinePath,
  defaultIncidentsConfig,
  incidentPolicy,
  incidentsConfigSchema,
  isDriftArtifact,
  type IncidentPolicy,
  type IncidentsConfig,
} from './config.js';
export { compareSummaries, movedSummary, runRecordOf, summaryDigest, type MovedSummary, type SummaryChange } from './run-record.js';
export {
  alertsInWindow,
  cleanStreak,
  decideIncident,
  mutedBecause,
  needsPriorRuns,
  type BodyPart,
  type IncidentAction,
  type IncidentActionKind,
  type IncidentDecision,
  type IncidentInput,
  type IncidentIssue,
} from './decide.js';
export {
  INCIDENT_COMMANDS,
  canWrite,
  decideIncidentCommand,
  isIncidentCommand,
  needsRole,
  type IncidentCommandAction,
  type IncidentCommandInput,
  type IncidentRefusal,
} from './commands.js';
export { driftReportSchema, monitorReportSchema, parseDriftReport, parseIncidentReport, type DriftReportProblem, type IncidentReport, type IncidentSignal } from './report-schema.js';
