/**
 * The bot's own knobs (not the repository's policy, which lives in
 * `.github/tollgate.yml`). Defaults suit a production deployment; tests pin
 * the clock and the App's identity.
 */

/** How the App behaves. */
export interface BotSettings {
  /** The App's bot login (`tollgate[bot]`); looked up once with `GET /app` when omitted. */
  appLogin?: string;
  /** Apps whose check runs may satisfy a stage's `require_checks`, besides Tollgate itself. */
  trustedCheckApps: string[];
  /** How `auto_merge: true` merges a promotion pull request. */
  mergeMethod: 'merge' | 'squash' | 'rebase';
  /**
   * A stage tag whose deployment is missing gets one only once the tag is
   * this old: a younger tag's writer is still expected to create it.
   */
  deploymentRepairAfterMs: number;
  /** The clock (tests pin it to the fake API's clock). */
  now: () => Date;
}

/** The defaults, overridden field by field. */
export function botSettings(overrides: Partial<BotSettings> = {}): BotSettings {
  return {
    trustedCheckApps: ['github-actions'],
    mergeMethod: 'squash',
    deploymentRepairAfterMs: 60_000,
    now: () => new Date(),
    ...overrides,
  };
}
