/**
 * A shop's sync as head office sees it, from what head office holds (pure): never enrolled,
 * revoked, failing (its last request was refused after its last success), late (no sync for
 * longer than LATE_AFTER_S: the shop syncs every 5 minutes by default, so an hour means it is
 * off or cut off) or fine.
 */
import type { ShopState, ShopStatus } from '../../shared/hq-console/contract';
import type { ShopRow } from '../shops';

export const LATE_AFTER_S = 3600;

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

export function shopStatus(r: ShopRow, pendingForShop: number, now: Date): ShopStatus {
  const enrolled = !!r.token_hash && !r.revoked_at;
  const lastSyncAt = later(r.last_push_at, r.last_pull_at);
  const lagSeconds = lastSyncAt ? Math.max(0, Math.round((now.getTime() - Date.parse(lastSyncAt)) / 1000)) : null;
  const lastError = r.last_error_code && r.last_error_at ? { code: r.last_error_code, at: r.last_error_at } : null;
  const lastSeq = Number(r.last_seq);
  let state: ShopState;
  if (r.revoked_at) state = 'revoked';
  else if (!enrolled) state = 'notEnrolled';
  else if (lastError && (!lastSyncAt || lastError.at > lastSyncAt)) state = 'failing';
  else if (lagSeconds === null || lagSeconds > LATE_AFTER_S) state = 'late';
  else state = 'ok';
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    region: r.region ?? null,
    state,
    enrolled,
    revoked: !!r.revoked_at,
    lastSyncAt,
    lastSeenAt: r.last_seen_at,
    waitingAtShop: r.reported_seq === null ? null : Math.max(0, Number(r.reported_seq) - lastSeq),
    waitingForShop: pendingForShop,
    schemaVersion: r.schema_version,
    appVersion: r.app_version,
    lagSeconds,
    lastError,
    lastSeq,
    createdAt: r.created_at,
  };
}
