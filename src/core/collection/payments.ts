/**
 * Payments: an append-only ledger (the table refuses UPDATE and DELETE). Deposits and
 * settlements are positive rows, refunds and voids negative rows that name what they reverse.
 * Every row carries the shop's business date; a day the shop closed takes no more rows.
 */
import type { Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { Payment, PaymentKind, Tender } from '../../shared/collection/schemas';
import { formatMoney } from '../../shared/documents/format';
import type { Ctx } from '../api/context';
import { exists, prepared, statement } from '../db/statements';
import { shopClock } from '../shop/clock';
import { requireManager } from '../auth/manager-approval';
import { onTicketEvent } from '../tickets/events';
import type { PaymentsTable } from './tables';
import { SANBAO_REFUND_REASONS_SQL } from './sanbao-refund';

type Lite = Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session' | 'clock'>;

export function businessDate(ctx: Pick<Ctx, 'sqlite' | 'clock'>): string {
  return shopClock(ctx.sqlite, ctx.clock.now()).today;
}

/** The shop's close (or this person's own drawer close) of `date`, if made. */
export function closeOf(ctx: Pick<Ctx, 'sqlite'>, date: string, userId: string | null): { scope: string } | null {
  return (
    statement<{ scope: string }>(ctx.sqlite, `SELECT scope FROM daily_closes WHERE business_date = ? AND (scope = 'shop' OR (scope = 'user' AND user_id = ?)) ORDER BY scope LIMIT 1`).get(date, userId ?? '') ?? null
  );
}

/** Refuses a payment on a closed day (nothing is ever back-dated into one either: rows carry today's date). */
export function assertDayOpen(ctx: Pick<Ctx, 'sqlite'>, date: string, userId: string | null): void {
  const c = closeOf(ctx, date, userId);
  if (c) throw new AppError('RULE', { key: c.scope === 'shop' ? 'collection.error.dayClosed' : 'collection.error.drawerClosed', params: { date }, details: { date } });
}

export interface NewPayment {
  ticketId: string;
  collectionId?: string | null;
  kind: PaymentKind;
  tender: Tender;
  /** Signed as stored: positive in, negative out. */
  amountFen: number;
  receivedFen?: number;
  changeFen?: number;
  reference?: string;
  reversesId?: string | null;
  reason?: string;
  approvedBy?: string | null;
}

export function insertPayment(ctx: Lite, p: NewPayment): string {
  const date = businessDate(ctx);
  const by = ctx.session?.userId ?? null;
  assertDayOpen(ctx, date, by);
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO payments (id, ticket_id, collection_id, kind, tender, amount_fen, received_fen, change_fen, reference, reverses_id, reason, approved_by, business_date, at, by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    p.ticketId,
    p.collectionId ?? null,
    p.kind,
    p.tender,
    p.amountFen,
    p.receivedFen ?? (p.amountFen > 0 ? p.amountFen : 0),
    p.changeFen ?? 0,
    p.reference ?? '',
    p.reversesId ?? null,
    p.reason ?? '',
    p.approvedBy ?? null,
    date,
    ctx.nowIso(),
    by,
  );
  return id;
}

/** A payment with its ticket number, who took it and whether a void reverses it (PAYMENT_SQL). */
type PaymentRowDb = Selectable<PaymentsTable> & { number: string | null; by_name: string | null; voided: number };

const PAYMENT_SQL = `SELECT p.*, t.number, u.display_name AS by_name,
  EXISTS (SELECT 1 FROM payments v WHERE v.reverses_id = p.id AND v.kind = 'void') AS voided
  FROM payments p LEFT JOIN tickets t ON t.id = p.ticket_id LEFT JOIN users u ON u.id = p.by_user_id`;

function toPayment(r: PaymentRowDb): Payment {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    collectionId: r.collection_id,
    kind: r.kind,
    tender: r.tender,
    amountFen: r.amount_fen,
    receivedFen: r.received_fen,
    changeFen: r.change_fen,
    reference: r.reference,
    reversesId: r.reverses_id,
    reason: r.reason,
    approvedBy: r.approved_by,
    businessDate: r.business_date,
    at: r.at,
    byUserId: r.by_user_id,
    byName: r.by_name,
    voided: r.voided === 1,
  };
}

export function getPayment(ctx: Pick<Ctx, 'sqlite'>, id: string): Payment | null {
  const r = statement<PaymentRowDb>(ctx.sqlite, `${PAYMENT_SQL} WHERE p.id = ?`).get(id);
  return r ? toPayment(r) : null;
}

export function ticketPayments(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): Payment[] {
  return statement<PaymentRowDb>(ctx.sqlite, `${PAYMENT_SQL} WHERE p.ticket_id = ? ORDER BY p.id`).all(ticketId).map(toPayment);
}

export function listPayments(ctx: Pick<Ctx, 'sqlite'>, by: { ticketId?: string | undefined; date?: string | undefined; limit: number }): Payment[] {
  if (by.ticketId) return ticketPayments(ctx, by.ticketId).reverse().slice(0, by.limit);
  if (by.date) return statement<PaymentRowDb>(ctx.sqlite, `${PAYMENT_SQL} WHERE p.business_date = ? ORDER BY p.id DESC LIMIT ?`).all(by.date, by.limit).map(toPayment);
  return statement<PaymentRowDb>(ctx.sqlite, `${PAYMENT_SQL} ORDER BY p.id DESC LIMIT ?`).all(by.limit).map(toPayment);
}

/**
 * Net of every row of the ticket, and the part of it taken as deposit (less voided deposits).
 * A 三包 return's refund is not money paid for the work: it stays out (the ledger still holds it).
 */
export function paidOnTicket(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): { paidFen: number; depositFen: number } {
  const r = statement<{ paid: number; deposit: number }>(
    ctx.sqlite,
    `SELECT COALESCE(SUM(amount_fen), 0) AS paid,
            COALESCE(SUM(CASE WHEN kind = 'deposit' THEN amount_fen
                              WHEN kind = 'void' AND reverses_id IN (SELECT id FROM payments WHERE kind = 'deposit') THEN amount_fen ELSE 0 END), 0) AS deposit
     FROM payments WHERE ticket_id = ? AND NOT (kind = 'refund' AND reason IN (${SANBAO_REFUND_REASONS_SQL}))`,
  ).get(ticketId, ticketId)!;
  return { paidFen: r.paid, depositFen: r.deposit };
}

/**
 * The deposit of a ticket as a payment row, once: intake calls it through the ticket-event hook
 * below; collection calls it again for tickets taken in before payments existed (idempotent,
 * so a deposit is never counted twice).
 */
export function ensureDepositPayment(ctx: Lite, ticketId: string): void {
  const t = statement<{ deposit_fen: number }>(ctx.sqlite, `SELECT deposit_fen FROM tickets WHERE id = ?`).get(ticketId);
  if (!t || t.deposit_fen <= 0) return;
  const has = exists(ctx.sqlite, `SELECT 1 FROM payments WHERE ticket_id = ? AND kind = 'deposit' LIMIT 1`, ticketId);
  if (has) return;
  insertPayment(ctx, { ticketId, kind: 'deposit', tender: 'cash', amountFen: t.deposit_fen, receivedFen: t.deposit_fen, reason: 'intake' });
}

// Intake takes the deposit (tickets.deposit_fen): it becomes a payment row in the same transaction.
onTicketEvent((ctx, e) => {
  if (e.kind !== 'created') return;
  const deposit = Number((e.data as { depositFen?: number } | undefined)?.depositFen ?? 0);
  if (deposit > 0) ensureDepositPayment({ ...ctx, clock: { now: () => new Date(ctx.nowIso()) } }, e.ticketId);
});

const money = (ctx: Pick<Ctx, 'locale'>, fen: number) => formatMoney(fen, ctx.locale);

/** A refund on a ticket: never more than its net paid; a manager's PIN and a reason. */
export async function refund(ctx: Ctx, input: { ticketId: string; amountFen: number; tender: Tender; reference: string; reason: string; approval?: { username: string; pin: string } | undefined }): Promise<Payment> {
  const t = statement<{ id: string; number: string }>(ctx.sqlite, `SELECT id, number FROM tickets WHERE id = ? OR number = ?`).get(input.ticketId, input.ticketId);
  if (!t) throw new AppError('NOT_FOUND', { key: 'collection.error.unknownTicket', params: { ref: input.ticketId } });
  const { paidFen } = paidOnTicket(ctx, t.id);
  if (input.amountFen > paidFen) throw fieldError('amountFen', 'collection.validation.refundTooLarge', { paid: money(ctx, Math.max(0, paidFen)) });
  assertDayOpen(ctx, businessDate(ctx), ctx.me().userId);
  const approvedBy = await requireManager(ctx, input.approval, 'collection.refund', { ticketId: t.id, amountFen: input.amountFen, reason: input.reason });
  const id = insertPayment(ctx, { ticketId: t.id, kind: 'refund', tender: input.tender, amountFen: -input.amountFen, reference: input.reference, reason: input.reason, approvedBy });
  ctx.emit({ name: 'payments.changed', payload: { ticketId: t.id, number: t.number } });
  return getPayment(ctx, id)!;
}

/** Reverses a payment in full: a manager's PIN and a reason; never twice, never a reversal, never on a closed day. */
export async function voidPayment(ctx: Ctx, input: { paymentId: string; reason: string; approval?: { username: string; pin: string } | undefined }): Promise<Payment> {
  const p = getPayment(ctx, input.paymentId);
  if (!p) throw new AppError('NOT_FOUND', { key: 'collection.error.unknownPayment', params: { id: input.paymentId.slice(0, 40) } });
  if (p.kind === 'refund' || p.kind === 'void') throw new AppError('RULE', { key: 'collection.error.voidReversal' });
  if (p.voided) throw new AppError('RULE', { key: 'collection.error.alreadyVoided' });
  if (closeOf(ctx, p.businessDate, p.byUserId)) throw new AppError('RULE', { key: 'collection.error.voidClosedDay', params: { date: p.businessDate } });
  assertDayOpen(ctx, businessDate(ctx), ctx.me().userId);
  const approvedBy = await requireManager(ctx, input.approval, 'collection.void', { ticketId: p.ticketId, paymentId: p.id, amountFen: p.amountFen, reason: input.reason });
  const id = insertPayment(ctx, { ticketId: p.ticketId, kind: 'void', tender: p.tender, amountFen: -p.amountFen, reference: p.reference, reversesId: p.id, reason: input.reason, approvedBy });
  ctx.emit({ name: 'payments.changed', payload: { ticketId: p.ticketId, number: p.ticketNumber } });
  return getPayment(ctx, id)!;
}
