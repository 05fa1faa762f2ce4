/** The shops section of the console: the whole network at a glance, and create, new code, revoke (audited). */
import type { HqContext } from '../context';
import { createShop, findShop, newEnrollmentCode, revoke } from '../shops';
import { audit, type Actor } from './audit';
import { shopStatus } from './network-status';
import type { NewShopCode, ShopStatus } from '../../shared/hq-console/contract';

/** Every shop with what head office has published for it and it has not pulled yet (one query). */
export async function networkStatus(ctx: HqContext, onlyId?: string): Promise<ShopStatus[]> {
  let q = ctx.db
    .selectFrom('hq_shops as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('hq_items as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.change_no', '>', eb.fn.coalesce('s.pull_cursor', eb.lit(0)))
        .where((w) => w.or([w('i.scope', '=', '*'), w('i.scope', '=', w.ref('s.id'))]))
        .as('pending'),
    )
    .orderBy('s.code');
  if (onlyId) q = q.where('s.id', '=', onlyId);
  const rows = await q.execute();
  const now = ctx.now();
  return rows.map(({ pending, ...r }) => shopStatus(r, Number(pending ?? 0), now));
}

async function statusOf(ctx: HqContext, id: string): Promise<ShopStatus> {
  return (await networkStatus(ctx, id))[0]!;
}

export async function consoleCreateShop(ctx: HqContext, actor: Actor, input: { code: string; name: string }): Promise<NewShopCode> {
  const r = await createShop(ctx, input);
  await audit(ctx, actor, 'shop.create', r.shop.code, { name: r.shop.name });
  return { shop: await statusOf(ctx, r.shop.id), enrollmentCode: r.enrollmentCode, expiresAt: r.expiresAt };
}

export async function consoleEnrollmentCode(ctx: HqContext, actor: Actor, shopId: string): Promise<NewShopCode> {
  const shop = await findShop(ctx, shopId);
  const r = await newEnrollmentCode(ctx, shop.id);
  await audit(ctx, actor, 'shop.enrollmentCode', shop.code, { reEnrollment: !!shop.token_hash });
  return { shop: await statusOf(ctx, shop.id), enrollmentCode: r.enrollmentCode, expiresAt: r.expiresAt };
}

export async function consoleRevoke(ctx: HqContext, actor: Actor, shopId: string): Promise<ShopStatus> {
  const shop = await findShop(ctx, shopId);
  await revoke(ctx, shop.id);
  await audit(ctx, actor, 'shop.revoke', shop.code);
  return statusOf(ctx, shop.id);
}

/** A shop's region for the figures' breakdown (empty clears it); audited with the old value. */
export async function consoleSetRegion(ctx: HqContext, actor: Actor, input: { shopId: string; region: string | null }): Promise<ShopStatus> {
  const shop = await findShop(ctx, input.shopId);
  const region = input.region && input.region.trim() ? input.region.trim() : null;
  await ctx.db.updateTable('hq_shops').set({ region }).where('id', '=', shop.id).execute();
  await audit(ctx, actor, 'shop.region', shop.code, { from: shop.region ?? null, to: region });
  return statusOf(ctx, shop.id);
}
