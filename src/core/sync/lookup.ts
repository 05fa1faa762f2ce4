/** Nationwide service (全国联保): a device's record at every shop, asked of head office. */
import { t } from '../../shared/i18n/translate';
import type { Locale, Params } from '../../shared/i18n/types';
import { PATHS, lookupResponseSchema, type LookupRequest } from '../../shared/sync/protocol';
import type { DeviceLookup, LookupOfflineReason } from '../../shared/sync/procedures';
import type { SyncEngine } from './engine';
import { SyncFailure } from './failure';

/**
 * Asks head office about a device. Never throws for being offline: not enrolled, unreachable,
 * a timeout (a few seconds, so the counter never waits long), a revoked token or any refusal
 * answer online: false with the reason in words. Reads sync state in one short step and holds
 * no transaction while waiting, so the counter's writes go on meanwhile; it does not touch the
 * sync status or its backoff either.
 */
export async function lookupDevice(engine: SyncEngine, query: LookupRequest, locale: Locale): Promise<DeviceLookup> {
  const offline = (reason: LookupOfflineReason, params: Params = {}): DeviceLookup => ({
    online: false,
    reason,
    message: t(locale, `sync.lookup.offline.${reason}`, params),
  });
  const s = await engine.state();
  if (!s.hq_shop_id || !s.token_cipher || !s.hq_url) return offline('not_enrolled');
  let answer: unknown;
  try {
    answer = await engine.request(s.hq_url, PATHS.lookupDevice, query, engine.token(s), { timeoutMs: engine.opts.lookupTimeoutMs ?? 4_000 });
  } catch (e) {
    if (!(e instanceof SyncFailure)) return offline('refused', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
    if (e.code === 'UNREACHABLE') return offline(e.params.reason === 'timeout' ? 'timeout' : 'unreachable', { detail: String(e.params.reason ?? '') });
    if (e.code === 'TOKEN_REVOKED' || e.code === 'UNAUTHENTICATED') return offline('revoked', { detail: t(locale, e.key, e.params) });
    if (e.code === 'BAD_REPLY') return offline('bad_reply', { detail: String(e.params.reason ?? '') });
    return offline('refused', { detail: t(locale, e.key, e.params) });
  }
  const parsed = lookupResponseSchema.safeParse(answer);
  if (!parsed.success) return offline('bad_reply', { detail: 'lookup answer' });
  return { online: true, ...parsed.data };
}
