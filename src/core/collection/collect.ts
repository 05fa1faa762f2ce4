/**
 * Hand-back (取机): what the counter sees for a ticket, and the one transaction that checks
 * who is picking up, settles, opens the warranty claims, erases the passcode and moves the
 * ticket to collected through the bench's transition function.
 */
import { AppError } from '../../shared/api/errors';
import { checkTenders, NON_CASH_NEEDS_REFERENCE, discountFromBp, maskIdNumber, phoneLast4Matches, replacedPartWarrantyEnd, addDays, settle, type Settlement } from '../../shared/collection/rules';
import type { CollectInput, CollectionRecord, CollectionView, IdentityInput, Payment, ReplacedPart, Tender, WorkLine } from '../../shared/collection/schemas';
import { discountNeedsManager } from '../../shared/bench/rules';
import { formatMoney, maskPhone } from '../../shared/documents/format';
import { t as tt, hasKey } from '../../shared/i18n/translate';
import { localDate } from '../../shared/time/local-date';
import type { Ctx } from '../api/context';
import { prepared } from '../db/statements';
import { ticketBasics, userName, type TicketBasics } from '../bench/common';
import { isManager, requireManager } from '../auth/manager-approval';
import { shopSettings } from '../shop/settings';
import { getAuthorizedQuote } from '../bench/quotes';
import { transition } from '../bench/transition';
import { loanerOutForTicket, releaseTicketReservations, assertNoLoanerOut } from '../stock';
import { erasePasscode } from '../tickets/passcode';
import { evaluateTicket } from '../warranty/ticket';
import { activeCalendarRow, compiledCalendarOf, resolvePolicy } from '../warranty/store';
import type { CompiledCalendar } from '../../shared/warranty/holidays';
import { assertDayOpen, businessDate, closeOf, ensureDepositPayment, insertPayment, paidOnTicket, ticketPayments } from './payments';
import { createClaimsForTicket, type ExtraClaimLine } from './claims';
import { returnOutcome, sanbaoRefundPaid, sanbaoRefundReason, type ReturnOutcome } from './sanbao-refund';

// ---- reading ----

interface TicketExtra {
  fault_text: string;
  fault_codes_json: string;
  accessories_json: string;
  customer_name: string;
  brand: string;
  model: string;
  imei: string | null;
  serial: string | null;
  colour: string;
  technician: string | null;
  outcome: string | null;
}

function extra(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): TicketExtra {
  return prepared(
    ctx.sqlite,
    `SELECT t.fault_text, t.fault_codes_json, t.accessories_json, c.name AS customer_name, d.brand, d.model, d.imei, d.serial, d.colour,
            u.display_name AS technician, b.outcome
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id
     LEFT JOIN users u ON u.id = t.technician_id LEFT JOIN bench_tickets b ON b.ticket_id = t.id WHERE t.id = ?`,
  ).get(ticketId) as TicketExtra;
}

export function customerPhones(ctx: Pick<Ctx, 'sqlite'>, customerId: string): string[] {
  return (prepared(ctx.sqlite, `SELECT display FROM customer_phones WHERE customer_id = ? ORDER BY position`).all(customerId) as { display: string }[]).map((p) => p.display);
}

export function latestCause(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): string {
  return (prepared(ctx.sqlite, `SELECT cause FROM diagnoses WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(ticketId) as { cause: string } | undefined)?.cause ?? '';
}

export function lastStatusAt(ctx: Pick<Ctx, 'sqlite'>, ticketId: string, status: string): string | null {
  return (prepared(ctx.sqlite, `SELECT at FROM ticket_events WHERE ticket_id = ? AND to_status = ? ORDER BY id DESC LIMIT 1`).get(ticketId, status) as { at: string } | undefined)?.at ?? null;
}

interface IssuedRow {
  part_id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  warranty_days: number;
  qty: number;
  serials_json: string;
  removed_serial: string | null;
  kind: 'issue' | 'return';
}

/** The parts that stayed in the device (issued less returned), with their serials and what came out. */
export function partsInDevice(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string) {
  const rows = prepared(
    ctx.sqlite,
    `SELECT m.part_id, p.sku, p.name_zh, p.name_en, p.warranty_days, m.qty, m.serials_json, m.removed_serial, m.kind
     FROM stock_movements m JOIN parts p ON p.id = m.part_id WHERE m.ticket_id = ? AND m.kind IN ('issue', 'return') ORDER BY m.n`,
  ).all(ticketId) as IssuedRow[];
  const by = new Map<string, { partId: string; sku: string; name: string; partDays: number; qty: number; serials: string[]; removed: string[] }>();
  for (const r of rows) {
    const e = by.get(r.part_id) ?? { partId: r.part_id, sku: r.sku, name: ctx.locale === 'en' && r.name_en ? r.name_en : r.name_zh, partDays: r.warranty_days, qty: 0, serials: [], removed: [] };
    const serials = JSON.parse(r.serials_json) as string[];
    if (r.kind === 'issue') {
      e.qty += -r.qty;
      e.serials.push(...serials);
      if (r.removed_serial) e.removed.push(r.removed_serial);
    } else {
      e.qty -= r.qty;
      e.serials = e.serials.filter((s) => !serials.includes(s));
    }
    by.set(r.part_id, e);
  }
  return [...by.values()].filter((p) => p.qty > 0);
}

export interface WarrantyFacts {
  unitEnd: string | null;
  reasons: string[];
  repairWarrantyDays: number;
  /** End of coverage per policy part ('battery') from the engine, by quote line part id. */
  lineEnds: Map<string, string | null>;
  /** The shop's holiday calendar, so a replaced part's end rolls past rest days as the engine's do. */
  calendar: CompiledCalendar;
}

export async function warrantyFacts(ctx: Ctx, t: TicketBasics, partLines: { partId: string | null; endDate: string | null }[]): Promise<WarrantyFacts> {
  const lineEnds = new Map<string, string | null>();
  for (const l of partLines) if (l.partId) lineEnds.set(l.partId, l.endDate);
  const calendar = compiledCalendarOf(ctx.sqlite, await activeCalendarRow(ctx.db));
  try {
    const r = await evaluateTicket(ctx, t.id);
    let days = 90;
    try {
      days = (await resolvePolicy(ctx, { policyVersion: r.policy.version })).policy.repairWarrantyDays;
    } catch {
      /* a policy version gone from the store: the policy default */
    }
    return { unitEnd: r.decision.unitEnd, reasons: r.text.reasons.slice(0, 4), repairWarrantyDays: days, lineEnds, calendar };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { unitEnd: null, reasons: [], repairWarrantyDays: 90, lineEnds, calendar };
  }
}

export function replacedParts(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string, w: WarrantyFacts, completedOn: string, warrantyPaidParts: Set<string>): ReplacedPart[] {
  return partsInDevice(ctx, ticketId).map((p) => ({
    partId: p.partId,
    sku: p.sku,
    name: p.name,
    qty: p.qty,
    serials: p.serials,
    removedSerial: p.removed[0] ?? null,
    partDays: p.partDays,
    warrantyEnd: replacedPartWarrantyEnd(w.lineEnds.get(p.partId) ?? w.unitEnd, completedOn, p.partDays, w.calendar),
    warrantyPaid: warrantyPaidParts.has(p.partId),
  }));
}

function collectionRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): CollectionRecord | null {
  const r = prepared(ctx.sqlite, `SELECT c.*, u.display_name AS by_name FROM collections c LEFT JOIN users u ON u.id = c.collected_by WHERE c.ticket_id = ? ORDER BY c.id DESC LIMIT 1`).get(ticketId) as
    | Record<string, string | number | null>
    | undefined;
  return r ? toRecord(r) : null;
}

export function getCollection(ctx: Pick<Ctx, 'sqlite'>, id: string): CollectionRecord | null {
  const r = prepared(ctx.sqlite, `SELECT c.*, u.display_name AS by_name FROM collections c LEFT JOIN users u ON u.id = c.collected_by WHERE c.id = ?`).get(id) as
    | Record<string, string | number | null>
    | undefined;
  return r ? toRecord(r) : null;
}

function toRecord(r: Record<string, string | number | null>): CollectionRecord {
  return {
    id: String(r.id),
    ticketId: String(r.ticket_id),
    identityMethod: r.identity_method as CollectionRecord['identityMethod'],
    pickupName: String(r.pickup_name),
    pickupIdType: String(r.pickup_id_type),
    pickupIdMasked: String(r.pickup_id_masked),
    pickupRelation: String(r.pickup_relation),
    customerDueFen: Number(r.customer_due_fen),
    discountFen: Number(r.discount_fen),
    discountReason: String(r.discount_reason),
    totalFen: Number(r.total_fen),
    taxFen: Number(r.tax_fen),
    depositAppliedFen: Number(r.deposit_applied_fen),
    paidNowFen: Number(r.paid_now_fen),
    changeFen: Number(r.change_fen),
    refundedFen: Number(r.refunded_fen),
    balanceFen: Number(r.balance_fen),
    balanceReason: String(r.balance_reason),
    approvedBy: (r.approved_by as string | null) ?? null,
    loanerOverride: r.loaner_override === 1,
    passcodeErased: r.passcode_erased === 1,
    collectedAt: String(r.collected_at),
    collectedBy: (r.collected_by as string | null) ?? null,
    collectedByName: (r.by_name as string | null) ?? null,
  };
}

/** The quote's lines; their names in the reader's language when the price list or catalog has one (the quote keeps the shop's). */
function workLines(ctx: Pick<Ctx, 'sqlite' | 'locale'>, q: NonNullable<ReturnType<typeof getAuthorizedQuote>>): WorkLine[] {
  const name = (l: (typeof q.quote.lines)[number]): string => {
    if (ctx.locale !== 'en') return l.description;
    const row = l.priceItemId
      ? (prepared(ctx.sqlite, `SELECT name_en AS en FROM price_list_items WHERE id = ?`).get(l.priceItemId) as { en: string } | undefined)
      : l.partId
        ? (prepared(ctx.sqlite, `SELECT name_en AS en FROM parts WHERE id = ?`).get(l.partId) as { en: string } | undefined)
        : undefined;
    return row?.en || l.description;
  };
  return q.quote.lines.map((l) => ({ kind: l.kind, sku: l.sku, description: name(l), qty: l.qty, unitPriceFen: l.unitPriceFen, amountFen: l.amountFen, payers: l.payers }));
}

/** The settlement of a ticket as it stands, with an optional counter discount. */
export function settlementOf(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string, discount: { discountBp?: number | undefined; discountFen?: number | undefined } = {}): { settlement: Settlement; quote: ReturnType<typeof getAuthorizedQuote> } {
  const q = getAuthorizedQuote(ctx, ticketId);
  const settings = shopSettings(ctx);
  const { paidFen, depositFen } = paidOnTicket(ctx, ticketId);
  const due = q?.customerDueFen ?? 0;
  const discountFen = discount.discountFen !== undefined ? Math.min(discount.discountFen, due) : discount.discountBp !== undefined ? discountFromBp(due, discount.discountBp) : 0;
  const settlement = settle({ customerDueFen: due, discountFen, taxRateBp: settings.taxRateBp, pricesIncludeTax: settings.pricesIncludeTax, paidFen, depositFen });
  return { settlement, quote: q };
}

export async function lookup(ctx: Ctx, ref: string, discount: { discountBp?: number | undefined; discountFen?: number | undefined } = {}): Promise<CollectionView> {
  const t = ticketBasics(ctx, ref.trim());
  const x = extra(ctx, t.id);
  const settings = shopSettings(ctx);
  const today = businessDate(ctx);
  const record = t.status === 'collected' ? collectionRow(ctx, t.id) : null;
  const { settlement, quote } = settlementOf(ctx, t.id, record ? { discountFen: record.discountFen } : discount);
  const handback = record ? localDate(record.collectedAt, settings.timeZone) : today;
  const w = await warrantyFacts(ctx, t, (quote?.quote.lines ?? []).filter((l) => l.kind === 'part').map((l) => ({ partId: l.partId, endDate: l.decision.endDate })));
  const paidParts = new Set((quote?.quote.lines ?? []).filter((l) => l.partId && l.payers.customer < l.amountFen).map((l) => l.partId!));
  const loan = loanerOutForTicket(ctx, t.id);
  const dayClosed = closeOf(ctx, today, ctx.session?.userId ?? null) !== null;
  const L = ctx.locale;
  const blockers: string[] = [];
  if (t.status === 'collected') blockers.push(tt(L, 'collection.error.alreadyCollected', { number: t.number }));
  else if (t.status !== 'ready') blockers.push(tt(L, 'collection.error.notReady', { number: t.number, status: tt(L, `tickets.status.${t.status}`) }));
  if (loan && t.status !== 'collected') blockers.push(tt(L, 'stock.errors.loanerOut', { ticket: t.number, sku: loan.sku, serial: loan.serial }));
  if (dayClosed) blockers.push(tt(L, 'collection.error.dayClosed', { date: today }));
  const s = prepared(ctx.sqlite, `SELECT * FROM sanbao_outcomes WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id) as Record<string, string | number | null> | undefined;
  const accessories = JSON.parse(x.accessories_json || '{}') as { items?: string[]; other?: string };
  const faultCodes = (JSON.parse(x.fault_codes_json || '[]') as string[]).map((c) => (hasKey(`devices.fault.${c}`) ? tt(L, `devices.fault.${c}`) : c));
  return {
    ticket: {
      id: t.id,
      number: t.number,
      status: t.status,
      outcome: x.outcome,
      receivedAt: t.received_at,
      readyAt: lastStatusAt(ctx, t.id, 'ready'),
      fault: [faultCodes.join(L === 'zh-CN' ? '、' : ', '), x.fault_text].filter(Boolean).join(L === 'zh-CN' ? '；' : '; '),
      cause: latestCause(ctx, t.id),
      technician: x.technician,
      customerName: x.customer_name,
      phonesMasked: customerPhones(ctx, t.customer_id).map(maskPhone),
      device: { category: t.category, brand: x.brand, model: x.model, imei: x.imei, serial: x.serial, colour: x.colour },
      passcodeGiven: t.passcode_state === 'given',
      accessories: (accessories.items ?? []).map((a) => (a === 'other' && accessories.other ? accessories.other : hasKey(`documents.accessory.${a}`) ? tt(L, `documents.accessory.${a}`) : a)),
    },
    lines: quote ? workLines(ctx, quote) : [],
    quote: quote ? { version: quote.quote.version, declined: quote.declined, covered: quote.covered, payers: quote.byPayer } : null,
    parts: replacedParts(ctx, t.id, w, handback, paidParts),
    warranty: { unitEnd: w.unitEnd, repairWarrantyDays: w.repairWarrantyDays, repairWarrantyUntil: addDays(handback, w.repairWarrantyDays), reasons: w.reasons },
    sanbao: s
      ? {
          option: String(s.option),
          oldImei: (s.old_imei as string | null) ?? null,
          oldSerial: (s.old_serial as string | null) ?? null,
          newImei: (s.new_imei as string | null) ?? null,
          newSerial: (s.new_serial as string | null) ?? null,
          exchangeDate: (s.exchange_date as string | null) ?? null,
          refundFen: Number(s.refund_fen),
          purchasePriceFen: Number(s.purchase_price_fen),
          depreciationFen: Number(s.depreciation_fen),
          daysUsed: Number(s.days_used),
          approvedByName: userName(ctx, (s.approved_by as string | null) ?? null),
          refundPaid: s.option === 'return' ? sanbaoRefundPaid(ctx, { id: String(s.id), ticketId: t.id }) : null,
        }
      : null,
    loaner: { out: !!loan, sku: loan?.sku ?? null, serial: loan?.serial ?? null, depositFen: loan?.depositFen ?? 0 },
    payments: ticketPayments(ctx, t.id),
    settlement,
    discountManagerAboveBp: settings.bench.discountManagerAboveBp,
    today,
    dayClosed,
    blockers,
    collection: record,
  };
}

// ---- identity ----

export function identityMatches(ctx: Pick<Ctx, 'sqlite'>, t: TicketBasics, identity: IdentityInput): boolean {
  if (identity.method === 'phone_last4') return phoneLast4Matches(customerPhones(ctx, t.customer_id), identity.last4);
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

  const passcodeErased = await erasePasscode(ctx, t.id, 'collected');
  releaseTicketReservations(ctx, t.id);
  const id = input.identity;
  prepared(
    ctx.sqlite,
    `INSERT INTO collections (id, ticket_id, identity_method, pickup_name, pickup_id_type, pickup_id_masked, pickup_relation, customer_due_fen, discount_fen, discount_reason,
       total_fen, tax_fen, tax_rate_bp, prices_include_tax, deposit_applied_fen, paid_now_fen, change_fen, refunded_fen, balance_fen, balance_reason, approved_by,
       loaner_override, passcode_erased, business_date, collected_at, collected_by, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
