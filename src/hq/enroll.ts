/**
 * Enrollment: a one-time code, the shop's own token stored hashed. A retry with the same code
 * and token (the reply was lost) succeeds again; any other use of a used code is refused.
 * And the other end of the token: every shop request's authentication.
 */
import type { Transaction } from 'kysely';
import type { HqContext, RequestMeta } from './context';
import type { HqDatabase, HqDB } from './db';
import { HqError, malformed } from './errors';
import { sha256 } from './hash';
import type { ShopRow } from './shops';
import { checkVersions } from './versions';
import { statement } from '../core/db/statements';
import { enrollRequestSchema, normalizeEnrollmentCode, type EnrollResponse } from '../shared/sync/protocol';

export async function enroll(ctx: HqContext, body: unknown, meta: RequestMeta): Promise<EnrollResponse> {
  const schema = checkVersions(meta);
  const req = enrollRequestSchema.safeParse(body);
  if (!req.success) throw malformed(req.error);
  const codeHash = sha256(normalizeEnrollmentCode(req.data.code));
  const tokenHash = sha256(req.data.token);
  const now = ctx.nowIso();
  return ctx.db.transaction().execute(async (trx) => {
    const shop = await lockShop(trx, ctx.store.dialect, (q) => q.where('enroll_code_hash', '=', codeHash));
    const bad = () => new HqError('BAD_ENROLLMENT_CODE', 403, 'enrollment code invalid, used or expired');
    if (!shop) throw bad();
    if (shop.enroll_used_at) {
      const retry = shop.token_hash === tokenHash && !shop.revoked_at && Date.parse(now) - Date.parse(shop.enroll_used_at) < 24 * 3600_000;
      if (!retry) throw bad();
      // The same answer as the first time (its reply was lost), as long as nothing was pushed since.
      const lastSeq = Number(shop.last_seq);
      return { shopId: shop.id, code: shop.code, name: shop.name, lastSeq, rebased: shop.enroll_rebased === 1, highVersion: Math.max(lastSeq, Number(shop.high_version)) };
    }
    if (!shop.enroll_expires_at || Date.parse(shop.enroll_expires_at) < Date.parse(now)) throw bad();
    let lastSeq = Number(shop.last_seq);
    let rebased = false;
    if (lastSeq === 0) {
      lastSeq = req.data.baseSeq;
      rebased = req.data.baseSeq > 0;
    } else if (shop.shop_uid !== req.data.shop.uid) {
      rebased = true; // another database takes over this shop: it continues after what is here
    }
    await trx
      .updateTable('hq_shops')
      .set({
        token_hash: tokenHash,
        revoked_at: null,
        enroll_used_at: now,
        enroll_rebased: rebased ? 1 : 0,
        enrolled_at: now,
        shop_uid: req.data.shop.uid,
        last_seq: lastSeq,
        schema_version: schema,
        app_version: meta.app?.slice(0, 40) ?? null,
        last_seen_at: now,
      })
      .where('id', '=', shop.id)
      .execute();
    return { shopId: shop.id, code: shop.code, name: shop.name, lastSeq, rebased, highVersion: Math.max(lastSeq, Number(shop.high_version)) };
  });
}

/** Reads a shop row and, on PostgreSQL, locks it until commit (SQLite transactions are serial already). */
async function lockShop(
  trx: Transaction<HqDB>,
  dialect: HqDatabase['dialect'],
  where: (q: ReturnType<Transaction<HqDB>['selectFrom']> & any) => any,
): Promise<ShopRow | undefined> {
  let q = where(trx.selectFrom('hq_shops').selectAll());
  if (dialect === 'postgres') q = q.forUpdate();
  return (await q.executeTakeFirst()) as ShopRow | undefined;
}

type TokenShop = { id: string; revoked_at: string | null };

export async function authenticate(ctx: HqContext, authorization: string | undefined): Promise<{ id: string }> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (!token || token.length > 200) throw new HqError('UNAUTHENTICATED', 401, 'shop token required');
  const shop = await shopByTokenHash(ctx, sha256(token));
  if (!shop) throw new HqError('UNAUTHENTICATED', 401, 'unknown shop token');
  if (shop.revoked_at) throw new HqError('TOKEN_REVOKED', 401, 'shop token revoked');
  return { id: shop.id };
}

/** Every shop request starts here: a prepared statement, no query building. */
async function shopByTokenHash(ctx: HqContext, hash: string): Promise<TokenShop | undefined> {
  const { sqlite, pool } = ctx.store;
  if (sqlite) {
    return ctx.db.connection().execute(async () => statement<TokenShop>(sqlite, 'SELECT id, revoked_at FROM hq_shops WHERE token_hash = ?').get(hash));
  }
  if (pool) {
    const r = await pool.query<TokenShop>({ name: 'hq_auth', text: 'SELECT id, revoked_at FROM hq_shops WHERE token_hash = $1', values: [hash] });
    return r.rows[0];
  }
  return ctx.db.selectFrom('hq_shops').select(['id', 'revoked_at']).where('token_hash', '=', hash).executeTakeFirst();
}
