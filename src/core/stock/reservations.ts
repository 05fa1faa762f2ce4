import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Reservation, ReserveInput } from '../../shared/stock/schemas';
import { requirePartRow } from './catalog';
import type { StockCtx } from './ledger';
import { run, statement } from '../db/statements';
import type { PartsTable, StockReservationsTable } from './tables';
import { resolveTicket, ticketNumbers } from './tickets';

/** Keeps the derived `reserved` figure in step with open reservations (same transaction). */
export function bumpReserved(sqlite: Database.Database, partId: string, delta: number): void {
  if (delta === 0) return;
  run(sqlite, `INSERT INTO stock_balances (part_id, on_hand, reserved, avg_cost, last_seq) VALUES (@partId, 0, @delta, 0, 0) ON CONFLICT(part_id) DO UPDATE SET reserved = reserved + @delta`, { partId, delta });
}

/** What is still reserved for one ticket of one part. */
export function reservedForTicket(sqlite: Database.Database, partId: string, ticketId: string): number {
  return statement<{ n: number }>(sqlite, `SELECT COALESCE(SUM(qty - issued_qty), 0) AS n FROM stock_reservations WHERE ticket_id = ? AND part_id = ? AND status = 'open'`).get(ticketId, partId)!.n;
}

type ReservationRowDb = Selectable<StockReservationsTable> & Pick<Selectable<PartsTable>, 'sku' | 'name_zh' | 'name_en'>;

const RES_SQL = `SELECT r.*, p.sku, p.name_zh, p.name_en FROM stock_reservations r JOIN parts p ON p.id = r.part_id`;

function toReservations(sqlite: Database.Database, rows: ReservationRowDb[]): Reservation[] {
  const numbers = ticketNumbers(sqlite, rows.map((r) => r.ticket_id));
  return rows.map((r) => ({
    id: r.id,
    partId: r.part_id,
    sku: r.sku,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    ticketId: r.ticket_id,
    ticketNumber: numbers.get(r.ticket_id) ?? null,
    quoteId: r.quote_id,
    // an open reservation shows what it still holds
    qty: r.status === 'open' ? r.qty - r.issued_qty : r.qty,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export function getReservation(sqlite: Database.Database, id: string): Reservation {
  const row = statement<ReservationRowDb>(sqlite, `${RES_SQL} WHERE r.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND');
  return toReservations(sqlite, [row])[0]!;
}

export function listReservations(sqlite: Database.Database, by: { ticketId?: string; partId?: string }): Reservation[] {
  const rows = by.ticketId
    ? statement<ReservationRowDb>(sqlite, `${RES_SQL} WHERE r.ticket_id = ? AND r.status = 'open' ORDER BY r.created_at`).all(by.ticketId)
    : by.partId
      ? statement<ReservationRowDb>(sqlite, `${RES_SQL} WHERE r.part_id = ? AND r.status = 'open' ORDER BY r.created_at`).all(by.partId)
      : statement<ReservationRowDb>(sqlite, `${RES_SQL} WHERE r.status = 'open' ORDER BY r.created_at LIMIT 500`).all();
  return toReservations(sqlite, rows);
}

/**
 * Reserves parts for a ticket's approved quote. Never refused for lack of stock: the
 * reservation stands and `shortage` says how many are missing, so the bench can move the
 * ticket to awaiting_parts and the part shows on the reorder list.
 */
export function reserve(ctx: StockCtx, input: ReserveInput): { reservation: Reservation; shortage: number } {
  const { sqlite } = ctx;
  const ticket = resolveTicket(sqlite, input.ticket);
  const part = requirePartRow(sqlite, input.partId);
  if (part.kind === 'loaner') throw new AppError('RULE', { key: 'stock.errors.loanerIsNotPart', params: { sku: part.sku } });
  const availableBefore = part.on_hand - part.reserved;
  const id = ctx.newId();
  run(
    sqlite,
    `INSERT INTO stock_reservations (id, part_id, ticket_id, quote_id, qty, issued_qty, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 0, 'open', ?, ?)`,
    id,
    part.id,
    ticket.id,
    input.quoteId ?? null,
    input.qty,
    ctx.nowIso(),
    ctx.session?.userId ?? null,
  );
  bumpReserved(sqlite, part.id, input.qty);
  const shortage = Math.min(input.qty, Math.max(0, input.qty - Math.max(0, availableBefore)));
  return { reservation: getReservation(sqlite, id), shortage };
}

/** Releases an open reservation (quote declined or revised). */
export function releaseReservation(ctx: StockCtx, id: string): Reservation {
  const row = statement<ReservationRowDb>(ctx.sqlite, `${RES_SQL} WHERE r.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'open') throw new AppError('RULE', { key: 'stock.errors.reservationClosed' });
  run(ctx.sqlite, `UPDATE stock_reservations SET status = 'released', closed_at = ?, closed_by = ? WHERE id = ?`, ctx.nowIso(), ctx.session?.userId ?? null, id);
  bumpReserved(ctx.sqlite, row.part_id, -(row.qty - row.issued_qty));
  return getReservation(ctx.sqlite, id);
}

/** Releases every open reservation of a ticket (ticket cancelled or collected); returns how many. */
export function releaseTicketReservations(ctx: StockCtx, ticketId: string): number {
  const rows = statement<{ id: string }>(ctx.sqlite, `SELECT id FROM stock_reservations WHERE ticket_id = ? AND status = 'open'`).all(ticketId);
  for (const r of rows) releaseReservation(ctx, r.id);
  return rows.length;
}

/** An issue to a ticket uses up that ticket's reservations of the part, oldest first. */
export function consumeReservations(ctx: StockCtx, partId: string, ticketId: string, qty: number): void {
  let left = qty;
  const rows = statement<{ id: string; qty: number; issued_qty: number }>(ctx.sqlite, `SELECT id, qty, issued_qty FROM stock_reservations WHERE ticket_id = ? AND part_id = ? AND status = 'open' ORDER BY created_at`).all(ticketId, partId);
  let used = 0;
  for (const r of rows) {
    if (left <= 0) break;
    const take = Math.min(left, r.qty - r.issued_qty);
    left -= take;
    used += take;
    const done = r.issued_qty + take >= r.qty;
    run(
      ctx.sqlite,
      `UPDATE stock_reservations SET issued_qty = issued_qty + ?, status = ?, closed_at = ?, closed_by = ? WHERE id = ?`,
      take,
      done ? 'issued' : 'open',
      done ? ctx.nowIso() : null,
      done ? (ctx.session?.userId ?? null) : null,
      r.id,
    );
  }
  bumpReserved(ctx.sqlite, partId, -used);
}
