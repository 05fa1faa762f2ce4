/**
 * Enrollment: the shop sends head office's one-time code with a token of its own (kept
 * encrypted), and from then on it is head office's shop. A shop whose token was revoked may
 * enroll again; when head office already holds more than this shop wrote (or rebased it), the
 * outbox continues above that and a full copy of the shop's rows is queued.
 */
import crypto from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { PATHS, enrollResponseSchema, type EnrollResponse } from '../../shared/sync/protocol';
import { shopSettingsSchema } from '../../shared/shop/schemas';
import { encryptSecret } from '../secrets/cipher';
import { statement } from '../db/statements';
import type { SyncEngine } from './engine';
import { SyncFailure, type StoredError } from './failure';
import { localMax, rebaseAbove } from './outbox-sequence';
import { TOKEN_AAD } from './sync-state';

export async function enroll(engine: SyncEngine, url: string, code: string): Promise<EnrollResponse> {
  const { sqlite, services } = engine;
  const s = await engine.state();
  const lastError = s.last_error_json ? (JSON.parse(s.last_error_json) as StoredError) : null;
  if (s.hq_shop_id && !(lastError && ['TOKEN_REVOKED', 'UNAUTHENTICATED'].includes(lastError.code)))
    throw new AppError('CONFLICT', { key: 'sync.error.alreadyEnrolled' });
  const shop = statement<{ id: string; code: string; name: string }, []>(sqlite, `SELECT id, code, name FROM shop LIMIT 1`).get();
  if (!shop) throw new AppError('SETUP_REQUIRED');
  const token = crypto.randomBytes(32).toString('base64url');
  let res: EnrollResponse;
  try {
    const answer = await engine.request(url, PATHS.enroll, { code, token, shop: { uid: shop.id, code: shop.code, name: shop.name }, baseSeq: s.acked_seq }, null);
    const parsed = enrollResponseSchema.safeParse(answer);
    if (!parsed.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'enroll answer' });
    res = parsed.data;
  } catch (e) {
    if (e instanceof SyncFailure) throw e.toAppError();
    throw e;
  }
  const cipher = encryptSecret(services.keys, token, TOKEN_AAD);
  const now = engine.now().toISOString();
  await engine.exclusive(() =>
    sqlite
      .transaction(() => {
        const sameHq = s.hq_shop_id === res.shopId && s.hq_url === url;
        statement<never, [url: string, shopId: string, cipher: Buffer, now: string, cursor: number]>(
          sqlite,
          `UPDATE sync_state SET hq_url = ?, hq_shop_id = ?, token_cipher = ?, enrolled_at = ?, failures = 0, last_error_json = NULL,
           next_attempt_at = NULL, pull_cursor = ? WHERE id = 1`,
        ).run(url, res.shopId, cipher, now, sameHq ? s.pull_cursor : 0);
        const high = Math.max(res.lastSeq, res.highVersion ?? 0);
        if (res.rebased || high > localMax(sqlite)) {
          // Continue above what head office holds, and send it a full copy of this shop's rows.
          rebaseAbove(sqlite, high, s.acked_seq);
          statement<never, [number]>(sqlite, `UPDATE sync_state SET acked_seq = ? WHERE id = 1`).run(res.lastSeq);
        }
        const row = statement<{ id: string; settings_json: string }, []>(sqlite, `SELECT id, settings_json FROM shop LIMIT 1`).get()!;
        const settings = shopSettingsSchema.parse({ ...JSON.parse(row.settings_json), enrolled: true });
        statement<never, [settings: string, now: string, id: string]>(sqlite, `UPDATE shop SET settings_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(settings), now, row.id);
        statement<never, [id: string, at: string, shopId: string, details: string]>(
          sqlite,
          `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, details_json) VALUES (?, ?, NULL, 'sync.enroll', 'shop', ?, ?)`,
        ).run(services.newId(), now, row.id, JSON.stringify({ url, hqShopId: res.shopId }));
      })
      .immediate(),
  );
  return res;
}
