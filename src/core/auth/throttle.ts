/**
 * Growing delays after failed secret checks (passwords and PINs), as pure rules: a few failures
 * are free (people mistype), then each further failure doubles the wait before the next try,
 * up to a ceiling; a quiet spell forgets the count. The guard (./guard.ts) keeps the state.
 */
export interface BackoffRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
  /** A failure older than this (since the last one) no longer counts. */
  forgetMs: number;
}

export interface BackoffState {
  failures: number;
  lastAt: number;
}

/** Per source (a LAN address, the counter PC's loopback, one Electron app): passwords and PINs, unknown usernames included. */
export const SOURCE_RULE: BackoffRule = { free: 10, baseMs: 1_000, maxMs: 5 * 60_000, forgetMs: 15 * 60_000 };
/** Per station (browser tab or Electron window): wrong PINs; the station's PINs end at STATION_LOCK_AT. */
export const STATION_RULE: BackoffRule = { free: 5, baseMs: 2_000, maxMs: 60_000, forgetMs: Number.POSITIVE_INFINITY };
export const STATION_LOCK_AT = 10;
/** The whole shop: wrong PINs on every station together. */
export const SHOP_PIN_RULE: BackoffRule = { free: 20, baseMs: 5_000, maxMs: 15 * 60_000, forgetMs: 15 * 60_000 };
/** Secret checks (scrypt) at the same time: per source, and for the whole shop. */
export const MAX_CHECKS_PER_SOURCE = 2;
export const MAX_CHECKS_IN_SHOP = 4;

function counts(rule: BackoffRule, s: BackoffState | undefined, now: number): s is BackoffState {
  return s !== undefined && now - s.lastAt < rule.forgetMs;
}

/** How long the next try must still wait (0: it may run now). */
export function remainingWait(rule: BackoffRule, s: BackoffState | undefined, now: number): number {
  if (!counts(rule, s, now) || s.failures < rule.free) return 0;
  const wait = Math.min(rule.baseMs * 2 ** (s.failures - rule.free), rule.maxMs);
  return Math.max(0, s.lastAt + wait - now);
}

export function afterFailedTry(rule: BackoffRule, s: BackoffState | undefined, now: number): BackoffState {
  return { failures: counts(rule, s, now) ? s.failures + 1 : 1, lastAt: now };
}

/** Whole seconds for people (a wait of 0.2 s reads "1 s", never "0 s"). */
export function waitSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
