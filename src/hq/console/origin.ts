/**
 * Only the console's own pages reach the console API (as the shop host, docs/security.md §1): a
 * request naming a Host head office does not answer to (DNS rebinding) or coming from a page of
 * another origin (Origin, or a browser's Sec-Fetch-Site) is refused before anything else. The
 * session cookie is SameSite=Strict on top, and bodies are JSON only (http/body.ts), so no form
 * or text/plain request from another site runs without a preflight that fails.
 */
import type { FastifyRequest } from 'fastify';
import { HqError } from '../errors';

/** Host values answered: loopback names at the port the request came in on, and the configured public names. */
export function hostAllowed(req: FastifyRequest, publicHosts: readonly string[]): boolean {
  const host = (req.host ?? '').toLowerCase();
  const port = req.socket.localPort;
  if (publicHosts.some((h) => h.toLowerCase() === host)) return true;
  return ['localhost', '127.0.0.1', '[::1]'].some((n) => host === `${n}:${port}` || (port === 80 && host === n));
}

export function refuseForeign(req: FastifyRequest, publicHosts: readonly string[]): HqError | null {
  if (!hostAllowed(req, publicHosts)) return new HqError('FOREIGN_ORIGIN', 403, 'foreign host', { reason: 'host', host: String(req.host ?? '-').slice(0, 100) });
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const own = `${req.protocol}://${req.host}`.toLowerCase();
  if ((origin !== undefined && origin.toLowerCase() !== own) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    return new HqError('FOREIGN_ORIGIN', 403, 'foreign origin', { reason: 'origin', origin: String(origin ?? site).slice(0, 100) });
  }
  return null;
}

export const SESSION_COOKIE = 'fixpoint_hq';

export function cookieToken(req: FastifyRequest): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE && v.length) return v.join('=');
  }
  return null;
}

/** httpOnly (no script reads it), SameSite=Strict (no other site's request carries it), Secure behind TLS, only for /console. */
export function sessionCookie(req: FastifyRequest, token: string | null, maxAgeS: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token ?? ''}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${token ? maxAgeS : 0}${secure}`;
}
