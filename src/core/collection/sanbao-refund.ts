/**
 * The money of a 三包 return (退货): the customer gives the product back and receives the
 * purchase price less depreciation, as the warranty engine computed it when the manager
 * approved the outcome (sanbao_outcomes.refund_fen, depreciation rounded down to the fen: in the
 * customer's favour).
 *
 * It is paid at hand-back (collection.complete), when the customer is at the counter, their
 * identity checked, and the cashier's drawer (or card terminal, WeChat, Alipay, transfer) pays
 * out: one refund row in the payments ledger, negative, with the tender and its reference,
 * approved by the manager who approved the outcome. The row names its outcome in `reason`
 * (`sanbao_refund:<outcome id>`), so there is never a second one, and the ticket's settlement
 * (what the customer paid for work) leaves it out. The maker's claim of that hand-back gets a
 * line for the same amount: the shop claims it back from the maker.
 *
 * This module only reads (and builds the reason); collect.ts writes, inside its transaction.
 */
import type { SanbaoRefundPaid } from '../../shared/bench/schemas';
import type { Tender } from '../../shared/collection/schemas';
import type { Ctx } from '../api/context';
import { statement } from '../db/statements';

const PREFIX = 'sanbao_refund:';
/** The payments.reason of an outcome's refund row. */
export const sanbaoRefundReason = (outcomeId: string) => `${PREFIX}${outcomeId}`;

/** SQL: the reasons of the ticket's 三包 refund rows (bind the ticket id), to leave them out of the settlement. */
export const SANBAO_REFUND_REASONS_SQL = `SELECT '${PREFIX}' || id FROM sanbao_outcomes WHERE ticket_id = ?`;

export interface ReturnOutcome {
  id: string;
  ticketId: string;
  purchasePriceFen: number;
  daysUsed: number;
  depreciationFen: number;
  refundFen: number;
  oldImei: string | null;
  oldSerial: string | null;
  approvedBy: string | null;
  at: string;
}

/** The ticket's 三包 return, if it has one (an exchange moves no money to the customer). */
export function returnOutcome(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): ReturnOutcome | null {
  const r = statement<{ id: string; ticket_id: string; purchase_price_fen: number; days_used: number; depreciation_fen: number; refund_fen: number; old_imei: string | null; old_serial: string | null; approved_by: string | null; at: string }>(ctx.sqlite, `SELECT id, ticket_id, purchase_price_fen, days_used, depreciation_fen, refund_fen, old_imei, old_serial, approved_by, at
     FROM sanbao_outcomes WHERE ticket_id = ? AND option = 'return' ORDER BY id DESC LIMIT 1`).get(ticketId);
  if (!r) return null;
  return {
    id: r.id,
    ticketId: r.ticket_id,
    purchasePriceFen: r.purchase_price_fen,
    daysUsed: r.days_used,
    depreciationFen: r.depreciation_fen,
    refundFen: r.refund_fen,
    oldImei: r.old_imei,
    oldSerial: r.old_serial,
    approvedBy: r.approved_by,
    at: r.at,
  };
}

/** The refund paid for an outcome, or null while it is still due. */
export function sanbaoRefundPaid(ctx: Pick<Ctx, 'sqlite'>, outcome: { id: string; ticketId: string }): SanbaoRefundPaid | null {
  const r = statement<{ id: string; amount_fen: number; tender: Tender; reference: string; business_date: string; at: string; approved_by: string | null; by_name: string | null; approved_name: string | null }>(ctx.sqlite, `SELECT p.id, p.amount_fen, p.tender, p.reference, p.business_date, p.at, p.approved_by, u.display_name AS by_name, a.display_name AS approved_name
     FROM payments p LEFT JOIN users u ON u.id = p.by_user_id LEFT JOIN users a ON a.id = p.approved_by
     WHERE p.ticket_id = ? AND p.kind = 'refund' AND p.reason = ? ORDER BY p.id LIMIT 1`).get(outcome.ticketId, sanbaoRefundReason(outcome.id));
  if (!r) return null;
  return {
    paymentId: r.id,
    amountFen: -r.amount_fen,
    tender: r.tender,
    reference: r.reference,
    businessDate: r.business_date,
    at: r.at,
    byName: r.by_name,
    approvedBy: r.approved_by,
    approvedByName: r.approved_name,
  };
}
