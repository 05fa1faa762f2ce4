import type { SendResult } from './gateway';

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Refused before any request: a number no provider could send to (never retried). */
export function invalidNumber(to: string): SendResult {
  return { ok: false, retryable: false, code: 'INVALID_NUMBER', message: `not an E.164 number: ${to}` };
}
