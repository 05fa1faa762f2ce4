/**
 * The daily close (日结): a business day's payments by tender, sales and refunds, deposits taken
 * and applied, expected against counted cash, per person, and the day's ticket counts. The
 * shop's close locks the day (payments check it before every insert); a cashier may close
 * their own drawer, which locks their own payments of that day.
 */
import { AppError } from '../../shared/api/errors';
import { cashDifference, closeFigures, type CloseRow } from '../../shared/collection/rules';
import type { DailyCloseView, Tender } from '../../shared/collection/schemas';
import type { Ctx } from '../api/context';
import { userName } from '../bench/common';
import { isManager } from '../auth/manager-approval';
import { column, exists, prepared, statement } from '../db/statements';
import { shopClock } from '../shop/clock';
import { tillFigures } from '../../shared/collection/till';
import { cashMovementsOf } from './cash-movements';

/** UTC instants [start, end) of a calendar date in a time zone. */
export function dayBounds(date: string, timeZone: string): { start: string; end: string } {
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(ms))
        .map((x) => [x.type, x.value]),
    );
    return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - ms;
  };
  const at = (d: string) => {
    const guess = Date.parse(`${d}T00:00:00Z`);
    return new Date(guess - offsetAt(guess - offsetAt(guess))).toISOString();
  };
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: at(date), end: at(next) };
}

export function dailyCloseView(ctx: Pick<Ctx, 'sqlite' | 'clock'>, input: { date?: string | undefined; scope: 'shop' | 'user'; userId?: string | undefined }): DailyCloseView {
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const date = input.date ?? clock.today;
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  if (input.scope === 'user' && !userId) throw new AppError('VALIDATION', { fields: [{ path: 'userId', key: 'collection.validation.userRequired' }] });
  type Row = { kind: CloseRow['kind']; tender: Tender; amount_fen: number; by_user_id: string | null };
  const rows = userId
    ? statement<Row>(ctx.sqlite, `SELECT kind, tender, amount_fen, by_user_id FROM payments WHERE business_date = ? AND by_user_id = ?`).all(date, userId)
    : statement<Row>(ctx.sqlite, `SELECT kind, tender, amount_fen, by_user_id FROM payments WHERE business_date = ?`).all(date);
  const figures = closeFigures(rows.map((r) => ({ kind: r.kind, tender: r.tender, amountFen: r.amount_fen })));
  const per = new Map<string | null, { userId: string | null; name: string; netFen: number; cashFen: number; payments: number }>();
  for (const r of rows) {
    const e = per.get(r.by_user_id) ?? { userId: r.by_user_id, name: userName(ctx, r.by_user_id) ?? '—', netFen: 0, cashFen: 0, payments: 0 };
    e.netFen += r.amount_fen;
    if (r.tender === 'cash') e.cashFen += r.amount_fen;
    e.payments++;
    per.set(r.by_user_id, e);
  }
  const applied = {
    n:
      (userId
        ? column<number>(ctx.sqlite, `SELECT COALESCE(SUM(deposit_applied_fen), 0) FROM collections WHERE business_date = ? AND collected_by = ?`).get(date, userId)
        : column<number>(ctx.sqlite, `SELECT COALESCE(SUM(deposit_applied_fen), 0) FROM collections WHERE business_date = ?`).get(date)) ?? 0,
  };
  const b = dayBounds(date, clock.timeZone);
  const received = (statement<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM tickets WHERE received_at >= ? AND received_at < ?`).get(b.start, b.end)!).n;
  const moved = (to: string) =>
    (statement<{ n: number }>(ctx.sqlite, `SELECT count(DISTINCT ticket_id) AS n FROM ticket_events WHERE to_status = ? AND at >= ? AND at < ?`).get(to, b.start, b.end)!).n;
  const c = statement<{ id: string; counted_cash_fen: number; expected_cash_fen: number; difference_fen: number; reason: string; closed_at: string; closed_by: string | null; by_name: string | null }>(ctx.sqlite, `SELECT d.*, u.display_name AS by_name FROM daily_closes d LEFT JOIN users u ON u.id = d.closed_by WHERE d.business_date = ? AND d.scope = ? AND d.user_id = ?`).get(date, input.scope, userId ?? '');
  const shopClosed = exists(ctx.sqlite, `SELECT 1 FROM daily_closes WHERE business_date = ? AND scope = 'shop'`, date);
  const cashMovements = cashMovementsOf(ctx, date, userId);
  return {
    date,
    scope: input.scope,
    userId,
    userName: userName(ctx, userId),
    figures,
    depositsAppliedFen: applied.n,
    tickets: { received, ready: moved('ready'), collected: moved('collected') },
    byUser: [...per.values()].sort((a, b2) => b2.netFen - a.netFen),
    close: c
      ? { id: c.id, countedCashFen: c.counted_cash_fen, expectedCashFen: c.expected_cash_fen, differenceFen: c.difference_fen, reason: c.reason, closedAt: c.closed_at, closedBy: c.closed_by, closedByName: c.by_name }
      : null,
    locked: shopClosed,
    cash: tillFigures(figures.expectedCashFen, cashMovements),
    cashMovements,
  };
}

export async function closeDay(ctx: Ctx, input: { date: string; scope: 'shop' | 'user'; userId?: string | undefined; countedCashFen: number; reason: string }): Promise<DailyCloseView> {
  const me = ctx.me();
  const today = shopClock(ctx.sqlite, ctx.clock.now()).today;
  if (input.date > today) throw new AppError('RULE', { key: 'collection.error.closeFuture', params: { date: input.date } });
  if (input.scope === 'shop' && !isManager(me.role)) throw new AppError('FORBIDDEN', { key: 'collection.error.closeManagerOnly' });
  const userId = input.scope === 'user' ? (input.userId ?? me.userId) : null;
  if (userId && userId !== me.userId && !isManager(me.role)) throw new AppError('FORBIDDEN', { key: 'collection.error.closeOwnDrawer' });
  const view = dailyCloseView(ctx, { date: input.date, scope: input.scope, userId: userId ?? undefined });
  if (view.close) throw new AppError('RULE', { key: 'collection.error.alreadyClosed', params: { date: input.date } });
  // the drawer's expected cash: float + cash taken − paid-outs − drops
  const diff = cashDifference(view.cash.expectedFen, input.countedCashFen);
  if (diff.needsReason && !input.reason.trim()) throw new AppError('VALIDATION', { fields: [{ path: 'reason', key: 'collection.validation.differenceReason' }] });
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO daily_closes (id, business_date, scope, user_id, figures_json, expected_cash_fen, counted_cash_fen, difference_fen, reason, closed_at, closed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.date, input.scope, userId ?? '', JSON.stringify({ ...view.figures, depositsAppliedFen: view.depositsAppliedFen, tickets: view.tickets, cash: view.cash }), view.cash.expectedFen, input.countedCashFen, diff.differenceFen, input.reason.trim(), ctx.nowIso(), me.userId);
  await ctx.audit('dailyClose.close', 'daily_close', id, { date: input.date, scope: input.scope, userId, expectedCashFen: view.cash.expectedFen, countedCashFen: input.countedCashFen, differenceFen: diff.differenceFen });
  ctx.emit({ name: 'dailyClose.closed', payload: { date: input.date, scope: input.scope } });
  return dailyCloseView(ctx, { date: input.date, scope: input.scope, userId: userId ?? undefined });
}

export function listCloses(ctx: Pick<Ctx, 'sqlite'>, limit: number) {
  const rows = statement<{ id: string; business_date: string; scope: string; user_id: string; expected_cash_fen: number; counted_cash_fen: number; difference_fen: number; reason: string; closed_at: string; by_name: string | null; user_name: string | null }>(
    ctx.sqlite,
    `SELECT d.id, d.business_date, d.scope, d.user_id, d.expected_cash_fen, d.counted_cash_fen, d.difference_fen, d.reason, d.closed_at, u.display_name AS by_name, w.display_name AS user_name
     FROM daily_closes d LEFT JOIN users u ON u.id = d.closed_by LEFT JOIN users w ON w.id = d.user_id ORDER BY d.business_date DESC, d.id DESC LIMIT ?`,
  ).all(limit);
  return rows.map((r) => ({
    id: r.id,
    date: r.business_date,
    scope: r.scope,
    userName: r.user_name,
    expectedCashFen: r.expected_cash_fen,
    countedCashFen: r.counted_cash_fen,
    differenceFen: r.difference_fen,
    reason: r.reason,
    closedAt: r.closed_at,
    closedByName: r.by_name,
  }));
}
