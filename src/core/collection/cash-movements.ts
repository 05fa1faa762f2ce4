/** Reads of the till's cash movements (float, paid-outs, drops) for the daily close. */
import type { Ctx } from '../api/context';
import type { CashMovementKind } from '../../shared/collection/till';
import type { DailyCloseView } from '../../shared/collection/schemas';
import { statement } from '../db/statements';

interface MovementRow {
  id: string;
  kind: CashMovementKind;
  amount_fen: number;
  reason: string;
  at: string;
  by_user_id: string;
  by_name: string | null;
}

/** The day's movements, of one drawer or (userId null) of the whole shop, oldest first. */
export function cashMovementsOf(ctx: Pick<Ctx, 'sqlite'>, date: string, userId: string | null): DailyCloseView['cashMovements'] {
  const sql = `SELECT m.id, m.kind, m.amount_fen, m.reason, m.at, m.by_user_id, u.display_name AS by_name
     FROM cash_movements m LEFT JOIN users u ON u.id = m.by_user_id WHERE m.business_date = ?`;
  const rows = userId
    ? statement<MovementRow, [string, string]>(ctx.sqlite, `${sql} AND m.by_user_id = ? ORDER BY m.at, m.id`).all(date, userId)
    : statement<MovementRow, [string]>(ctx.sqlite, `${sql} ORDER BY m.at, m.id`).all(date);
  return rows.map((r) => ({ id: r.id, kind: r.kind, amountFen: r.amount_fen, reason: r.reason, at: r.at, byUserId: r.by_user_id, byName: r.by_name }));
}

