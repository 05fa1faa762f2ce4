import { z } from 'zod';

/**
 * A status link's secret and the id head office knows it by (issue 20 point 1). 16 random
 * bytes (128 bits) in base64url: 22 characters in the QR code, unguessable, never the ticket
 * number. The synced row carries only the SHA-256: head office hashes what a phone sends.
 * The shop makes the secret (core/status/links.ts); both sides hash it with SHA-256 (hex).
 */
export const STATUS_PATH_PREFIX = '/s/';
export const statusSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** A closed ticket's page stays this many days after collection (the survey is answered there). */
export const STATUS_LINK_DAYS_AFTER_CLOSE = 30;

/** The page's address under head office's base URL (the one the shop enrolled with). */
export function statusUrl(hqBaseUrl: string, secret: string): string {
  return `${hqBaseUrl.replace(/\/+$/, '')}${STATUS_PATH_PREFIX}${secret}`;
}
