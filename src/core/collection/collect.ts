/**
 * Hand-back (取机): the one transaction that checks who is picking up, settles, opens the
 * warranty claims, erases the passcode and moves the ticket to collected through the bench's
 * transition function. What it reads is in reads.ts; what the counter sees first, in view.ts.
 */
import { AppError } from '../../shared/api/errors';
import { checkTenders, NON_CASH_NEEDS_REFERENCE, maskIdNumber, phoneLast4Matches, type Settlement } from '../../shared/collection/rules';
import type { CollectInput, CollectionRecord, IdentityInput, Payment, Tender } from '../../shared/collection/schemas';
import { discountNeedsManager } from '../../shared/bench/rules';
import { formatMoney } from '../../shared/documents/format';
import { t as tt } from '../../shared/i18n/translate';
import type { Ctx } from '../api/context';
import { prepared } from '../db/statements';
import { ticketBasics, type TicketBasics } from '../bench/common';
import { isManager, requireManager } from '../auth/manager-approval';
import { shopSettings } from '../shop/settings';
import { getAuthorizedQuote } from '../bench/quotes';
import { transition } from '../bench/transition';
import { loanerOutForTicket, releaseTicketReservations, assertNoLoanerOut } from '../stock';
import { erasePasscode } from '../tickets/passcode';
import { assertDayOpen, businessDate, ensureDepositPayment, insertPayment, ticketPayments } from './payments';
import { createClaimsForTicket, type ExtraClaimLine } from './claims';
import { getCollection, repairWarrantyEnd, settlementOf } from './reads';
import { phoneDisplays } from '../customers/store';
import { returnOutcome, sanbaoRefundPaid, sanbaoRefundReason, type ReturnOutcome } from './sanbao-refund';

// ---- identity ----

export function identityMatches(ctx: Pick<Ctx, 'sqlite'>, t: TicketBasics, identity: IdentityInput): boolean {
  if (identity.method === 'phone_last4') return phoneLast4Matches(phoneDisplays(ctx.sqlite, t.customer_id), identity.last4);
  // A third party shows an ID: the name and number are recorded (the number masked); staff compare the document.
  return identity.name.trim().length > 0 && identity.idNumber.replace(/\s+/g, '').length >= 4;
}

// ---- completing ----

export async function complete(ctx: Ctx, input: CollectInput): Promise<{ collection: CollectionRecord; payments: Payment[]; settlement: Settlement; claimIds: string[] }> {
  const me = ctx.me();
  const t = ticketBasics(ctx, input.ticketId);
  if (t.status === 'collected' && input.sanbaoRefund) {
    // Trying to pay a 三包 refund again: say when and how it went out.
    const ro = returnOutcome(ctx, t.id);
    const paid = ro ? sanbaoRefundPaid(ctx, ro) : null;
    if (paid) throw sanbaoRefundPaidError(ctx, paid);
  }
  if (t.status === 'collected') throw new AppError('RULE', { key: 'collection.error.alreadyCollected', params: { number: t.number }, details: { status: t.status } });
  if (t.status !== 'ready') throw new AppError('RULE', { key: 'collection.error.notReady', params: { number: t.number, status: tt(ctx.locale, `tickets.status.${t.status}`) }, details: { status: t.status } });
  const today = businessDate(ctx);
  assertDayOpen(ctx, today, me.userId);

  // Who picks up: a wrong answer is recorded (audited) and nothing else is written.
  if (!identityMatches(ctx, t, input.identity)) {
    await ctx.audit('collection.identityFailed', 'ticket', t.id, { method: input.identity.method });
    ctx.failAfterCommit(new AppError('VALIDATION', { fields: [{ path: 'identity.last4', key: 'collection.validation.identityMismatch' }] }));
  }

  const settings = shopSettings(ctx);
  const money = (f: number) => formatMoney(f, ctx.locale, settings.currency);
  const q = getAuthorizedQuote(ctx, t.id);
  const due = q?.customerDueFen ?? 0;
  if (input.discountFen !== undefined && input.discountFen > due) {
    throw new AppError('VALIDATION', { fields: [{ path: 'discountFen', key: 'collection.validation.discountOver100', params: { max: money(due) } }] });
  }
  // Deposits taken before payments existed become their row now (once).
  ensureDepositPayment(ctx, t.id);
  const { settlement } = settlementOf(ctx, t.id, { discountBp: input.discountBp, discountFen: input.discountFen });

  const balanceAllowed = !!input.balance;
  const checked = checkTenders(input.tenders, settlement.dueNowFen, { balanceAllowed, formatFen: money });
  if (checked.issues.length) throw new AppError('VALIDATION', { fields: checked.issues.map((i) => ({ path: i.path, key: i.key, params: i.params })) });
  const balanceFen = checked.balanceFen;
  // A 三包 return: the refund the manager approved goes to the customer now.
  const sanbao = planSanbaoRefund(ctx, t.id, input.sanbaoRefund, money);

  const loan = loanerOutForTicket(ctx, t.id);
  if (loan && !input.loanerOverride) await assertNoLoanerOut(ctx, t.id);

  // What needs a manager: a discount above the threshold, an unpaid balance, a loaner still out.
  const needs: string[] = [];
  if (settlement.discountFen > 0 && discountNeedsManager(settlement.discountFen, due, settings.bench.discountManagerAboveBp)) needs.push('discount');
  if (balanceFen > 0) needs.push('balance');
  if (loan && input.loanerOverride) needs.push('loaner');
  // The outcome's approval covers its refund; one without a recorded approver needs one now.
  if (sanbao && !sanbao.outcome.approvedBy) needs.push('sanbaoRefund');
  let approvedBy: string | null = null;
  if (needs.length) {
    approvedBy = await requireManager(ctx, input.approval, 'collection.approve', {
      ticketId: t.id,
      needs,
      discountFen: settlement.discountFen,
      balanceFen,
      balanceReason: input.balance?.reason ?? '',
      ...(sanbao ? { sanbaoRefundFen: sanbao.outcome.refundFen } : {}),
    });
  }
  if (loan && input.loanerOverride) {
    // The approval above is a manager's: the stock gate records the override with the loan it let go.
    await assertNoLoanerOut({ ...ctx, session: { ...me, role: isManager(me.role) ? me.role : 'manager' } }, t.id, { override: true });
  }

  const collectionId = ctx.newId();
  const paymentIds: string[] = [];
  for (const tl of input.tenders) {
    const change = tl.tender === 'cash' && tl.receivedFen !== undefined ? tl.receivedFen - tl.amountFen : 0;
    paymentIds.push(
      insertPayment(ctx, {
        ticketId: t.id,
        collectionId,
        kind: 'settlement',
        tender: tl.tender,
        amountFen: tl.amountFen,
        receivedFen: tl.receivedFen ?? tl.amountFen,
        changeFen: change,
        reference: tl.reference,
        approvedBy: settlement.discountFen > 0 ? approvedBy : null,
      }),
    );
  }
  // The deposit was more than the total: the difference goes back to the customer.
  let refundedFen = 0;
  if (settlement.dueNowFen < 0) {
    refundedFen = -settlement.dueNowFen;
    paymentIds.push(insertPayment(ctx, { ticketId: t.id, collectionId, kind: 'refund', tender: input.refundTender, amountFen: settlement.dueNowFen, reason: 'collection.reason.credit' }));
  }
  // The 三包 refund: its own row, naming its outcome (never a second one), approved by the outcome's manager.
  if (sanbao) {
    paymentIds.push(
      insertPayment(ctx, {
        ticketId: t.id,
        collectionId,
        kind: 'refund',
        tender: sanbao.tender,
        amountFen: -sanbao.outcome.refundFen,
        reference: sanbao.reference,
        reason: sanbaoRefundReason(sanbao.outcome.id),
        approvedBy: sanbao.outcome.approvedBy ?? approvedBy,
      }),
    );
  }

  const warrantyUntil = await repairWarrantyEnd(ctx, t, q, today);
  const passcodeErased = await erasePasscode(ctx, t.id, 'collected');
  releaseTicketReservations(ctx, t.id);
  const id = input.identity;
  prepared(
    ctx.sqlite,
    `INSERT INTO collections (id, ticket_id, identity_method, pickup_name, pickup_id_type, pickup_id_masked, pickup_relation, customer_due_fen, discount_fen, discount_reason,
       total_fen, tax_fen, tax_rate_bp, prices_include_tax, deposit_applied_fen, paid_now_fen, change_fen, refunded_fen, balance_fen, balance_reason, approved_by,
       loaner_override, passcode_erased, business_date, collected_at, collected_by, note, warranty_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    collectionId,
    t.id,
    id.method,
    id.method === 'id_document' ? id.name : '',
    id.method === 'id_document' ? id.idType : '',
    id.method === 'id_document' ? maskIdNumber(id.idNumber) : '',
    id.method === 'id_document' ? id.relation : '',
    due,
    settlement.discountFen,
    input.discountReason,
    settlement.totalFen,
    settlement.tax.taxFen,
    settlement.tax.rateBp,
    settlement.tax.pricesIncludeTax ? 1 : 0,
    Math.min(settlement.depositFen, settlement.totalFen),
    checked.totalFen,
    checked.changeFen,
    refundedFen,
    balanceFen,
    input.balance?.reason ?? '',
    approvedBy,
    loan && input.loanerOverride ? 1 : 0,
    passcodeErased ? 1 : 0,
    today,
    ctx.nowIso(),
    me.userId,
    input.note,
    warrantyUntil,
  );
  // After the collection row: each claim names the hand-back it came from.
  // The shop claims a 三包 refund back from the maker: a line of the maker's claim of this hand-back.
  const extra: ExtraClaimLine[] = sanbao ? [sanbaoClaimLine(ctx, sanbao.outcome)] : [];
  const claimIds = q || extra.length ? createClaimsForTicket(ctx, t, collectionId, q, extra) : [];
  transition(ctx, t.id, 'collected', { note: input.note, facts: { settled: true }, data: { collectionId, balanceFen, identity: id.method } });
  await ctx.audit('collection.complete', 'ticket', t.id, {
    collectionId,
    totalFen: settlement.totalFen,
    paidNowFen: checked.totalFen,
    balanceFen,
    identity: id.method,
    claims: claimIds.length,
    ...(sanbao ? { sanbaoRefundFen: sanbao.outcome.refundFen, sanbaoRefundTender: sanbao.tender, sanbaoOutcomeId: sanbao.outcome.id } : {}),
  });
  ctx.emit({ name: 'collection.done', payload: { id: t.id, number: t.number } });
  const payments = ticketPayments(ctx, t.id).filter((p) => paymentIds.includes(p.id));
  return { collection: getCollection(ctx, collectionId)!, payments, settlement, claimIds };
}

// ---- the 三包 refund ----

function sanbaoRefundPaidError(ctx: Pick<Ctx, 'locale' | 'sqlite'>, paid: NonNullable<ReturnType<typeof sanbaoRefundPaid>>): AppError {
  const settings = shopSettings(ctx);
  return new AppError('RULE', {
    key: 'collection.error.sanbaoRefundPaid',
    params: { amount: formatMoney(paid.amountFen, ctx.locale, settings.currency), date: paid.businessDate, tender: tt(ctx.locale, `collection.tender.${paid.tender}`) },
    details: { paymentId: paid.paymentId },
  });
}

/**
 * What a hand-back pays out for the ticket's 三包 return, checked before anything is written:
 * null without a return (or with nothing to refund); refused once paid; the tender (and, but
 * for cash, its reference) required while due.
 */
function planSanbaoRefund(
  ctx: Ctx,
  ticketId: string,
  given: CollectInput['sanbaoRefund'],
  money: (fen: number) => string,
): { outcome: ReturnOutcome; tender: Tender; reference: string } | null {
  const outcome = returnOutcome(ctx, ticketId);
  if (!outcome) {
    if (given) throw new AppError('VALIDATION', { fields: [{ path: 'sanbaoRefund', key: 'collection.validation.noSanbaoRefund' }] });
    return null;
  }
  const paid = sanbaoRefundPaid(ctx, outcome);
  if (paid) throw sanbaoRefundPaidError(ctx, paid);
  if (outcome.refundFen <= 0) return null;
  if (!given) throw new AppError('VALIDATION', { fields: [{ path: 'sanbaoRefund.tender', key: 'collection.validation.sanbaoRefundTender', params: { amount: money(outcome.refundFen) } }] });
  if (NON_CASH_NEEDS_REFERENCE.includes(given.tender) && !given.reference.trim()) {
    throw new AppError('VALIDATION', { fields: [{ path: 'sanbaoRefund.reference', key: 'collection.validation.referenceRequired' }] });
  }
  return { outcome, tender: given.tender, reference: given.reference.trim() };
}

/** The maker's claim line for a 三包 refund, in the shop's language (the returned unit's IMEI/serial as the part taken back). */
function sanbaoClaimLine(ctx: Pick<Ctx, 'sqlite'>, o: ReturnOutcome): ExtraClaimLine {
  const settings = shopSettings(ctx);
  const L = settings.language;
  const m = (f: number) => formatMoney(f, L, settings.currency);
  return {
    payer: 'maker',
    kind: 'sanbao_refund',
    description:
      o.depreciationFen === 0
        ? tt(L, 'collection.claim.sanbaoRefundFull', { price: m(o.purchasePriceFen) })
        : tt(L, 'collection.claim.sanbaoRefund', { price: m(o.purchasePriceFen), depreciation: m(o.depreciationFen), days: o.daysUsed }),
    amountFen: o.refundFen,
    removedSerial: o.oldImei ?? o.oldSerial,
  };
}
