export {
  COMMAND_WORDS,
  COMMAND_USAGE,
  MAX_REASON_LENGTH,
  MAX_SNOOZE_MS,
  parseCommands,
  parseCommandLine,
  scanComment,
  helpText,
  type Command,
  type CommandKind,
  type CommandWord,
  type CommentScan,
  type QuotedCommand,
} from './commands.js';
export { classifyLines, type CommentLine, type LineContext } from './comment-lines.js';
export { parseDuration, formatDuration, DURATION_PATTERN, DURATION_HINT } from '../config/duration.js';
export {
  collectIntents,
  requiredLookups,
  loginKey,
  isBotActor,
  sha256Hex,
  type Actor,
  type TimelineComment,
  type TimelineReview,
  type TimelinePush,
  type PromotionMarker,
  type PromotionPullRequest,
  type PromotionCandidate,
  type PromotionInput,
  type PromotionOptions,
  type Intent,
  type IntentKind,
  type QuotedIntent,
  type RequiredLookups,
} from './timeline.js';
export {
  computePromotionState,
  PROMOTION_STATES,
  type PromotionState,
  type PromotionStateName,
  type CountedApproval,
  type Refusal,
  type Hold,
  type Rejection,
  type Bypass,
  type BypassedRule,
  type CheckStatus,
  type SoakStatus,
  type Blocker,
  type BlockerCode,
} from './state.js';
export { REFUSAL_CODES, describeRefusal, type RefusalCode, type RefusalContext } from './refusals.js';
export { buildRoster, type Roster, type PermissionCheck, type ApproverCheck } from './eligibility.js';
export {
  AUDIT_SCHEMA,
  auditRecordSchema,
  buildAuditRecord,
  auditJson,
  auditDigest,
  parseAuditRecord,
  parseAuditJson,
  type AuditRecord,
  type AuditExtras,
} from './audit.js';
export { promotionMarkerSchema, markerToJson, markerFromJson } from './marker.js';
export { normalizeModelName, isStageName, isModelVersion } from './names.js';
