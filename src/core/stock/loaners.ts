import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { Loan } from '../../shared/stock/schemas';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import { requirePartRow } from './catalog';
import { postMovement, type StockCtx } from './ledger';
import { run, statement } from '../db/statements';
import type { LoansTable, PartsTable, StockSerialsTable } from './tables';
import { resolveTicket, ticketNumbers } from './tickets';
import { DEFAULT_TIME_ZONE, shopTimeZone } from '../shop/settings';

/**
 * Loaner devices (备用机) are serialized stock of kind 'loaner': lending one is a `loan_out`
 * movement, its return a `loan_in`, each keyed to the loan so neither can happen twice.
 */

type LoanRowDb = Pick<Selectable<LoansTable>, 'id' | 'part_id' | 'ticket_id' | 'deposit_fen' | 'status' | 'out_at' | 'returned_at' | 'note'> &
  Pick<Selectable<StockSerialsTable>, 'serial'> &
  Pick<Selectable<PartsTable>, 'sku' | 'name_zh' | 'name_en'>;

const LOAN_SQL = `SELECT l.id, l.part_id, l.ticket_id, l.deposit_fen, l.status, l.out_at, l.returned_at, l.note, s.serial, p.sku, p.name_zh, p.name_en
  FROM loans l JOIN stock_serials s ON s.id = l.serial_id JOIN parts p ON p.id = l.part_id`;

function shopZone(sqlite: Database.Database): string {
  return shopTimeZone(sqlite) ?? DEFAULT_TIME_ZONE;
}

function toLoans(ctx: Pick<StockCtx, 'sqlite' | 'nowIso'>, rows: LoanRowDb[]): Loan[] {
  const zone = shopZone(ctx.sqlite);
  const numbers = ticketNumbers(ctx.sqlite, rows.map((r) => r.ticket_id));
  const today = localDate(new Date(ctx.nowIso()), zone);
  return rows.map((r) => ({
    id: r.id,
    partId: r.part_id,
    sku: r.sku,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    serial: r.serial,
    ticketId: r.ticket_id,
    ticketNumber: numbers.get(r.ticket_id) ?? null,
    depositFen: r.deposit_fen,
    status: r.status,
    outAt: r.out_at,
    returnedAt: r.returned_at,
    days: daysBetweenDates(localDate(new Date(r.out_at), zone), r.returned_at ? localDate(new Date(r.returned_at), zone) : today),
    note: r.note,
  }));
}

export function getLoan(ctx: Pick<StockCtx, 'sqlite' | 'nowIso'>, id: string): Loan {
  const row = statement<LoanRowDb>(ctx.sqlite, `${LOAN_SQL} WHERE l.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND');
  return toLoans(ctx, [row])[0]!;
}

/** Lends a loaner (by serial) to a ticket's customer against a deposit. */
export function issueLoaner(ctx: StockCtx, input: { partId: string; serial: string; ticket: string; depositFen: number; note: string }): Loan {
  const { sqlite } = ctx;
  const ticket = resolveTicket(sqlite, input.ticket);
  const part = requirePartRow(sqlite, input.partId);
  if (part.kind !== 'loaner') throw new AppError('RULE', { key: 'stock.errors.notLoaner', params: { sku: part.sku } });
  const serial = statement<{ id: string; status: string }>(sqlite, `SELECT id, status FROM stock_serials WHERE part_id = ? AND serial = ?`).get(part.id, input.serial);
  if (!serial || serial.status !== 'in_stock') throw fieldError('serial', 'stock.errors.unknownSerial', { serial: input.serial, sku: part.sku });
  const id = ctx.newId();
  const now = ctx.nowIso();
  run(
    sqlite,
    `INSERT INTO loans (id, part_id, serial_id, ticket_id, deposit_fen, status, out_at, out_by, note) VALUES (?, ?, ?, ?, ?, 'out', ?, ?, ?)`,
    id,
    part.id,
    serial.id,
    ticket.id,
    input.depositFen,
    now,
    ctx.session?.userId ?? null,
    input.note,
  );
  const m = postMovement(ctx, { partId: part.id, kind: 'loan_out', qty: -1, ticketId: ticket.id, serials: [input.serial], refId: id, note: input.note });
  run(sqlite, `UPDATE stock_serials SET status = 'on_loan', ticket_id = ?, last_movement_id = ?, updated_at = ? WHERE id = ?`, ticket.id, m.id, now, serial.id);
  return getLoan(ctx, id);
}

/** The loaner comes back; it is in stock again. */
export function returnLoaner(ctx: StockCtx, loanId: string, note = ''): Loan {
  const { sqlite } = ctx;
  const loan = statement<{ id: string; part_id: string; serial_id: string; ticket_id: string; status: string; note: string }>(sqlite, `SELECT * FROM loans WHERE id = ?`).get(loanId);
  if (!loan) throw new AppError('NOT_FOUND');
  if (loan.status !== 'out') throw new AppError('RULE', { key: 'stock.errors.loanClosed' });
  const serial = statement<{ serial: string }>(sqlite, `SELECT serial FROM stock_serials WHERE id = ?`).get(loan.serial_id)!;
  const now = ctx.nowIso();
  const m = postMovement(ctx, { partId: loan.part_id, kind: 'loan_in', qty: 1, ticketId: loan.ticket_id, serials: [serial.serial], refId: loan.id, note });
  run(sqlite, `UPDATE stock_serials SET status = 'in_stock', ticket_id = NULL, last_movement_id = ?, updated_at = ? WHERE id = ?`, m.id, now, loan.serial_id);
  run(
    sqlite,
    `UPDATE loans SET status = 'returned', returned_at = ?, returned_by = ?, note = ? WHERE id = ?`,
    now,
    ctx.session?.userId ?? null,
    note ? (loan.note ? `${loan.note}\n${note}` : note) : loan.note,
    loan.id,
  );
  return getLoan(ctx, loan.id);
}

export function listLoans(ctx: Pick<StockCtx, 'sqlite' | 'nowIso'>, by: { status?: 'out' | 'returned'; ticketId?: string; limit: number }): Loan[] {
  const rows = by.ticketId
    ? statement<LoanRowDb>(ctx.sqlite, `${LOAN_SQL} WHERE l.ticket_id = ? ORDER BY l.out_at DESC LIMIT ?`).all(by.ticketId, by.limit)
    : by.status
      ? statement<LoanRowDb>(ctx.sqlite, `${LOAN_SQL} WHERE l.status = ? ORDER BY ${by.status === 'out' ? 'l.out_at ASC' : 'l.returned_at DESC'} LIMIT ?`).all(by.status, by.limit)
      : statement<LoanRowDb>(ctx.sqlite, `${LOAN_SQL} ORDER BY l.out_at DESC LIMIT ?`).all(by.limit);
  return toLoans(ctx, rows);
}

/**
 * The loaner a ticket's customer still has, or null. Collection calls this and refuses to
 * hand the device back while it is out (see assertNoLoanerOut).
 */
export function loanerOutForTicket(ctx: Pick<StockCtx, 'sqlite' | 'nowIso'>, ticketId: string): Loan | null {
  const row = statement<LoanRowDb>(ctx.sqlite, `${LOAN_SQL} WHERE l.ticket_id = ? AND l.status = 'out' LIMIT 1`).get(ticketId);
  return row ? toLoans(ctx, [row])[0]! : null;
}

/**
 * Collection's gate: throws RULE stock.errors.loanerOut while the ticket's loaner is out. A
 * manager may override; the override is audited with the loan it let go.
 */
export async function assertNoLoanerOut(ctx: StockCtx, ticketId: string, opts: { override?: boolean } = {}): Promise<void> {
  const loan = loanerOutForTicket(ctx, ticketId);
  if (!loan) return;
  const role = ctx.session?.role;
  if (opts.override && (role === 'manager' || role === 'admin')) {
    await ctx.audit('stock.loanerOverride', 'ticket', ticketId, { loanId: loan.id, serial: loan.serial, depositFen: loan.depositFen });
    return;
  }
  throw new AppError('RULE', {
    key: 'stock.errors.loanerOut',
    params: { ticket: loan.ticketNumber ?? ticketId, sku: loan.sku, serial: loan.serial },
    details: { loanId: loan.id },
  });
}
