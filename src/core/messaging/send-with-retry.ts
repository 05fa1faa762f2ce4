import type { Clock } from '../../shared/util/ids';
import type { SendResult, SmsGateway, SmsMessage } from './gateway';

/**
 * When a message that could not be sent is tried again: 1 min, 5 min, 30 min, then 2 h after
 * the attempt that failed, and no sixth attempt — about 2 h 36 min from the first try to the
 * ticket's "not delivered", long enough to outlast a provider's outage or a per-number
 * hourly limit, short enough that the counter still hears of it the same day.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The instant of the next attempt after attempt number `attempt` (1 = the first try) failed
 * at `now`, or null when it was the last one. Pure: the caller's clock gives `now`.
 */
export function nextAttemptAt(attempt: number, now: Date): Date | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be 1 or more: ${attempt}`);
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export type Delivery =
  | { state: 'delivered'; attempt: number; providerId: string; at: string }
  /** Try again at `retryAt` with attempt + 1. */
  | { state: 'retry'; attempt: number; retryAt: string; code: string; message: string }
  /** Not delivered, final: the provider refused for good, or the last attempt failed. Shown on the ticket. */
  | { state: 'failed'; attempt: number; reason: 'refused' | 'attempts_exhausted'; code: string; message: string; at: string };

/**
 * Attempt number `attempt` of a message: sends once and says what happens next. A gateway that
 * throws (a bug, not an answer) counts as a retryable failure, so one bad moment never loses a
 * message silently.
 */
export async function deliver(gateway: SmsGateway, msg: SmsMessage, attempt: number, clock: Clock): Promise<Delivery> {
  let result: SendResult;
  try {
    result = await gateway.send(msg);
  } catch (e) {
    result = { ok: false, retryable: true, code: 'GATEWAY_ERROR', message: e instanceof Error ? e.message : String(e) };
  }
  const now = clock.now();
  if (result.ok) return { state: 'delivered', attempt, providerId: result.providerId, at: now.toISOString() };
  const { code, message } = result;
  if (!result.retryable) return { state: 'failed', attempt, reason: 'refused', code, message, at: now.toISOString() };
  const next = nextAttemptAt(attempt, now);
  if (!next) return { state: 'failed', attempt, reason: 'attempts_exhausted', code, message, at: now.toISOString() };
  return { state: 'retry', attempt, retryAt: next.toISOString(), code, message };
}
