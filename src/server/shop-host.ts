import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core';
import { HTTP_STATUS } from '../shared/api/bridge';
import { AppError } from '../shared/api/errors';
import { isLocale, pickLocale } from '../shared/i18n/translate';
import type { Locale } from '../shared/i18n/types';
import { lanAccessOn, readShopLanguage } from '../core/shop/settings';
import { staticFiles } from './static-files';
import { readBody } from './body';
import { EventStreams } from './event-streams';
import { isLoopbackAddress, ownHostNames, refuseForeign, refuseNotJson } from './request-guard';

export interface ShopHostOptions {
  backend: Backend;
  port?: number;
  /** Forces an address (CLI --host); otherwise the shop's LAN setting decides. */
  host?: string;
  /**
   * Listen only while the shop's LAN access is on (the Electron app: its own window talks over
   * IPC, so without LAN access nothing listens at all). Default: always listen (loopback at least).
   */
  onlyWithLanAccess?: boolean;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string | null;
  maxBodyBytes?: number;
  /** A request must arrive in full (headers and body) within this time; default 30 s. */
  requestTimeoutMs?: number;
  /** How often open event streams are checked against idle and absolute session expiry; default 30 s. */
  sessionCheckMs?: number;
}

export interface ShopHost {
  url: string;
  port: number;
  /** Whether the host is listening now (with onlyWithLanAccess, only while LAN access is on). */
  readonly listening: boolean;
  server: http.Server;
  close(): Promise<void>;
}

export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

function bearer(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * The shop's HTTP host: the same procedures as IPC at POST /api/<name>, server-sent events at
 * GET /api/events, and the built renderer. Loopback only unless the shop's LAN setting (or
 * --host) says otherwise; the LAN setting applies without a restart. Only its own pages get in
 * (./request-guard.ts); every refusal is a typed error in the caller's language.
 */
export async function startShopHost(opts: ShopHostOptions): Promise<ShopHost> {
  const { backend } = opts;
  const limit = opts.maxBodyBytes ?? 16 * 1024 * 1024;
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;
  const streams = new EventStreams(backend, { checkEveryMs: opts.sessionCheckMs ?? 30_000 });
  let ownNames = new Set<string>();
  const serveStatic = staticFiles(opts.staticDir ?? null);

  /** The caller's language: the app's own header, else the browser's, else the shop's. */
  const localeOf = (req: http.IncomingMessage): Locale => {
    const asked = req.headers['x-fixpoint-locale'];
    if (isLocale(asked)) return asked;
    const accept = req.headers['accept-language'];
    if (accept) return pickLocale(accept, 'zh-CN');
    try {
      return readShopLanguage(backend.services.sqlite) ?? 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  };
  const refuse = (res: http.ServerResponse, locale: Locale, err: AppError, status = HTTP_STATUS[err.code], close = false) =>
    send(res, status, { ok: false, error: err.toWire(locale) }, close ? { connection: 'close' } : {});

  const server = http.createServer({ connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(timeoutMs / 4))) }, async (req, res) => {
    const locale = localeOf(req);
    try {
      const rawPath = (req.url ?? '/').split('?')[0]!;
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(rawPath, 'http://host').pathname);
      } catch {
        return refuse(res, locale, new AppError('VALIDATION', { key: 'errors.http.badPath', details: { reason: 'path' } }), 400);
      }
      const url = new URL(req.url ?? '/', 'http://host');
      if (pathname === '/api' || pathname.startsWith('/api/')) {
        const foreign = refuseForeign(req, ownNames, port);
        if (foreign) return refuse(res, locale, foreign);
        const session = { source: `ip:${req.socket.remoteAddress ?? '?'}`, station: (req.headers['x-fixpoint-station'] as string | undefined) ?? null, locale };

        if (pathname === '/api/events' && req.method === 'GET') {
          const token = url.searchParams.get('token') ?? bearer(req) ?? '';
          const me = await backend.callWire('auth.me', {}, { ...session, token });
          if (!me.ok) return send(res, HTTP_STATUS[me.error.code], me);
          const live = token ? await backend.peekSession(token) : null;
          if (!live) return refuse(res, locale, new AppError('UNAUTHENTICATED'));
          return streams.open(req, res, token, live);
        }
        if (req.method !== 'POST') {
          return refuse(res, locale, new AppError('UNKNOWN_PROCEDURE', { key: 'errors.http.method', params: { method: String(req.method), path: pathname.slice(0, 80) } }), 405);
        }
        const name = pathname.slice(5);
        const notJson = refuseNotJson(req);
        if (notJson) return refuse(res, locale, notJson);
        // Setting up a shop makes its admin: only someone at this computer may do it.
        if (name === 'setup.run' && !isLoopbackAddress(req.socket.remoteAddress)) {
          return refuse(res, locale, new AppError('FORBIDDEN', { key: 'errors.http.setupLocalOnly', details: { reason: 'loopback' } }));
        }
        const body = await readBody(req, limit, timeoutMs);
        if (body.kind === 'tooLarge') return refuse(res, locale, new AppError('PAYLOAD_TOO_LARGE', { params: { limit }, details: { limit } }), 413, true);
        if (body.kind === 'timeout') {
          refuse(res, locale, new AppError('REQUEST_TIMEOUT', { params: { seconds: Math.round(timeoutMs / 1000) }, details: { timeoutMs } }), 408, true);
          return void res.on('finish', () => req.destroy());
        }
        let input: unknown = {};
        try {
          input = body.text ? JSON.parse(body.text) : {};
        } catch {
          return refuse(res, locale, new AppError('VALIDATION', { details: { reason: 'body is not JSON' } }));
        }
        const result = await backend.callWire(name, input, { ...session, token: bearer(req) });
        return send(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res, locale);
      refuse(res, locale, new AppError('UNKNOWN_PROCEDURE', { key: 'errors.http.method', params: { method: String(req.method), path: pathname.slice(0, 80) } }), 405);
    } catch (e) {
      console.error('[fixpoint] request failed', e);
      if (!res.headersSent) send(res, 500, { ok: false, error: new AppError('INTERNAL').toWire(locale) });
      else res.end();
    }
  });
  server.keepAliveTimeout = 65_000;
  // Headers must arrive within the same time as a whole request (Node answers a bare 408 then:
  // before the headers, nobody's language is known); bodies are timed by readBody in words.
  server.headersTimeout = timeoutMs;
  server.requestTimeout = timeoutMs * 2;

  const lanOn = (): boolean => {
    return lanAccessOn(backend.services.sqlite);
  };
  /** Where to listen, or null for not at all (onlyWithLanAccess and LAN access off). */
  const desiredHost = (): string | null => {
    if (opts.host) return opts.host;
    const lan = lanOn();
    if (opts.onlyWithLanAccess && !lan) return null;
    return lan ? '0.0.0.0' : '127.0.0.1';
  };

  let port = opts.port ?? 0;
  let boundHost: string | null = null;
  const publish = (host: string | null) => {
    const lan = host === null || isLoopbackAddress(host) || host === 'localhost' ? [] : host === '0.0.0.0' ? lanAddresses() : [host];
    ownNames = ownHostNames(port, lan);
    backend.services.host.listening = host === null ? null : `${host}:${port}`;
    backend.services.host.lanAddresses = lan.map((a) => `http://${a}:${port}/`);
  };
  const listen = (host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        boundHost = host;
        publish(host);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const first = desiredHost();
  if (first) await listen(first);
  else publish(null);

  // A manager switching LAN access on or off rebinds the same port without a restart.
  let rebinding = Promise.resolve();
  const unsubscribeSettings = backend.subscribe((event) => {
    if (event.name !== 'shop.updated') return;
    rebinding = rebinding.then(async () => {
      const next = desiredHost();
      if (next === boundHost) return;
      if (boundHost !== null) {
        server.close();
        server.closeIdleConnections();
        boundHost = null;
      }
      if (next) await listen(next).catch((e) => console.error('[fixpoint] could not rebind', e));
      else publish(null);
    });
  });

  return {
    get url() {
      return `http://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    get listening() {
      return server.listening;
    },
    server,
    async close() {
      unsubscribeSettings();
      streams.close();
      await rebinding;
      await stop();
    },
  };
}

export function defaultStaticDir(): string | null {
  const dir = path.resolve('out/renderer');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}
