/**
 * The headers of a built web app's files, the same for the shop host (the renderer) and head
 * office (the console): only our own files, no remote content (the Electron window's policy), and
 * caching by name — a content-hashed asset forever, everything else (index.html first)
 * revalidated on each load so a new build is picked up at once.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/** Vite's content-hashed output (assets/name-HASH.ext): its name changes whenever its bytes do. */
export const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function staticHeaders(pathname: string): Record<string, string> {
  return {
    'Cache-Control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
  };
}
