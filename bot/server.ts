/**
 * The bot's HTTP server: Probot's webhook middleware (signature checked with
 * the webhook secret; a wrong `X-Hub-Signature-256` gets 401) on a plain
 * `node:http` server, plus `GET /healthz`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import tollgate from './app.js';

/** How to start. */
export interface BotServerOptions {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port?: number;
  host?: string;
  webhookPath?: string;
  baseUrl?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** The app to run (default: Tollgate). */
  app?: ApplicationFunction;
  /** Octokit class and request options (tests point them at a local fake). */
  Octokit?: typeof ProbotOctokit;
  request?: { fetch?: typeof globalThis.fetch };
}

/** A running server. */
export interface BotServer {
  url: string;
  webhookUrl: string;
  probot: Probot;
  close(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const webhookPath = options.webhookPath ?? '/api/github/webhooks';
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.baseUrl,
    logLevel: options.logLevel ?? 'info',
    ...(options.Octokit && { Octokit: options.Octokit }),
    ...(options.request && { request: options.request }),
  });
  const middleware = await createNodeMiddleware(options.app ?? tollgate, { probot, webhooksPath: webhookPath });
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    void middleware(request, response, () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    probot,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
