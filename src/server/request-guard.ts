/**
 * Only our own pages reach the shop host. A hostile web page on the counter PC can make the
 * browser send requests here in two ways: through DNS rebinding (its own host name resolving to
 * 127.0.0.1: the Host header names the attacker's domain) and as a cross-site request (the
 * Origin header names the attacker's page; a "simple" request with a text/plain or form body is
 * sent without a preflight). So /api refuses a foreign Host, a foreign Origin (or a browser's
 * Sec-Fetch-Site saying so) and any body that is not application/json; curl and scripts send
 * no Origin, name the host they reach, and say application/json.
 */
import type http from 'node:http';
import { AppError } from '../shared/api/errors';

/** The Host values this host answers to: loopback names and the LAN addresses it listens on, each with its port. */
export function ownHostNames(port: number, lanAddresses: readonly string[], extra: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  for (const name of ['localhost', '127.0.0.1', '[::1]', ...lanAddresses, ...extra]) {
    const n = name.toLowerCase();
    names.add(`${n}:${port}`);
    if (port === 80) names.add(n);
  }
  return names;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function mediaType(header: string | undefined): string | null {
  return header ? header.split(';')[0]!.trim().toLowerCase() : null;
}

function hasBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Why a request to /api must not run, or null. `port` is the port the host listens on. */
export function refuseForeign(req: http.IncomingMessage, own: Set<string>, port: number): AppError | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.has(host)) {
    return new AppError('FORBIDDEN', { key: 'errors.http.foreignHost', params: { host: host.slice(0, 100) || '-', port }, details: { reason: 'host', host: host.slice(0, 100) } });
  }
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if ((origin !== undefined && origin.toLowerCase() !== `http://${host}`) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    const from = String(origin ?? site).slice(0, 100);
    return new AppError('FORBIDDEN', { key: 'errors.http.foreignOrigin', params: { origin: from }, details: { reason: 'origin', origin: from } });
  }
  return null;
}

/** A POST to /api carries JSON or nothing: a form or text/plain body (no preflight) never runs. */
export function refuseNotJson(req: http.IncomingMessage): AppError | null {
  const type = mediaType(req.headers['content-type']);
  if (type === 'application/json') return null;
  if (type === null && !hasBody(req)) return null;
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { contentType: String(req.headers['content-type'] ?? '').slice(0, 100) } });
}
