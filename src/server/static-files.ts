import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { t } from '../shared/i18n/translate';
import type { Locale } from '../shared/i18n/types';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

// Same policy as the Electron window: only our own files, no remote content.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/** Serves the built renderer (`urlPath` already decoded); unknown paths get index.html so client routes survive a reload. */
export function serveStatic(root: string | null, urlPath: string, res: http.ServerResponse, locale: Locale): void {
  if (!root) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(t(locale, 'errors.http.notBuilt'));
    return;
  }
  const rel = path.normalize(urlPath).replace(/^([/\\])+/, '');
  let file = path.join(root, rel);
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  const ext = path.extname(file);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}
