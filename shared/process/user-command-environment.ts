/**
 * The environment an action gives a command of the user's (a training or
 * predict command): what a `run:` step of the same job would see. A
 * JavaScript action's own process also holds its inputs (`INPUT_*`, among
 * them `INPUT_GITHUB-TOKEN`) and the runner's service credentials, which
 * `run:` steps never get; user code must not get them either.
 */

/** The runner's credentials for its own services (artifacts, cache, OIDC), given to JavaScript actions only. */
const RUNNER_SERVICE_VARIABLES = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
]);

/** `base` without the action's inputs and the runner's service credentials. */
export function userCommandEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (!name.startsWith('INPUT_') && !RUNNER_SERVICE_VARIABLES.has(name)) env[name] = value;
  }
  return env;
}
