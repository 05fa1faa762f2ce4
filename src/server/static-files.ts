import type http from 'node:http';
import sirv from 'sirv';
import { t } from '../shared/i18n/translate';
import type { Locale } from '../shared/i18n/types';

// Same policy as the Electron window: only our own files, no remote content.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/** Vite's content-hashed output (assets/name-HASH.ext): its name changes whenever its bytes do. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export type StaticHandler = (req: http.IncomingMessage, res: http.ServerResponse, locale: Locale) => void;

function plain(res: http.ServerResponse, text: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/**
 * The built renderer, with the .br/.gz files the build writes beside each asset (vite.web.config.ts)
 * sent to browsers that accept them. A path without a file extension is a client route and gets
 * index.html, so a reload survives; a missing file with an extension is a 404, not HTML posing as
 * a script. sirv lists the files once at start and serves only those, so nothing outside `root`
 * (nor a dotfile) can be named.
 */
export function staticFiles(root: string | null): StaticHandler {
  if (!root) return (_req, res, locale) => plain(res, t(locale, 'errors.http.notBuilt'));
  const serve = sirv(root, {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    // A hashed asset never changes under its name; everything else (index.html first) is revalidated
    // on each load so a new build is picked up at once.
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('Content-Security-Policy', CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  return (req, res, locale) =>
    serve(req, res, () => plain(res, t(locale, 'errors.http.noFile', { path: (req.url ?? '/').split('?')[0]!.slice(0, 80) })));
}
