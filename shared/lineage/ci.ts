/**
 * The URL of the GitHub Actions run (and attempt) this process runs in, from
 * the runner's environment; null outside Actions.
 */
export function actionsRunUrl(env: NodeJS.ProcessEnv): string | null {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!server || !repository || !runId) return null;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  const base = `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
  return attempt ? `${base}/attempts/${attempt}` : base;
}
