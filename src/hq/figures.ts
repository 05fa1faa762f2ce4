/** Figures (the reports issue extends these): row counts per table, per shop and for all shops. */
import { sql } from 'kysely';
import type { HqContext } from './context';
import { findShop, listShops } from './shops';

export async function figures(ctx: HqContext, shopId?: string) {
  let q = ctx.db
    .selectFrom('hq_rows')
    .select(['shop_id', 'table_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted', '=', 0)
    .groupBy(['shop_id', 'table_name']);
  if (shopId) q = q.where('shop_id', '=', (await findShop(ctx, shopId)).id);
  const counts = await q.execute();
  const claimed =
    ctx.store.dialect === 'postgres'
      ? sql<boolean>`(data::jsonb ->> 'warranty_claimed') = '1'`
      : sql<boolean>`json_extract(data, '$.warranty_claimed') = 1`;
  let cq = ctx.db
    .selectFrom('hq_rows')
    .select(['shop_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('table_name', '=', 'tickets')
    .where('deleted', '=', 0)
    .where(claimed)
    .groupBy('shop_id');
  if (shopId) cq = cq.where('shop_id', '=', (await findShop(ctx, shopId)).id);
  const claims = new Map((await cq.execute()).map((r) => [r.shop_id, Number(r.n)]));
  const shops = (await listShops(ctx)).filter((s) => !shopId || s.id === shopId || s.code === shopId);
  const per = shops.map((s) => {
    const tables: Record<string, number> = {};
    for (const c of counts) if (c.shop_id === s.id) tables[c.table_name] = Number(c.n);
    return {
      shopId: s.id,
      code: s.code,
      name: s.name,
      lastSeq: s.lastSeq,
      lastPushAt: s.lastPushAt,
      tickets: tables.tickets ?? 0,
      claims: claims.get(s.id) ?? 0,
      stockMovements: tables.stock_movements ?? 0,
      tables,
    };
  });
  const total = { tickets: 0, claims: 0, stockMovements: 0, tables: {} as Record<string, number> };
  for (const p of per) {
    total.tickets += p.tickets;
    total.claims += p.claims;
    total.stockMovements += p.stockMovements;
    for (const [t, n] of Object.entries(p.tables)) total.tables[t] = (total.tables[t] ?? 0) + n;
  }
  return { generatedAt: ctx.nowIso(), shops: per, total };
}

/** Every live row head office holds for a shop, keyed `table/id` (tests compare it with the shop). */
export async function dumpShop(ctx: HqContext, shopId: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await ctx.db.selectFrom('hq_rows').select(['table_name', 'row_id', 'data']).where('shop_id', '=', shopId).where('deleted', '=', 0).execute();
  return new Map(rows.map((r) => [`${r.table_name}/${r.row_id}`, JSON.parse(r.data!) as Record<string, unknown>]));
}
