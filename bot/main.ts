/**
 * `npm run bot`: starts the Tollgate App from the environment (see `env.ts`).
 * Exits with status 2 and a clear message when the environment is incomplete.
 */
import { isUserFacing } from '../shared/errors/index.js';
import { readBotEnvironment } from './env.js';
import { startBotServer } from './server.js';

/** Reads the environment, starts the server, and stops it on SIGINT/SIGTERM. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let settings;
  try {
    settings = readBotEnvironment(env);
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    process.stderr.write(`tollgate bot: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startBotServer(settings);
  process.stdout.write(`tollgate bot: listening on ${server.webhookUrl}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
