/** `npm run bot`: its environment, and refusing to start without a real webhook secret. */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBotEnvironment } from '../../bot/env.js';
import { UsageError } from '../../shared/errors/index.js';

const KEY = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const RUN = fileURLToPath(new URL('../../bot/run.mjs', import.meta.url));

describe('readBotEnvironment', () => {
  it('refuses to start without a webhook secret, or with Probot\'s default', () => {
    expect(() => readBotEnvironment({ APP_ID: '1', PRIVATE_KEY: KEY })).toThrow(/WEBHOOK_SECRET is not set: refusing to start/);
    expect(() => readBotEnvironment({ APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: '  ' })).toThrow(UsageError);
    expect(() => readBotEnvironment({ APP_ID: '1', PRIVATE_KEY: KEY, WEBHOOK_SECRET: 'development' })).toThrow(/Probot's public default/);
  });

  it('says what else is missing or wrong', () => {
    expect(() => readBotEnvironment({ WEBHOOK_SECRET: 's', PRIVATE_KEY: KEY })).toThrow(/APP_ID must be the App's numeric id; got ""/);
    expect(() => readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12' })).toThrow(/set PRIVATE_KEY/);
    expect(() => readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12', PRIVATE_KEY: 'bm90IGEga2V5' })).toThrow(/neither a PEM key nor a base64-encoded one/);
    expect(() => readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12', PRIVATE_KEY: KEY, PORT: 'http' })).toThrow(/PORT must be a port number/);
    expect(() => readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12', PRIVATE_KEY_PATH: '/nonexistent/key.pem' })).toThrow(/PRIVATE_KEY_PATH: cannot read \/nonexistent\/key\.pem/);
  });

  it('reads a complete environment, with keys inline, escaped or base64-encoded', () => {
    const escaped = KEY.replace(/\n/g, '\\n');
    const env = readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12', PRIVATE_KEY: escaped, PORT: '8080', GHE_HOST: 'git.example.com' });
    expect(env).toMatchObject({ appId: 12, port: 8080, host: '0.0.0.0', webhookPath: '/api/github/webhooks', baseUrl: 'https://git.example.com/api/v3', logLevel: 'info' });
    expect(env.privateKey).toBe(KEY);
    expect(readBotEnvironment({ WEBHOOK_SECRET: 's', APP_ID: '12', PRIVATE_KEY: Buffer.from(KEY).toString('base64') }).privateKey).toBe(KEY);
  });
});

function runBot(env: NodeJS.ProcessEnv): { output: Promise<{ code: number | null; stdout: string; stderr: string }>; child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [RUN], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return { child, output: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

describe('npm run bot (bot/run.mjs)', () => {
  it('exits with status 2 and a clear message without WEBHOOK_SECRET', async () => {
    const { output } = runBot({ APP_ID: '12', PRIVATE_KEY: KEY });
    const result = await output;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tollgate bot: WEBHOOK_SECRET is not set: refusing to start');
  });

  it('starts with a complete environment and stops on SIGTERM', async () => {
    const { child, output } = runBot({ APP_ID: '12', PRIVATE_KEY: KEY, WEBHOOK_SECRET: 'a-real-secret', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal' });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bot did not start within 20 s')), 20_000);
      child.stdout!.on('data', (chunk) => {
        const match = /listening on (http:\/\/\S+)\/api\/github\/webhooks/.exec(String(chunk));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect((await output).code).toBe(0);
  });
});
