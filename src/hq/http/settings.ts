/**
 * The request-handling settings of head office: which proxies may speak for a client, how long a
 * body may take to arrive, and how many requests per minute each endpoint takes. Read from the
 * environment by the CLI (README: Head office), passed in whole by tests.
 */

/** Requests per minute per key (a shop's token for shop routes, the client address otherwise). */
export interface RateLimits {
  /** POST /sync/v1/push, per shop: a first upload of a long history sends batches back to back. */
  push: number;
  /** POST /sync/v1/pull, per shop. */
  pull: number;
  /** POST /sync/v1/lookup/device, per shop: one per intake at a busy counter is a few a minute. */
  lookup: number;
  /** POST /sync/v1/enroll, per address: a shop enrolls once; codes are not to be guessed. */
  enroll: number;
  /** /admin/v1/*, per address. */
  admin: number;
  /** POST /console/api/auth.signIn, per address (wrong passwords also lock the account: sessions.ts). */
  signIn: number;
  /** The console's other calls and its pages, per address (an office behind one address shares it). */
  console: number;
  /** GET /s/<secret>, the customers' status page, per address (a phone opens it a few times; a guesser is slowed). */
  statusPage: number;
  /** POST /s/<secret>/code and /decide, per address: asking for and typing approval codes (five wrong codes also lock the link: status/approval.ts). */
  statusCode: number;
  /** Anything else (unknown paths), per address. */
  other: number;
  /** Refused shop or admin tokens, per address: past it, the address gets 429 before any token check. */
  authFailures: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  push: 600,
  pull: 600,
  lookup: 120,
  enroll: 30,
  admin: 600,
  signIn: 10,
  console: 1200,
  statusPage: 30,
  statusCode: 10,
  other: 60,
  authFailures: 30,
};

export interface HqHttpSettings {
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-* headers are believed; empty: none. */
  trustProxy: string[];
  /** A request body must have arrived within this many ms of the request's start (default 30 s). */
  bodyTimeoutMs: number;
  rateLimits: RateLimits;
}

export const DEFAULT_HTTP_SETTINGS: HqHttpSettings = { trustProxy: [], bodyTimeoutMs: 30_000, rateLimits: DEFAULT_RATE_LIMITS };

/** `HQ_TRUST_PROXY=127.0.0.1,10.0.0.0/8` → the list; unset or blank → none. */
export function parseTrustProxy(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `HQ_RATE_LIMITS=push=1200,enroll=100` → those limits over the defaults; a bad entry is an error, not ignored. */
export function parseRateLimits(value: string | undefined, base: RateLimits = DEFAULT_RATE_LIMITS): RateLimits {
  const out = { ...base };
  for (const part of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, n] = part.split('=').map((s) => s.trim());
    if (!name || !(name in base) || !n || !/^\d+$/.test(n) || Number(n) < 1) throw new Error(`HQ_RATE_LIMITS: "${part}" is not <${Object.keys(base).join('|')}>=<requests per minute>`);
    out[name as keyof RateLimits] = Number(n);
  }
  return out;
}

export function httpSettingsFromEnv(env: NodeJS.ProcessEnv): HqHttpSettings {
  const timeout = env.HQ_BODY_TIMEOUT_MS ? Number(env.HQ_BODY_TIMEOUT_MS) : DEFAULT_HTTP_SETTINGS.bodyTimeoutMs;
  if (!Number.isInteger(timeout) || timeout < 100) throw new Error(`HQ_BODY_TIMEOUT_MS: "${env.HQ_BODY_TIMEOUT_MS}" is not a number of milliseconds (at least 100)`);
  return { trustProxy: parseTrustProxy(env.HQ_TRUST_PROXY), bodyTimeoutMs: timeout, rateLimits: parseRateLimits(env.HQ_RATE_LIMITS) };
}
