import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Stocktake, StocktakeLine } from '../../shared/stock/schemas';
import { variance } from '../../shared/stock/stocktake';
import { localDate } from '../../shared/time/local-date';
import { partByCode } from './catalog';
import { postMovement, type StockCtx } from './ledger';
import { run, statement } from '../db/statements';
import type { PartsTable, StocktakeLinesTable, StocktakesTable } from './tables';
import { DEFAULT_TIME_ZONE, shopTimeZone } from '../shop/settings';

/**
 * Stocktake (盘点): starting freezes each part's expected count and average cost; counts are
 * recorded against that snapshot (a scan adds one, a typed figure sets it); a manager's
 * approval posts each counted variance once as a `stocktake` movement (a unique index on
 * (kind, stocktake, part) makes a second posting impossible, not merely unlikely).
 */

type StocktakeRowDb = Selectable<StocktakesTable> & { created_name: string | null; posted_name: string | null };

const ST_SQL = `SELECT s.*, cu.display_name AS created_name, pu.display_name AS posted_name
  FROM stocktakes s LEFT JOIN users cu ON cu.id = s.created_by LEFT JOIN users pu ON pu.id = s.posted_by`;

export function getStocktake(sqlite: Database.Database, id: string): Stocktake {
  const r = statement<StocktakeRowDb>(sqlite, `${ST_SQL} WHERE s.id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND');
  const t = statement<{ lines: number; counted: number; short_qty: number; over_qty: number; value: number }>(sqlite, `SELECT count(*) AS lines, count(counted) AS counted,
            COALESCE(SUM(CASE WHEN counted < expected THEN expected - counted ELSE 0 END), 0) AS short_qty,
            COALESCE(SUM(CASE WHEN counted > expected THEN counted - expected ELSE 0 END), 0) AS over_qty,
            COALESCE(SUM(CASE WHEN counted IS NULL THEN 0 ELSE (counted - expected) * unit_cost END), 0) AS value
     FROM stocktake_lines WHERE stocktake_id = ?`).get(id)!;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    bins: r.bins_json ? (JSON.parse(r.bins_json) as string[]) : null,
    note: r.note,
    createdAt: r.created_at,
    createdByName: r.created_name,
    postedAt: r.posted_at,
    postedByName: r.posted_name,
    totals: { lines: t.lines, counted: t.counted, uncounted: t.lines - t.counted, shortQty: t.short_qty, overQty: t.over_qty, value: t.value },
  };
}

export function listStocktakes(sqlite: Database.Database, limit: number): Stocktake[] {
  return statement<{ id: string }>(sqlite, `SELECT id FROM stocktakes ORDER BY created_at DESC LIMIT ?`).all(limit).map((r) => getStocktake(sqlite, r.id));
}

function shopZone(sqlite: Database.Database): string {
  return shopTimeZone(sqlite) ?? DEFAULT_TIME_ZONE;
}

/** Opens a session over the given bins (all parts with stock or a bin when none are given). */
export function startStocktake(ctx: StockCtx, input: { bins?: string[]; note: string }): Stocktake {
  const { sqlite } = ctx;
  const id = ctx.newId();
  const now = ctx.nowIso();
  const day = localDate(new Date(now), shopZone(sqlite)).replace(/-/g, '').slice(2);
  const seq = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM stocktakes WHERE number LIKE ?`).get(`PD${day}-%`)!.n + 1;
  const bins = input.bins && input.bins.length ? [...new Set(input.bins)] : null;
  run(
    sqlite,
    `INSERT INTO stocktakes (id, number, status, bins_json, note, created_at, created_by) VALUES (?, ?, 'counting', ?, ?, ?, ?)`,
    id,
    `PD${day}-${String(seq).padStart(2, '0')}`,
    bins ? JSON.stringify(bins) : null,
    input.note,
    now,
    ctx.session?.userId ?? null,
  );
  const parts = bins
    ? statement<{ part_id: string; bin: string; on_hand: number; avg_cost: number }>(sqlite, `SELECT s.part_id, s.bin, COALESCE(b.on_hand, 0) AS on_hand, COALESCE(b.avg_cost, 0) AS avg_cost
         FROM stock_settings s LEFT JOIN stock_balances b ON b.part_id = s.part_id
         WHERE s.bin IN (SELECT value FROM json_each(?))`).all(JSON.stringify(bins))
    : statement<{ part_id: string; bin: string; on_hand: number; avg_cost: number }>(sqlite, `SELECT p.id AS part_id, COALESCE(s.bin, '') AS bin, COALESCE(b.on_hand, 0) AS on_hand, COALESCE(b.avg_cost, 0) AS avg_cost
         FROM parts p LEFT JOIN stock_balances b ON b.part_id = p.id LEFT JOIN stock_settings s ON s.part_id = p.id
         WHERE COALESCE(b.on_hand, 0) <> 0 OR COALESCE(s.bin, '') <> ''`).all();
  for (const p of parts) {
    run(
      sqlite,
      `INSERT INTO stocktake_lines (id, stocktake_id, part_id, bin, expected, unit_cost) VALUES (?, ?, ?, ?, ?, ?)`,
      ctx.newId(),
      id,
      p.part_id,
      p.bin,
      p.on_hand,
      p.avg_cost,
    );
  }
  return getStocktake(sqlite, id);
}

type LineRowDb = Pick<Selectable<StocktakeLinesTable>, 'part_id' | 'bin' | 'expected' | 'counted' | 'unit_cost' | 'counted_at'> &
  Pick<Selectable<PartsTable>, 'sku' | 'name_zh' | 'name_en'>;

const LINE_SQL = `SELECT l.part_id, p.sku, p.name_zh, p.name_en, l.bin, l.expected, l.counted, l.unit_cost, l.counted_at
  FROM stocktake_lines l JOIN parts p ON p.id = l.part_id`;

function toLine(r: LineRowDb): StocktakeLine {
  const v = variance({ expected: r.expected, counted: r.counted, unitCost: r.unit_cost });
  return {
    partId: r.part_id,
    sku: r.sku,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    bin: r.bin,
    expected: r.expected,
    counted: r.counted,
    unitCost: r.unit_cost,
    varianceQty: v.qty,
    varianceValue: v.value,
    countedAt: r.counted_at,
  };
}

export function stocktakeLines(sqlite: Database.Database, id: string, opts: { bin?: string; onlyVariances: boolean }): { lines: StocktakeLine[]; bins: string[] } {
  const rows =
    opts.bin !== undefined
      ? statement<LineRowDb>(sqlite, `${LINE_SQL} WHERE l.stocktake_id = ? AND l.bin = ? ORDER BY p.sku`).all(id, opts.bin)
      : statement<LineRowDb>(sqlite, `${LINE_SQL} WHERE l.stocktake_id = ? ORDER BY l.bin, p.sku`).all(id);
  const lines = rows.map(toLine).filter((l) => !opts.onlyVariances || l.varianceQty !== 0);
  const bins = statement<{ bin: string }>(sqlite, `SELECT DISTINCT bin FROM stocktake_lines WHERE stocktake_id = ? ORDER BY bin`).all(id).map((r) => r.bin);
  return { lines, bins };
}

function requireCounting(sqlite: Database.Database, id: string): Stocktake {
  const st = getStocktake(sqlite, id);
  if (st.status !== 'counting') throw new AppError('RULE', { key: 'stock.errors.stocktakeClosed', params: { status: st.status } });
  return st;
}

export function countStocktake(ctx: StockCtx, input: { stocktakeId: string; partId?: string; code?: string; mode: 'add' | 'set'; qty: number }): StocktakeLine {
  const { sqlite } = ctx;
  requireCounting(sqlite, input.stocktakeId);
  let partId = input.partId;
  if (!partId) {
    const hit = partByCode(sqlite, input.code!);
    if (!hit) throw new AppError('NOT_FOUND', { key: 'stock.errors.unknownCode', params: { code: input.code! } });
    partId = hit.id;
  }
  const line = statement<{ id: string; counted: number | null }>(sqlite, `SELECT id, counted FROM stocktake_lines WHERE stocktake_id = ? AND part_id = ?`).get(input.stocktakeId, partId);
  if (!line) {
    const sku = statement<{ sku: string }>(sqlite, `SELECT sku FROM parts WHERE id = ?`).get(partId)?.sku ?? partId;
    throw new AppError('RULE', { key: 'stock.errors.notInStocktake', params: { sku } });
  }
  const counted = input.mode === 'add' ? (line.counted ?? 0) + input.qty : input.qty;
  run(sqlite, `UPDATE stocktake_lines SET counted = ?, counted_at = ?, counted_by = ? WHERE id = ?`, counted, ctx.nowIso(), ctx.session?.userId ?? null, line.id);
  return toLine(statement<LineRowDb>(sqlite, `${LINE_SQL} WHERE l.id = ?`).get(line.id)!);
}

/**
 * Posts the counted variances. A serialized part's variance is not posted here: which units
 * are missing or found must be named, so it stays for an adjustment with serials.
 */
export async function postStocktake(ctx: StockCtx, id: string): Promise<{ stocktake: Stocktake; posted: number; skippedSerialized: number }> {
  const { sqlite } = ctx;
  const st = requireCounting(sqlite, id);
  const rows = statement<{ part_id: string; expected: number; counted: number; unit_cost: number; serialized: number }>(sqlite, `SELECT l.part_id, l.expected, l.counted, l.unit_cost, p.serialized FROM stocktake_lines l JOIN parts p ON p.id = l.part_id
     WHERE l.stocktake_id = ? AND l.counted IS NOT NULL AND l.counted <> l.expected`).all(id);
  let posted = 0;
  let skippedSerialized = 0;
  for (const r of rows) {
    if (r.serialized === 1) {
      skippedSerialized++;
      continue;
    }
    postMovement(ctx, { partId: r.part_id, kind: 'stocktake', qty: r.counted - r.expected, refId: id, reason: st.number });
    posted++;
  }
  run(sqlite, `UPDATE stocktakes SET status = 'posted', posted_at = ?, posted_by = ? WHERE id = ?`, ctx.nowIso(), ctx.session?.userId ?? null, id);
  await ctx.audit('stock.stocktakePosted', 'stocktake', id, { number: st.number, posted, skippedSerialized, value: st.totals.value });
  return { stocktake: getStocktake(sqlite, id), posted, skippedSerialized };
}

export function cancelStocktake(ctx: StockCtx, id: string): Stocktake {
  requireCounting(ctx.sqlite, id);
  run(ctx.sqlite, `UPDATE stocktakes SET status = 'cancelled', posted_at = ?, posted_by = ? WHERE id = ?`, ctx.nowIso(), ctx.session?.userId ?? null, id);
  return getStocktake(ctx.sqlite, id);
}
