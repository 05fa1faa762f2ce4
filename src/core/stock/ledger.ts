import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { fieldError } from '../../shared/api/errors';
import { nextAverageCost } from '../../shared/stock/cost';
import type { Movement } from '../../shared/stock/schemas';
import type { Ctx } from '../api/context';
import type { PartRowDb } from './catalog';
import { run, statement } from '../db/statements';
import type { StockMovementsTable, StockSerialsTable } from './tables';
import { ticketNumber } from './tickets';

/** What a ledger writer needs from a handler's context (a bench handler passes its own ctx). */
export type StockCtx = Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session' | 'audit'>;

export type MovementKind = Movement['kind'];

export interface MovementDraft {
  partId: string;
  kind: MovementKind;
  /** Signed: + into stock, − out of it. */
  qty: number;
  /** For receive and transfer in: the cost paid. Everything else moves at the current average. */
  unitCost?: number;
  ticketId?: string | null;
  serials?: readonly string[];
  removedSerial?: string | null;
  reason?: string;
  supplier?: string;
  deliveryNote?: string;
  counterparty?: string;
  refId?: string | null;
  override?: boolean;
  note?: string;
}

export type MovementRowDb = Selectable<StockMovementsTable> & { by_name?: string | null };

/** Costed inflows set a new moving average; every other line leaves (or comes back) at the current one. */
const COSTED: ReadonlySet<MovementKind> = new Set(['receive', 'transfer_in']);

export interface Balance {
  on_hand: number;
  reserved: number;
  avg_cost: number;
}

export function balanceOf(sqlite: Database.Database, partId: string): Balance {
  return statement<Balance>(sqlite, `SELECT on_hand, reserved, avg_cost FROM stock_balances WHERE part_id = ?`).get(partId) ?? { on_hand: 0, reserved: 0, avg_cost: 0 };
}

/**
 * Appends one ledger line and moves the derived balance with it, in the caller's transaction.
 * The only writer of stock_movements and of stock_balances.on_hand/avg_cost: so the two cannot
 * disagree unless someone writes around it, which stock.checkBalances would show.
 */
export function postMovement(ctx: StockCtx, d: MovementDraft): MovementRowDb {
  const { sqlite } = ctx;
  const bal = balanceOf(sqlite, d.partId);
  const costed = COSTED.has(d.kind);
  const unitCost = costed ? (d.unitCost ?? 0) : bal.avg_cost;
  const avgAfter = costed ? nextAverageCost(bal.on_hand, bal.avg_cost, d.qty, unitCost) : bal.avg_cost;
  const onHandAfter = bal.on_hand + d.qty;
  const row = {
    id: ctx.newId(),
    part_id: d.partId,
    kind: d.kind,
    qty: d.qty,
    unit_cost: unitCost,
    avg_cost_after: avgAfter,
    on_hand_after: onHandAfter,
    ticket_id: d.ticketId ?? null,
    serials_json: JSON.stringify(d.serials ?? []),
    removed_serial: d.removedSerial || null,
    reason: d.reason ?? '',
    supplier: d.supplier ?? '',
    delivery_note: d.deliveryNote ?? '',
    counterparty: d.counterparty ?? '',
    ref_id: d.refId ?? null,
    override: d.override ? 1 : 0,
    note: d.note ?? '',
    at: ctx.nowIso(),
    user_id: ctx.session?.userId ?? null,
  };
  const { lastInsertRowid } = run(
    sqlite,
    `INSERT INTO stock_movements (id, part_id, kind, qty, unit_cost, avg_cost_after, on_hand_after, ticket_id, serials_json, removed_serial,
       reason, supplier, delivery_note, counterparty, ref_id, override, note, at, user_id)
     VALUES (@id, @part_id, @kind, @qty, @unit_cost, @avg_cost_after, @on_hand_after, @ticket_id, @serials_json, @removed_serial,
       @reason, @supplier, @delivery_note, @counterparty, @ref_id, @override, @note, @at, @user_id)`,
    row,
  );
  const n = Number(lastInsertRowid);
  run(
    sqlite,
    `INSERT INTO stock_balances (part_id, on_hand, reserved, avg_cost, last_seq) VALUES (@part, @onHand, 0, @avg, @n)
     ON CONFLICT(part_id) DO UPDATE SET on_hand = @onHand, avg_cost = @avg, last_seq = @n`,
    { part: d.partId, onHand: onHandAfter, avg: avgAfter, n },
  );
  return { n, ...row };
}

export function toMovement(sqlite: Database.Database, r: MovementRowDb, numbers?: Map<string, string>): Movement {
  return {
    id: r.id,
    seq: r.n,
    partId: r.part_id,
    kind: r.kind,
    qty: r.qty,
    unitCost: r.unit_cost,
    avgCostAfter: r.avg_cost_after,
    onHandAfter: r.on_hand_after,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_id ? (numbers ? (numbers.get(r.ticket_id) ?? null) : ticketNumber(sqlite, r.ticket_id)) : null,
    serials: JSON.parse(r.serials_json) as string[],
    removedSerial: r.removed_serial,
    reason: r.reason,
    supplier: r.supplier,
    deliveryNote: r.delivery_note,
    counterparty: r.counterparty,
    refId: r.ref_id,
    override: r.override === 1,
    note: r.note,
    at: r.at,
    byName: r.by_name ?? null,
  };
}

// ---- serials -------------------------------------------------------------------------------

type SerialStatus = 'in_stock' | 'issued' | 'on_loan' | 'faulty' | 'transferred' | 'written_off';

/**
 * Checks the serials a movement names before anything is written: none on a part that is
 * not serialized, one per unit on one that is, no repeats. Field paths point at the list.
 */
export function checkSerialList(part: PartRowDb, qty: number, serials: readonly string[]): void {
  if (part.serialized !== 1) {
    if (serials.length > 0) throw fieldError('serials', 'stock.errors.notSerialized', { sku: part.sku });
    return;
  }
  const n = Math.abs(qty);
  if (serials.length !== n) throw fieldError('serials', 'stock.errors.serialCount', { sku: part.sku, qty: n, given: serials.length });
  const seen = new Set<string>();
  serials.forEach((s, i) => {
    if (seen.has(s)) throw fieldError(`serials.${i}`, 'stock.errors.duplicateSerial', { serial: s });
    seen.add(s);
  });
}

type SerialRowDb = Pick<Selectable<StockSerialsTable>, 'id' | 'status' | 'ticket_id'>;

/**
 * Serials entering stock. A serial never seen is created; one that left the shop
 * (transferred, written off) may come back only through `reenterFrom`; any other existing
 * serial is a duplicate.
 */
export function serialsIn(
  ctx: StockCtx,
  part: PartRowDb,
  serials: readonly string[],
  movementId: string,
  reenterFrom: readonly SerialStatus[] = [],
): void {
  const now = ctx.nowIso();
  serials.forEach((s, i) => {
    const row = statement<SerialRowDb>(ctx.sqlite, `SELECT id, status, ticket_id FROM stock_serials WHERE part_id = ? AND serial = ?`).get(part.id, s);
    if (row) {
      if (!reenterFrom.includes(row.status)) throw fieldError(`serials.${i}`, 'stock.errors.duplicateSerial', { serial: s });
      run(ctx.sqlite, `UPDATE stock_serials SET status = 'in_stock', ticket_id = NULL, device_id = NULL, last_movement_id = ?, updated_at = ? WHERE id = ?`, movementId, now, row.id);
      return;
    }
    run(
      ctx.sqlite,
      `INSERT INTO stock_serials (id, part_id, serial, status, ticket_id, device_id, received_movement_id, last_movement_id, received_at, updated_at)
       VALUES (?, ?, ?, 'in_stock', NULL, NULL, ?, ?, ?, ?)`,
      ctx.newId(),
      part.id,
      s,
      movementId,
      movementId,
      now,
      now,
    );
  });
}

/** Validates that each serial is in one of `from` (and on `ticketId` when given); returns their ids. */
export function requireSerials(ctx: StockCtx, part: PartRowDb, serials: readonly string[], from: readonly SerialStatus[], ticketId?: string): string[] {
  return serials.map((s, i) => {
    const row = statement<SerialRowDb>(ctx.sqlite, `SELECT id, status, ticket_id FROM stock_serials WHERE part_id = ? AND serial = ?`).get(part.id, s);
    if (!row || !from.includes(row.status)) throw fieldError(`serials.${i}`, 'stock.errors.unknownSerial', { serial: s, sku: part.sku });
    if (ticketId !== undefined && row.ticket_id !== ticketId) throw fieldError(`serials.${i}`, 'stock.errors.serialNotOnTicket', { serial: s });
    return row.id;
  });
}

/** Moves already-validated serials to a new status (leaving stock, or back into it). */
export function setSerialStatus(ctx: StockCtx, ids: readonly string[], to: SerialStatus, movementId: string, ticketId: string | null = null, deviceId: string | null = null): void {
  const now = ctx.nowIso();
  for (const id of ids) {
    run(ctx.sqlite, `UPDATE stock_serials SET status = ?, ticket_id = ?, device_id = ?, last_movement_id = ?, updated_at = ? WHERE id = ?`, to, ticketId, deviceId, movementId, now, id);
  }
}
