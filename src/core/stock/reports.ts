import type Database from 'better-sqlite3';
import type { BalanceCheck, ReorderRow, Valuation } from '../../shared/stock/schemas';
import { reorderSuggestion } from '../../shared/stock/reorder';
import { statement } from '../db/statements';

/** Parts at or below their reorder point, or reserved beyond stock (a ticket is waiting). */
export function reorderList(sqlite: Database.Database, limit: number): ReorderRow[] {
  const rows = statement<{
    part_id: string;
    sku: string;
    name_zh: string;
    name_en: string;
    bin: string;
    on_hand: number;
    reserved: number;
    avg_cost: number;
    reorder_point: number;
    reorder_qty: number;
    waiting: number;
  }>(sqlite, `SELECT p.id AS part_id, p.sku, p.name_zh, p.name_en, COALESCE(s.bin, '') AS bin,
            COALESCE(b.on_hand, 0) AS on_hand, COALESCE(b.reserved, 0) AS reserved, COALESCE(b.avg_cost, 0) AS avg_cost,
            COALESCE(s.reorder_point, 0) AS reorder_point, COALESCE(s.reorder_qty, 0) AS reorder_qty,
            CASE WHEN COALESCE(b.reserved, 0) > COALESCE(b.on_hand, 0)
                 THEN (SELECT count(DISTINCT r.ticket_id) FROM stock_reservations r WHERE r.part_id = p.id AND r.status = 'open') ELSE 0 END AS waiting
     FROM parts p
     LEFT JOIN stock_settings s ON s.part_id = p.id
     LEFT JOIN stock_balances b ON b.part_id = p.id
     WHERE p.active = 1 AND p.kind = 'part'
       AND ((s.reorder_point > 0 AND COALESCE(b.on_hand, 0) - COALESCE(b.reserved, 0) <= s.reorder_point)
            OR COALESCE(b.reserved, 0) > COALESCE(b.on_hand, 0))
     ORDER BY (COALESCE(b.reserved, 0) > COALESCE(b.on_hand, 0)) DESC, COALESCE(b.on_hand, 0) - COALESCE(b.reserved, 0) - COALESCE(s.reorder_point, 0), p.sku
     LIMIT ?`).all(limit);
  return rows.map((r) => {
    const available = r.on_hand - r.reserved;
    return {
      partId: r.part_id,
      sku: r.sku,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      bin: r.bin,
      onHand: r.on_hand,
      reserved: r.reserved,
      available,
      reorderPoint: r.reorder_point,
      reorderQty: r.reorder_qty,
      suggested: reorderSuggestion(available, r.reorder_point, r.reorder_qty),
      avgCost: r.avg_cost,
      waitingTickets: r.waiting,
    };
  });
}

/** Stock value at moving-average cost, from the derived balances (one pass over the SKUs). */
export function valuation(sqlite: Database.Database, limit: number): Valuation {
  const byCategory = statement<{ category: string; skus: number; units: number; value: number }>(sqlite, `SELECT p.category, count(*) AS skus, SUM(b.on_hand) AS units, SUM(b.on_hand * b.avg_cost) AS value
     FROM stock_balances b JOIN parts p ON p.id = b.part_id WHERE b.on_hand > 0 GROUP BY p.category ORDER BY value DESC`).all();
  const rows = statement<{ part_id: string; sku: string; name_zh: string; name_en: string; category: string; on_hand: number; avg_cost: number; value: number }>(sqlite, `SELECT b.part_id, p.sku, p.name_zh, p.name_en, p.category, b.on_hand, b.avg_cost, b.on_hand * b.avg_cost AS value
     FROM stock_balances b JOIN parts p ON p.id = b.part_id WHERE b.on_hand > 0 ORDER BY value DESC, p.sku LIMIT ?`).all(limit);
  const totals = byCategory.reduce((t, c) => ({ skus: t.skus + c.skus, units: t.units + c.units, value: t.value + c.value }), { skus: 0, units: 0, value: 0 });
  return {
    totals,
    byCategory,
    rows: rows.map((r) => ({ partId: r.part_id, sku: r.sku, nameZh: r.name_zh, nameEn: r.name_en, category: r.category, onHand: r.on_hand, avgCost: r.avg_cost, value: r.value })),
    truncated: totals.skus > rows.length,
  };
}

/**
 * Proves the derived figures equal the ledger: on-hand = sum of movements, average cost = the
 * last movement's, reserved = open reservations, and a serialized part's on-hand = its serials in stock.
 */
export function checkBalances(sqlite: Database.Database): BalanceCheck {
  type Mis = BalanceCheck['mismatches'][number];
  const mismatches: Mis[] = [];
  const onHand = statement<{ part_id: string; sku: string; ledger: number; balance: number; ledger_avg: number; balance_avg: number }>(sqlite, `WITH l AS (SELECT part_id, SUM(qty) AS q, MAX(n) AS last FROM stock_movements GROUP BY part_id)
     SELECT p.id AS part_id, p.sku, COALESCE(l.q, 0) AS ledger, COALESCE(b.on_hand, 0) AS balance,
            COALESCE((SELECT m.avg_cost_after FROM stock_movements m WHERE m.n = l.last), 0) AS ledger_avg, COALESCE(b.avg_cost, 0) AS balance_avg
     FROM parts p LEFT JOIN l ON l.part_id = p.id LEFT JOIN stock_balances b ON b.part_id = p.id
     WHERE COALESCE(l.q, 0) <> COALESCE(b.on_hand, 0)
        OR (l.last IS NOT NULL AND (SELECT m.avg_cost_after FROM stock_movements m WHERE m.n = l.last) <> COALESCE(b.avg_cost, 0))`).all();
  for (const r of onHand) {
    if (r.ledger !== r.balance) mismatches.push({ partId: r.part_id, sku: r.sku, field: 'onHand', ledger: r.ledger, balance: r.balance });
    if (r.ledger_avg !== r.balance_avg) mismatches.push({ partId: r.part_id, sku: r.sku, field: 'avgCost', ledger: r.ledger_avg, balance: r.balance_avg });
  }
  const reserved = statement<{ part_id: string; sku: string; ledger: number; balance: number }>(sqlite, `WITH r AS (SELECT part_id, SUM(qty - issued_qty) AS q FROM stock_reservations WHERE status = 'open' GROUP BY part_id)
     SELECT p.id AS part_id, p.sku, COALESCE(r.q, 0) AS ledger, COALESCE(b.reserved, 0) AS balance
     FROM parts p LEFT JOIN r ON r.part_id = p.id LEFT JOIN stock_balances b ON b.part_id = p.id
     WHERE COALESCE(r.q, 0) <> COALESCE(b.reserved, 0)`).all();
  for (const r of reserved) mismatches.push({ partId: r.part_id, sku: r.sku, field: 'reserved', ledger: r.ledger, balance: r.balance });
  const serials = statement<{ part_id: string; sku: string; ledger: number; balance: number }>(sqlite, `WITH s AS (SELECT part_id, count(*) AS q FROM stock_serials WHERE status = 'in_stock' GROUP BY part_id)
     SELECT p.id AS part_id, p.sku, COALESCE(b.on_hand, 0) AS ledger, COALESCE(s.q, 0) AS balance
     FROM parts p LEFT JOIN s ON s.part_id = p.id LEFT JOIN stock_balances b ON b.part_id = p.id
     WHERE p.serialized = 1 AND COALESCE(s.q, 0) <> MAX(COALESCE(b.on_hand, 0), 0)`).all();
  for (const r of serials) mismatches.push({ partId: r.part_id, sku: r.sku, field: 'serials', ledger: r.ledger, balance: r.balance });
  const counts = statement<{ parts: number; movements: number }>(sqlite, `SELECT (SELECT count(*) FROM parts) AS parts, (SELECT count(*) FROM stock_movements) AS movements`).get()!;
  return { ok: mismatches.length === 0, parts: counts.parts, movements: counts.movements, mismatches };
}
