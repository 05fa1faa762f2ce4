/**
 * The app:// protocol that serves the built renderer to the Electron window instead of file://
 * (a file:// page may read any file:// URL; ours reads only out/renderer). Pure: which file a
 * request URL names, or why it is refused, and the headers it is served with. The glue that
 * registers the scheme and reads the file is app-protocol-handler.ts.
 */
import path from 'node:path';
import { APP_CSP } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fixpoint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type FileKind = 'file' | 'dir' | null;

export type AppResolution =
  | { ok: true; file: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

export function appHeaders(file: string): Record<string, string> {
  const ext = path.extname(file).toLowerCase();
  return {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    // The camera for intake photos; nothing else a page could ask for.
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
}

/**
 * Resolves `app://fixpoint/<path>` to a file under `rendererDir`. Refused: another scheme or
 * host, a method other than GET/HEAD, a path that does not decode, holds a NUL or a backslash,
 * or leads outside the folder once decoded (`/%2e%2e/…`, `/..%2f…`). A path without an extension
 * that names no file is a client-side route: index.html. `kind` tells what a path is on disk.
 */
export function resolveAppRequest(rendererDir: string, requestUrl: string, kind: (file: string) => FileKind, method = 'GET'): AppResolution {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: 'method' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404, reason: 'origin' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'characters' };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, status: 403, reason: 'outside' };
  // A second, independent check on the raw segments: no ".." may survive decoding anywhere.
  if (decoded.split('/').includes('..')) return { ok: false, status: 403, reason: 'outside' };
  const entry = path.join(root, 'index.html');
  const k = rel === '' ? 'dir' : kind(file);
  if (k === 'file') return { ok: true, file, headers: appHeaders(file) };
  if (k === 'dir' || path.extname(file) === '') return { ok: true, file: entry, headers: appHeaders(entry) };
  return { ok: false, status: 404, reason: 'missing' };
}
