/**
 * The till's cash without a ticket (issue 19 point 10): float, paid-outs and drops, recorded in
 * the caller's drawer on today's business date, never into a closed day or drawer.
 */
import type { Ctx } from '../api/context';
import type { CashMovementKind } from '../../shared/collection/till';
import type { DailyCloseView } from '../../shared/collection/schemas';
import { statement } from '../db/statements';
import { assertDayOpen, businessDate } from './payments';
import { dailyCloseView } from './daily-close';

export async function recordCash(ctx: Ctx, input: { kind: CashMovementKind; amountFen: number; reason: string }): Promise<DailyCloseView> {
  const me = ctx.me();
  const date = businessDate(ctx);
  assertDayOpen(ctx, date, me.userId);
  const id = ctx.newId();
  statement<unknown, [string, string, CashMovementKind, number, string, string, string]>(
    ctx.sqlite,
    `INSERT INTO cash_movements (id, business_date, kind, amount_fen, reason, by_user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, date, input.kind, input.amountFen, input.reason, me.userId, ctx.nowIso());
  await ctx.audit('dailyClose.cash', 'cash_movement', id, { kind: input.kind, amountFen: input.amountFen, reason: input.reason, date });
  ctx.emit({ name: 'dailyClose.cash', payload: { date } });
  return dailyCloseView(ctx, { date, scope: 'user', userId: me.userId });
}
