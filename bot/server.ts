/**
 * The bot's HTTP server: Probot's webhook middleware on a plain `node:http`
 * server, plus `GET /healthz`. Deliveries are read and their
 * `X-Hub-Signature-256` checked here first, so a wrong or missing signature
 * gets 401 (the middleware alone answers 400) and an oversized body 413.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, type ApplicationFunction, type ProbotOctokit } from 'probot';
import tollgate from './app.js';
import { verifySignature } from './signature.js';

/** GitHub caps webhook payloads at 25 MB. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_DELIVERY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify({ error: message })}\n`);
}

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
    void (async () => {
      if (request.method === 'GET' && request.url === '/healthz') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        return;
      }
      if (request.method === 'POST' && (request.url ?? '').split('?')[0] === webhookPath) {
        const body = await readBody(request);
        if (body === null) return answer(response, 413, 'payload too large');
        if (!verifySignature(options.webhookSecret, body, request.headers['x-hub-signature-256'])) {
          return answer(response, 401, 'signature does not match the payload and the webhook secret');
        }
        // The middleware reads a string body as it is (and checks the signature again).
        request.body = body.toString('utf8');
      }
      await middleware(request, response, () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n'));
    })().catch((error: unknown) => {
      probot.log.error({ err: error }, 'request failed');
      if (!response.headersSent) answer(response, 500, 'internal error');
    });
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
