import { describe, expect, it } from 'vitest';
import { userCommandEnvironment } from '../../shared/process/index.js';
import { commandEnvironment } from '../../shared/train/runner.js';

describe('userCommandEnvironment', () => {
  const actionEnv = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_TOKEN: 'set-by-the-workflow',
    'INPUT_GITHUB-TOKEN': 'ghs_action_input',
    INPUT_MODEL: 'churn',
    ACTIONS_RUNTIME_TOKEN: 'runtime',
    ACTIONS_RUNTIME_URL: 'https://runtime',
    ACTIONS_RESULTS_URL: 'https://results',
    ACTIONS_CACHE_URL: 'https://cache',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
    ACTIONS_STEP_DEBUG: 'true',
  };

  it("keeps what a run: step sees, drops the action's inputs and the runner's service credentials", () => {
    // A token the workflow put in env: on purpose stays; the action's own input token does not.
    expect(userCommandEnvironment(actionEnv)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_REPOSITORY: 'acme/churn',
      GITHUB_TOKEN: 'set-by-the-workflow',
      ACTIONS_STEP_DEBUG: 'true',
    });
  });

  it("is what the training command gets, plus the seed", () => {
    const env = commandEnvironment(actionEnv, { seed: 7, params: undefined, paramsPath: undefined });
    expect(Object.keys(env).filter((name) => name.startsWith('INPUT_') || name.includes('TOKEN_REQUEST') || name === 'ACTIONS_RUNTIME_TOKEN')).toEqual([]);
    expect(env).toMatchObject({ PATH: '/usr/bin', TOLLGATE_SEED: '7', PYTHONHASHSEED: '7' });
  });
});
