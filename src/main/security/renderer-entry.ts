/**
 * Where the window loads the renderer from: app://fixpoint/index.html, or — only in a build
 * that is not packaged — the dev server named by ELECTRON_RENDERER_URL (electron-vite dev), and
 * then only on this machine's loopback. A packaged app ignores the variable: a planted
 * environment variable must not point the app's window, with its IPC bridge, at a foreign page.
 */
import { APP_ENTRY_URL } from './app-protocol';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function rendererEntry(opts: { isPackaged: boolean; envUrl: string | undefined }): { url: string; devUrl: string | null } {
  if (opts.isPackaged || !opts.envUrl) return { url: APP_ENTRY_URL, devUrl: null };
  try {
    const u = new URL(opts.envUrl);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname) && !u.username && !u.password) return { url: u.href, devUrl: u.href };
  } catch {
    // not a URL: the built renderer
  }
  return { url: APP_ENTRY_URL, devUrl: null };
}
