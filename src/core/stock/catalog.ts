import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Part, PartInput, PartRow } from '../../shared/stock/schemas';
import { availability } from '../../shared/stock/availability';
import { stockValue } from '../../shared/stock/cost';
import type { Ctx } from '../api/context';
import { run, statement } from '../db/statements';
import type { PartsTable, StockBalancesTable, StockSettingsTable } from './tables';
import { storedSettings } from '../shop/settings';

/** The columns every part row carries: catalog, this shop's settings and its derived balance. */
export const PART_ROW_SQL = `
  SELECT p.id, p.sku, p.barcode, p.name_zh, p.name_en, p.category, p.models_text, p.grade, p.kind,
         p.serialized, p.warranty_days, p.list_price, p.cost, p.active, p.source, p.updated_at,
         COALESCE(b.on_hand, 0) AS on_hand, COALESCE(b.reserved, 0) AS reserved, COALESCE(b.avg_cost, 0) AS avg_cost,
         COALESCE(s.bin, '') AS bin, COALESCE(s.reorder_point, 0) AS reorder_point, COALESCE(s.reorder_qty, 0) AS reorder_qty
  FROM parts p
  LEFT JOIN stock_balances b ON b.part_id = p.id
  LEFT JOIN stock_settings s ON s.part_id = p.id`;

export type PartRowDb = Pick<
  Selectable<PartsTable>,
  'id' | 'sku' | 'barcode' | 'name_zh' | 'name_en' | 'category' | 'models_text' | 'grade' | 'kind' | 'serialized' | 'warranty_days' | 'list_price' | 'cost' | 'active' | 'source' | 'updated_at'
> &
  Pick<Selectable<StockBalancesTable>, 'on_hand' | 'reserved' | 'avg_cost'> &
  Pick<Selectable<StockSettingsTable>, 'bin' | 'reorder_point' | 'reorder_qty'>;

export function toPart(r: PartRowDb): Part {
  return {
    id: r.id,
    sku: r.sku,
    barcode: r.barcode,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    category: r.category,
    models: r.models_text ? r.models_text.split('\n') : [],
    grade: r.grade,
    kind: r.kind,
    serialized: r.serialized === 1,
    warrantyDays: r.warranty_days,
    listPrice: r.list_price,
    cost: r.cost,
    active: r.active === 1,
    source: r.source,
    updatedAt: r.updated_at,
  };
}

export function toPartRow(r: PartRowDb, matchedSerial: string | null = null): PartRow {
  return {
    ...toPart(r),
    stock: {
      ...availability(r.on_hand, r.reserved),
      avgCost: r.avg_cost,
      value: stockValue(r.on_hand, r.avg_cost),
      bin: r.bin,
      reorderPoint: r.reorder_point,
      reorderQty: r.reorder_qty,
    },
    matchedSerial,
  };
}

export function findPartRow(sqlite: Database.Database, id: string): PartRowDb | undefined {
  return statement<PartRowDb>(sqlite, `${PART_ROW_SQL} WHERE p.id = ?`).get(id);
}

export function requirePartRow(sqlite: Database.Database, id: string): PartRowDb {
  const row = findPartRow(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', { key: 'stock.errors.unknownPart', params: { ref: id }, details: { partId: id } });
  return row;
}

export function partRow(sqlite: Database.Database, id: string): PartRow {
  return toPartRow(requirePartRow(sqlite, id));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A scanned or typed code: barcode or SKU exactly, else a serial (the part it belongs to). */
export function partByCode(sqlite: Database.Database, code: string): PartRow | null {
  const byCode = statement<PartRowDb>(sqlite, `${PART_ROW_SQL} WHERE p.sku = @code OR p.id IN (SELECT id FROM parts WHERE barcode = @code AND barcode <> '') LIMIT 1`).get({ code });
  if (byCode) return toPartRow(byCode);
  const serial = statement<{ part_id: string; serial: string }>(sqlite, `SELECT part_id, serial FROM stock_serials WHERE serial = ? ORDER BY status = 'in_stock' DESC LIMIT 1`).get(code);
  if (serial) return toPartRow(requirePartRow(sqlite, serial.part_id), serial.serial);
  return null;
}

export interface SearchInput {
  q: string;
  kind?: 'part' | 'loaner';
  category?: string;
  inStockOnly: boolean;
  limit: number;
}

/** Catalog search: exact code/serial hits first, then SKU prefix, names and compatible models. */
export function searchParts(sqlite: Database.Database, input: SearchInput): PartRow[] {
  const q = input.q.trim();
  const exact = q ? partByCode(sqlite, q) : null;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q) {
    params.prefix = `${likeEscape(q)}%`;
    params.infix = `%${likeEscape(q)}%`;
    where.push(`(p.sku LIKE @prefix ESCAPE '\\' OR p.name_zh LIKE @infix ESCAPE '\\' OR p.name_en LIKE @infix ESCAPE '\\' OR p.models_text LIKE @infix ESCAPE '\\')`);
  }
  if (input.kind) {
    where.push(`p.kind = @kind`);
    params.kind = input.kind;
  }
  if (input.category) {
    where.push(`p.category = @category`);
    params.category = input.category;
  }
  if (input.inStockOnly) where.push(`COALESCE(b.on_hand, 0) > 0`);
  params.limit = input.limit;
  const sql = `${PART_ROW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.active DESC, p.sku LIMIT @limit`;
  const rows = statement<PartRowDb>(sqlite, sql).all(params).map((r) => toPartRow(r));
  if (!exact) return rows;
  if (input.kind && exact.kind !== input.kind) return rows;
  return [exact, ...rows.filter((r) => r.id !== exact.id)].slice(0, input.limit);
}

/** Head office owns the catalog once the shop is enrolled (a shop setting the sync capability sets). */
export function shopEnrolled(sqlite: Database.Database): boolean {
  return storedSettings(sqlite)?.enrolled === true;
}

export function assertCatalogEditable(sqlite: Database.Database): void {
  if (shopEnrolled(sqlite)) throw new AppError('RULE', { key: 'stock.errors.catalogOwnedByHq' });
}

/**
 * Inserts or updates one catalog part (found by id, else by SKU). A part head office published
 * stays as published. Returns whether it was created.
 */
export function upsertPart(ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso'>, part: PartInput, id?: string): { id: string; created: boolean } {
  const { sqlite } = ctx;
  const now = ctx.nowIso();
  const existing = id
    ? statement<{ id: string; source: string }>(sqlite, `SELECT id, source FROM parts WHERE id = ?`).get(id)
    : statement<{ id: string; source: string }>(sqlite, `SELECT id, source FROM parts WHERE sku = ?`).get(part.sku);
  if (id && !existing) throw new AppError('NOT_FOUND', { key: 'stock.errors.unknownPart', params: { ref: id } });
  if (existing?.source === 'hq') throw new AppError('RULE', { key: 'stock.errors.partFromHq' });
  const clash = statement<{ id: string }>(sqlite, `SELECT id FROM parts WHERE sku = ? AND id <> ?`).get(part.sku, existing?.id ?? '');
  if (clash) throw new AppError('CONFLICT', { key: 'stock.errors.skuTaken', params: { sku: part.sku }, fields: [{ path: 'part.sku', key: 'stock.errors.skuTaken', params: { sku: part.sku } }] });
  if (existing) {
    // Serial tracking cannot switch on or off while units are on hand: their serials would be missing or orphaned.
    const cur = statement<{ serialized: number; on_hand: number }>(sqlite, `SELECT p.serialized, COALESCE(b.on_hand, 0) AS on_hand FROM parts p LEFT JOIN stock_balances b ON b.part_id = p.id WHERE p.id = ?`).get(existing.id)!;
    if (cur.serialized !== (part.serialized ? 1 : 0) && cur.on_hand !== 0) throw new AppError('RULE', { key: 'stock.errors.serializedWithStock', params: { sku: part.sku, onHand: cur.on_hand } });
  }
  const values = {
    sku: part.sku,
    barcode: part.barcode,
    name_zh: part.nameZh,
    name_en: part.nameEn,
    category: part.category,
    models_text: [...new Set(part.models)].join('\n'),
    grade: part.grade,
    kind: part.kind,
    serialized: part.serialized ? 1 : 0,
    warranty_days: part.warrantyDays,
    list_price: part.listPrice,
    cost: part.cost,
    active: part.active ? 1 : 0,
    now,
  };
  if (existing) {
    run(
      sqlite,
      `UPDATE parts SET sku = @sku, barcode = @barcode, name_zh = @name_zh, name_en = @name_en, category = @category, models_text = @models_text,
         grade = @grade, kind = @kind, serialized = @serialized, warranty_days = @warranty_days, list_price = @list_price, cost = @cost,
         active = @active, updated_at = @now WHERE id = @id`,
      { ...values, id: existing.id },
    );
    return { id: existing.id, created: false };
  }
  const newId = ctx.newId();
  run(
    sqlite,
    `INSERT INTO parts (id, sku, barcode, name_zh, name_en, category, models_text, grade, kind, serialized, warranty_days, list_price, cost, active, source, created_at, updated_at)
     VALUES (@id, @sku, @barcode, @name_zh, @name_en, @category, @models_text, @grade, @kind, @serialized, @warranty_days, @list_price, @cost, @active, 'local', @now, @now)`,
    { ...values, id: newId },
  );
  return { id: newId, created: true };
}
