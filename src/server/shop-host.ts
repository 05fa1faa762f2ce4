import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core';
import { HTTP_STATUS } from '../shared/api/bridge';
import { AppError } from '../shared/api/errors';
import { pickLocale } from '../shared/i18n/translate';
import { serveStatic } from './static-files';
import { eventFrame } from './event-frame';

export interface ShopHostOptions {
  backend: Backend;
  port?: number;
  /** Forces an address (CLI --host); otherwise the shop's LAN setting decides. */
  host?: string;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string | null;
  maxBodyBytes?: number;
}

export interface ShopHost {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new AppError('VALIDATION', { details: { reason: 'body too large', limit } }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/**
 * The shop's HTTP host: the same procedures as IPC at POST /api/<name>, server-sent
 * events at GET /api/events, and the built renderer. Loopback only unless the shop's
 * LAN setting (or --host) says otherwise; the LAN setting applies without a restart.
 */
export async function startShopHost(opts: ShopHostOptions): Promise<ShopHost> {
  const { backend } = opts;
  const limit = opts.maxBodyBytes ?? 16 * 1024 * 1024;
  const sseClients = new Set<{ res: http.ServerResponse; token: string }>();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const locale = (req.headers['x-fixpoint-locale'] as string | undefined) ?? pickLocale(req.headers['accept-language'], 'zh-CN');
    try {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        const token = url.searchParams.get('token') ?? bearer(req) ?? '';
        const me = await backend.callWire('auth.me', {}, { token, locale });
        if (!me.ok) return send(res, HTTP_STATUS[me.error.code], me);
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        const client = { res, token };
        sseClients.add(client);
        req.on('close', () => sseClients.delete(client));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: new AppError('UNKNOWN_PROCEDURE', { params: { name: `${req.method} ${url.pathname}` } }).toWire(pickLocale(locale)) });
        const name = decodeURIComponent(url.pathname.slice(5));
        let input: unknown = {};
        try {
          const text = await readBody(req, limit);
          input = text ? JSON.parse(text) : {};
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError('VALIDATION', { details: { reason: 'body is not JSON' } });
          return send(res, 400, { ok: false, error: err.toWire(pickLocale(locale)) });
        }
        const result = await backend.callWire(name, input, { token: bearer(req), locale });
        return send(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.staticDir ?? null, url.pathname, res);
      send(res, 405, { ok: false });
    } catch (e) {
      console.error('[fixpoint] request failed', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: new AppError('INTERNAL').toWire(pickLocale(locale)) });
      else res.end();
    }
  });
  server.keepAliveTimeout = 65_000;

  // Pushes go to every open event stream whose session is still valid.
  const unsubscribe = backend.subscribe((event) => {
    const line = eventFrame(event);
    if (line) for (const c of sseClients) c.res.write(line);
  });
  const heartbeat = setInterval(() => {
    for (const c of sseClients) c.res.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  const desiredHost = async (): Promise<string> => {
    if (opts.host) return opts.host;
    const row = backend.services.sqlite.prepare('SELECT settings_json FROM shop LIMIT 1').get() as { settings_json: string } | undefined;
    const lan = row ? (JSON.parse(row.settings_json) as { lanAccess?: boolean }).lanAccess === true : false;
    return lan ? '0.0.0.0' : '127.0.0.1';
  };

  let port = opts.port ?? 0;
  let boundHost = await desiredHost();
  const listen = (host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        boundHost = host;
        backend.services.host.listening = `${host}:${port}`;
        backend.services.host.lanAddresses = host === '127.0.0.1' ? [] : lanAddresses().map((a) => `http://${a}:${port}/`);
        resolve();
      });
    });
  await listen(boundHost);

  // A manager switching LAN access on or off rebinds the same port without a restart.
  const unsubscribeSettings = backend.subscribe((event) => {
    if (event.name !== 'shop.updated') return;
    void desiredHost().then(async (next) => {
      if (next === boundHost) return;
      server.close();
      server.closeIdleConnections();
      await listen(next).catch((e) => console.error('[fixpoint] could not rebind', e));
    });
  });

  return {
    get url() {
      return `http://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    server,
    async close() {
      unsubscribe();
      unsubscribeSettings();
      clearInterval(heartbeat);
      for (const c of sseClients) c.res.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function defaultStaticDir(): string | null {
  const dir = path.resolve('out/renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}
