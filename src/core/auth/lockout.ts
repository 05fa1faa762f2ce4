/** Five failures in a row lock the account for five minutes (password and PIN alike). */
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}

/** The state after one more failure: either a higher count or a lock with the count reset. */
export function afterFailure(failedAttempts: number, now: Date): { failed_attempts: number; locked_until: string | null } {
  const next = failedAttempts + 1;
  if (next >= MAX_FAILURES) return { failed_attempts: 0, locked_until: new Date(now.getTime() + LOCKOUT_MS).toISOString() };
  return { failed_attempts: next, locked_until: null };
}
