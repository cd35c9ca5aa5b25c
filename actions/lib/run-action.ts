import * as core from '@actions/core';
import { isUserFacing } from '../../shared/errors/index.js';

/**
 * Runs an action's main function. A user's mistake fails the step with its
 * message alone; anything else is a bug and is reported with its stack.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (isUserFacing(error)) {
      core.setFailed(error.message);
    } else {
      core.setFailed(`internal error in Tollgate (please report it): ${(error as Error)?.stack ?? String(error)}`);
    }
  }
}
