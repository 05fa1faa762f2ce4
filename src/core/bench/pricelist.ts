/**
 * The price list: labor items and fees (the diagnosis fee among them) as data. Head office owns
 * it once the shop is enrolled (pulled kind 'price_list.item'); until then an admin edits it here.
 */
import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { PriceItem, PriceItemInput } from '../../shared/bench/schemas';
import type { Ctx } from '../api/context';
import { exists, prepared, statement } from '../db/statements';
import { starterPriceItems } from '../../shared/bench/starter-prices';
import type { DeviceCategory } from '../../shared/devices/categories';
import { shopSettings } from '../shop/settings';
import type { PriceListItemsTable } from './tables';

export type PriceRowDb = Selectable<PriceListItemsTable>;

export const toPriceItem = (r: PriceRowDb): PriceItem => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  category: r.category,
  priceFen: r.price_fen,
  diagnosisFee: r.diagnosis_fee === 1,
  active: r.active === 1,
  source: r.source,
  updatedAt: r.updated_at,
});

/** The stored row of a price item, whether edited here or pulled from head office. */
export function toPriceRow(id: string, input: PriceItemInput, by: { source: PriceRowDb['source']; updatedAt: string; updatedBy: string | null }): PriceRowDb {
  return {
    id,
    code: input.code,
    kind: input.kind,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    category: input.category,
    price_fen: input.priceFen,
    diagnosis_fee: input.diagnosisFee ? 1 : 0,
    active: input.active ? 1 : 0,
    source: by.source,
    updated_at: by.updatedAt,
    updated_by: by.updatedBy,
  };
}

export function priceRow(sqlite: Database.Database, id: string): PriceRowDb | undefined {
  return statement<PriceRowDb>(sqlite, `SELECT * FROM price_list_items WHERE id = ?`).get(id);
}

export function listPriceItems(sqlite: Database.Database, opts: { category?: string; includeInactive?: boolean } = {}): PriceItem[] {
  const rows = statement<PriceRowDb>(sqlite, `SELECT * FROM price_list_items WHERE (? IS NULL OR category = '' OR category = ?) AND (? = 1 OR active = 1) ORDER BY kind DESC, category, code`).all(opts.category ?? null, opts.category ?? null, opts.includeInactive ? 1 : 0);
  return rows.map(toPriceItem);
}

/** The diagnosis fee (检测费) for a category: its own item first, else the all-category one; 0 when the list has none. */
export function diagnosisFeeFor(sqlite: Database.Database, category: string): { fen: number; itemId: string | null } {
  const r = statement<{ id: string; price_fen: number }>(
    sqlite,
    `SELECT id, price_fen FROM price_list_items WHERE diagnosis_fee = 1 AND active = 1 AND (category = ? OR category = '') ORDER BY category = '' LIMIT 1`,
  ).get(category);
  return { fen: r?.price_fen ?? 0, itemId: r?.id ?? null };
}

/** Saves an item (admin, not enrolled); codes are unique; one diagnosis fee per category. */
export async function savePriceItem(ctx: Ctx, input: PriceItemInput, source: 'local' | 'hq' = 'local'): Promise<PriceItem> {
  if (source === 'local' && shopSettings(ctx).enrolled) throw new AppError('RULE', { key: 'bench.error.priceListOwnedByHq' });
  const existing = input.id ? priceRow(ctx.sqlite, input.id) : undefined;
  if (input.id && !existing) throw new AppError('NOT_FOUND', { details: { entity: 'price_list_item', id: input.id } });
  if (existing?.source === 'hq' && source === 'local') throw new AppError('RULE', { key: 'bench.error.priceListOwnedByHq' });
  const clash = statement<{ id: string }>(ctx.sqlite, `SELECT id FROM price_list_items WHERE code = ?`).get(input.code);
  if (clash && clash.id !== input.id) throw fieldError('code', 'bench.validation.codeTaken', { code: input.code });
  if (input.diagnosisFee) {
    if (input.kind !== 'fee') throw fieldError('diagnosisFee', 'bench.validation.diagnosisFeeIsFee');
    const other = statement<{ code: string }>(ctx.sqlite, `SELECT code FROM price_list_items WHERE diagnosis_fee = 1 AND active = 1 AND category = ? AND id <> ?`).get(input.category, input.id ?? '');
    if (other && input.active) throw fieldError('diagnosisFee', 'bench.validation.diagnosisFeeTaken', { code: other.code });
  }
  const id = input.id ?? ctx.newId();
  const row = toPriceRow(id, input, { source, updatedAt: ctx.nowIso(), updatedBy: ctx.session?.userId ?? null });
  prepared(
    ctx.sqlite,
    `INSERT INTO price_list_items (id, code, kind, name_zh, name_en, category, price_fen, diagnosis_fee, active, source, updated_at, updated_by)
     VALUES (@id, @code, @kind, @name_zh, @name_en, @category, @price_fen, @diagnosis_fee, @active, @source, @updated_at, @updated_by)
     ON CONFLICT(id) DO UPDATE SET code = @code, kind = @kind, name_zh = @name_zh, name_en = @name_en, category = @category, price_fen = @price_fen,
       diagnosis_fee = @diagnosis_fee, active = @active, source = @source, updated_at = @updated_at, updated_by = @updated_by`,
  ).run(row);
  if (source === 'local') await ctx.audit(existing ? 'priceList.update' : 'priceList.create', 'price_list_item', id, { code: input.code, priceFen: input.priceFen });
  return toPriceItem(priceRow(ctx.sqlite, id)!);
}

/**
 * The starter list of the categories a shop repairs, added in one write: an item whose code the
 * shop already has is left as the manager set it (the starter never overwrites a price), and a
 * diagnosis fee is added only where the shop has none.
 */
export async function addStarterPriceList(ctx: Ctx, categories: readonly DeviceCategory[]): Promise<{ created: number; items: PriceItem[] }> {
  let created = 0;
  for (const item of starterPriceItems(categories)) {
    if (statement<{ id: string }>(ctx.sqlite, `SELECT id FROM price_list_items WHERE code = ?`).get(item.code)) continue;
    if (item.diagnosisFee && exists(ctx.sqlite, `SELECT 1 FROM price_list_items WHERE diagnosis_fee = 1 AND active = 1 AND category = ?`, item.category)) continue;
    await savePriceItem(ctx, item);
    created++;
  }
  return { created, items: listPriceItems(ctx.sqlite, { includeInactive: true }) };
}
