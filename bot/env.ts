/**
 * The bot's environment: `APP_ID`, `PRIVATE_KEY` (or `PRIVATE_KEY_PATH`),
 * `WEBHOOK_SECRET`, and optional `PORT`, `HOST`, `WEBHOOK_PATH`, `GHE_HOST`,
 * `LOG_LEVEL`. Refuses to start without a real webhook secret: Probot's
 * default (`development`) would accept deliveries signed by anyone who reads
 * its documentation.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../shared/errors/index.js';

/** Everything the server needs to start. */
export interface BotEnvironment {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  webhookPath: string;
  /** GitHub Enterprise Server's API URL; undefined for github.com. */
  baseUrl: string | undefined;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

function privateKeyOf(env: NodeJS.ProcessEnv): string {
  const inline = env.PRIVATE_KEY?.trim();
  if (inline) {
    // Multi-line keys are often passed with literal \n, or base64-encoded.
    const text = inline.includes('-----BEGIN') ? inline.replace(/\\n/g, '\n') : Buffer.from(inline, 'base64').toString('utf8');
    if (!text.includes('-----BEGIN')) throw new UsageError('PRIVATE_KEY is neither a PEM key nor a base64-encoded one (download it from the App settings)');
    return text;
  }
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`PRIVATE_KEY_PATH: cannot read ${path}: ${(error as Error).message}`);
    }
  }
  throw new UsageError('set PRIVATE_KEY (the App\'s private key, PEM or base64) or PRIVATE_KEY_PATH (a .pem file)');
}

/** Reads and checks the environment; a `UsageError` says what is missing. */
export function readBotEnvironment(env: NodeJS.ProcessEnv = process.env): BotEnvironment {
  const secret = env.WEBHOOK_SECRET ?? '';
  if (secret.trim() === '') {
    throw new UsageError('WEBHOOK_SECRET is not set: refusing to start. Set it to the webhook secret of the GitHub App (Probot\'s default, "development", is not accepted)');
  }
  if (secret === 'development') throw new UsageError('WEBHOOK_SECRET is "development", Probot\'s public default: refusing to start. Use the App\'s real webhook secret');
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isSafeInteger(appId) || appId <= 0) throw new UsageError(`APP_ID must be the App's numeric id; got ${JSON.stringify(env.APP_ID ?? '')}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT must be a port number; got ${JSON.stringify(env.PORT)}`);
  const level = (env.LOG_LEVEL ?? 'info') as BotEnvironment['logLevel'];
  if (!LOG_LEVELS.includes(level)) throw new UsageError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}`);
  return {
    appId,
    privateKey: privateKeyOf(env),
    webhookSecret: secret,
    port,
    host: env.HOST || '0.0.0.0',
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    baseUrl: env.GHE_HOST ? `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/api/v3` : undefined,
    logLevel: level,
  };
}
