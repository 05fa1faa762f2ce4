/** Shops as head office's admin sees them: create, a new one-time enrollment code, revoke, list. */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { HqContext } from './context';
import type { HqDB } from './db';
import { HqError } from './errors';
import { sha256 } from './hash';
import { normalizeEnrollmentCode } from '../shared/sync/protocol';
import { shopCodeSchema } from '../shared/shop/schemas';

export interface ShopSummary {
  id: string;
  code: string;
  name: string;
  enrolled: boolean;
  revoked: boolean;
  lastSeq: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastSeenAt: string | null;
  schemaVersion: number | null;
  appVersion: string | null;
  createdAt: string;
  /** The shop's region in the network's figures (null: none set). */
  region: string | null;
}

export type ShopRow = HqDB['hq_shops'];

export interface NewCode {
  shop: ShopSummary;
  enrollmentCode: string;
  expiresAt: string;
}

const CODE_TTL_MS = 7 * 24 * 3600_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function enrollmentCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export async function createShop(ctx: HqContext, input: { code: string; name: string }): Promise<NewCode> {
  const parsed = z.object({ code: shopCodeSchema, name: z.string().trim().min(1).max(80) }).strict().safeParse(input);
  if (!parsed.success) throw new HqError('MALFORMED', 400, 'invalid shop', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const existing = await ctx.db.selectFrom('hq_shops').select('id').where('code', '=', parsed.data.code).executeTakeFirst();
  if (existing) throw new HqError('MALFORMED', 409, `shop code ${parsed.data.code} exists`, { reason: 'code taken' });
  const id = crypto.randomUUID();
  const code = enrollmentCode();
  const expiresAt = new Date(ctx.now().getTime() + CODE_TTL_MS).toISOString();
  await ctx.db
    .insertInto('hq_shops')
    .values({
      id,
      code: parsed.data.code,
      name: parsed.data.name,
      shop_uid: null,
      token_hash: null,
      revoked_at: null,
      enroll_code_hash: sha256(normalizeEnrollmentCode(code)),
      enroll_expires_at: expiresAt,
      enroll_used_at: null,
      enroll_rebased: 0,
      enrolled_at: null,
      created_at: ctx.nowIso(),
      last_seq: 0,
      high_version: 0,
      last_push_at: null,
      last_pull_at: null,
      last_seen_at: null,
      schema_version: null,
      app_version: null,
    })
    .execute();
  return { shop: (await shopSummary(ctx, id))!, enrollmentCode: code, expiresAt };
}

/** A fresh one-time code for a shop (re-enrollment after a revocation or a new PC). */
export async function newEnrollmentCode(ctx: HqContext, idOrCode: string): Promise<NewCode> {
  const shop = await findShop(ctx, idOrCode);
  const code = enrollmentCode();
  const expiresAt = new Date(ctx.now().getTime() + CODE_TTL_MS).toISOString();
  await ctx.db
    .updateTable('hq_shops')
    .set({ enroll_code_hash: sha256(normalizeEnrollmentCode(code)), enroll_expires_at: expiresAt, enroll_used_at: null })
    .where('id', '=', shop.id)
    .execute();
  return { shop: (await shopSummary(ctx, shop.id))!, enrollmentCode: code, expiresAt };
}

export async function revoke(ctx: HqContext, idOrCode: string): Promise<ShopSummary> {
  const shop = await findShop(ctx, idOrCode);
  await ctx.db.updateTable('hq_shops').set({ revoked_at: ctx.nowIso(), enroll_code_hash: null }).where('id', '=', shop.id).execute();
  return (await shopSummary(ctx, shop.id))!;
}

export async function findShop(ctx: HqContext, idOrCode: string): Promise<ShopRow> {
  const shop = await ctx.db
    .selectFrom('hq_shops')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  if (!shop) throw new HqError('NOT_FOUND', 404, `no shop ${idOrCode}`);
  return shop;
}

export async function shopSummary(ctx: HqContext, id: string): Promise<ShopSummary | null> {
  const r = await ctx.db.selectFrom('hq_shops').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? summary(r) : null;
}

export async function listShops(ctx: HqContext): Promise<ShopSummary[]> {
  const rows = await ctx.db.selectFrom('hq_shops').selectAll().orderBy('code').execute();
  return rows.map(summary);
}

function summary(r: ShopRow): ShopSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    enrolled: !!r.token_hash && !r.revoked_at,
    revoked: !!r.revoked_at,
    lastSeq: Number(r.last_seq),
    lastPushAt: r.last_push_at,
    lastPullAt: r.last_pull_at,
    lastSeenAt: r.last_seen_at,
    schemaVersion: r.schema_version,
    appVersion: r.app_version,
    createdAt: r.created_at,
    region: r.region ?? null,
  };
}
