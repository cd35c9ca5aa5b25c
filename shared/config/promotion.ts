/**
 * Who may promote a model to each stage: the `promotion` section of a model in
 * `.github/tollgate.yml` (composed by the main config schema under
 * `models.<name>.promotion`). Always read from the default branch, never from
 * the pull request being decided.
 *
 * ```yaml
 * promotion:
 *   production:
 *     approvers: [alice, acme/ml-leads]
 *     required: 2
 *     soak: 24h
 *     require_checks: [tollgate/evaluation]
 * ```
 */
import { z } from 'zod';
import { durationSchema } from './schema-parts.js';
// The registry's leaf module, not its index: the index loads config/models, which composes this file.
import { isValidName } from '../registry/names.js';
import { evidenceSchema } from './monitor.js';

/** The check the promotion itself reports; requiring it would wait forever. */
export const PROMOTION_CHECK_NAME = 'tollgate/promotion';

const LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A GitHub login (`alice`) or a team (`acme/ml-leads`); a leading `@` is allowed. */
export const approverSchema = z
  .string({ error: 'expected a GitHub login (alice) or a team (acme/ml-leads)' })
  .refine((text) => LOGIN.test(text) || TEAM.test(text), 'expected a GitHub login (alice) or a team (acme/ml-leads)');

/** The promotion policy of one stage. */
export const stagePolicySchema = z
  .object({
    /** Users and `org/team` slugs whose approval counts. */
    approvers: z.array(approverSchema).min(1, 'list at least one approver (a login or an org/team)').describe('Users and org/team slugs whose approval counts (they also need write permission).'),
    /** Distinct approvals needed. */
    required: z.number({ error: 'expected a whole number of approvals' }).int('expected a whole number of approvals').min(1, 'at least 1 approval').default(1).describe('Distinct approvals needed.'),
    /** Minimum time the version held the previous stage (or, for the first stage, was registered). */
    soak: durationSchema.optional().describe('Minimum time the version held the previous stage (the first stage: since registration), e.g. 24h.'),
    /** Check runs on the head commit that must have succeeded. */
    require_checks: z
      .array(z.string().min(1, 'a check name cannot be empty'))
      .refine((names) => !names.includes(PROMOTION_CHECK_NAME), `${PROMOTION_CHECK_NAME} is the promotion's own check and cannot be required by it`)
      .default(['tollgate/evaluation'])
      .describe('Check runs on the head commit that must have succeeded.'),
    /** Merge the promotion PR as soon as the policy is met. */
    auto_merge: z.boolean().default(false).describe('Merge the promotion pull request as soon as the policy is met.'),
    /** Admins may `/approve --force` (recorded as a bypass). */
    allow_force: z.boolean().default(true).describe('Admins may /approve --force (recorded as a bypass).'),
    /** Live evidence the candidate must show first: shadow and/or canary reports within bounds. */
    evidence: evidenceSchema.optional(),
  })
  .strict()
  .superRefine((policy, context) => {
    const people = new Set(policy.approvers.map((entry) => entry.replace(/^@/, '').toLowerCase()));
    const hasTeam = [...people].some((entry) => entry.includes('/'));
    if (!hasTeam && people.size > 0 && policy.required > people.size) {
      context.addIssue({
        code: 'custom',
        path: ['required'],
        input: policy.required,
        message: `requires ${policy.required} approvals but only ${people.size} approver${people.size === 1 ? ' is' : 's are'} listed`,
      });
    }
  });

export type StagePolicy = z.output<typeof stagePolicySchema>;
export type StagePolicyInput = z.input<typeof stagePolicySchema>;

/** Stage name -> its policy. Stage names follow the registry's (GTO's) name grammar. */
export const promotionSchema = z.record(z.string(), stagePolicySchema).superRefine((stages, context) => {
  for (const stage of Object.keys(stages)) {
    if (!isValidName(stage)) {
      context.addIssue({ code: 'custom', path: [stage], input: stage, message: "stage names use letters, digits, '-', '_' and '/', starting and ending with a letter or digit" });
    }
  }
});

export type PromotionPolicy = z.output<typeof promotionSchema>;
