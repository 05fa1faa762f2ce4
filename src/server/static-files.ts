import type http from 'node:http';
import sirv from 'sirv';
import { t } from '../shared/i18n/translate';
import type { Locale } from '../shared/i18n/types';
import { staticHeaders } from '../shared/http/static-policy';

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
    // Same CSP and caching as head office's console (shared/http/static-policy.ts).
    setHeaders(res, pathname) {
      for (const [k, v] of Object.entries(staticHeaders(pathname))) res.setHeader(k, v);
    },
  });
  return (req, res, locale) =>
    serve(req, res, () => plain(res, t(locale, 'errors.http.noFile', { path: (req.url ?? '/').split('?')[0]!.slice(0, 80) })));
}
