/**
 * The built console (out/hq-console, vite.hq-console.config.ts) at /console/, through sirv with the
 * shop host's CSP and caching (shared/http/static-policy.ts) and its .br/.gz files. A path without
 * an extension is a client route and gets index.html; sirv serves only the files it listed at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import type { FastifyInstance } from 'fastify';
import { staticHeaders } from '../../shared/http/static-policy';
import { pickLocale, t } from '../../shared/i18n/translate';

export function defaultConsoleDir(): string | null {
  const dir = path.resolve('out/hq-console');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

export function serveConsole(r: FastifyInstance, root: string | null, rateLimit: object): void {
  const serve = root
    ? sirv(root, {
        single: true,
        etag: true,
        gzip: true,
        brotli: true,
        setHeaders(res, pathname) {
          for (const [k, v] of Object.entries(staticHeaders(pathname))) res.setHeader(k, v);
        },
      })
    : null;
  r.get('/', { config: { rateLimit } }, async (_req, reply) => reply.redirect('/console/'));
  r.get('/console', { config: { rateLimit } }, async (_req, reply) => reply.redirect('/console/'));
  r.get('/console/*', { config: { rateLimit } }, (req, reply) => {
    const locale = pickLocale(req.headers['accept-language'], 'zh-CN');
    const missing = (key: string) => reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(t(locale, key));
    if (!serve) return missing('hq.console.notBuilt');
    reply.hijack();
    // sirv reads the path below /console (its files are the build's root).
    req.raw.url = req.raw.url!.slice('/console'.length) || '/';
    serve(req.raw, reply.raw, () => {
      reply.raw.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      reply.raw.end(t(locale, 'hq.console.noFile'));
    });
  });
}
