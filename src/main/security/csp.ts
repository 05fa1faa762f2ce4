/**
 * The Content-Security-Policy of the Electron window, sent as a response header by the app://
 * protocol (app-protocol.ts) on every file. What the renderer needs, and no more:
 * - scripts and styles from the app's own files (Vite's bundle; Mantine sets inline styles);
 * - images from files, data: (attachment thumbnails) and blob: (photo previews, the webcam shot);
 * - no connections but our own origin: the renderer talks to the backend over IPC only;
 * - no plugins, frames, <base> or form posts. PDFs open in a window of their own from a blob:
 *   URL (the blob document inherits this policy; Chromium's PDF viewer still renders it under
 *   object-src 'none' — checked in Chromium 2026-12), so no frame-src is needed.
 * No 'unsafe-eval' anywhere (Electron warns about it and the bundle needs none).
 */
export const APP_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'none'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function cspHeader(directives: Readonly<Record<string, readonly string[]>> = APP_CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const APP_CSP = cspHeader();
