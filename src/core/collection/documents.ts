/**
 * Collection's documents registered with the print service:
 *   repair_receipt (维修结算单)  entity = ticket id or number (a pro-forma before hand-back)
 *   warranty_card  (保修卡)      entity = ticket id or number
 *   daily_close    (日结单)      entity = 'YYYY-MM-DD' (the shop) or 'YYYY-MM-DD:<userId>' (one cashier)
 *   claim_batch    (索赔清单)    entity = '<payer>:YYYY-MM'
 */
import { buildClaimBatch } from '../../shared/collection/claim-batch';
import { buildDailyClose } from '../../shared/collection/daily-close';
import type { ClaimBatchModel, DailyCloseModel, RepairReceiptModel, WarrantyCardModel } from '../../shared/collection/document-models';
import { buildRepairReceipt } from '../../shared/collection/repair-receipt';
import { buildWarrantyCard } from '../../shared/collection/warranty-card';
import { otherPayersText } from '../../shared/bench/quote-form';
import { daysFrom } from '../../shared/collection/rules';
import { CLAIM_PAYERS, type ClaimPayer } from '../../shared/collection/schemas';
import { formatMoney } from '../../shared/documents/format';
import { t } from '../../shared/i18n/translate';
import { localDate } from '../../shared/time/local-date';
import { PAYERS, type Finding } from '../../shared/warranty/schemas';
import { DEFAULT_EXCLUSIONS } from '../../shared/warranty/presets';
import type { Locale } from '../../shared/i18n/types';
import { resolvePolicy } from '../warranty/store';
import type { Ctx } from '../api/context';
import { registerDocument, type LoadOptions } from '../documents/registry';
import { statement } from '../db/statements';
import { AppError } from '../../shared/api/errors';
import { phoneDisplays } from '../customers/store';
import { lookup } from './view';
import { listClaims } from './claims';
import { dailyCloseView } from './daily-close';
import { DOC_FORMATS } from '../../shared/documents/settings';

async function viewFor(ctx: Ctx, ref: string, locale: LoadOptions['locale']) {
  try {
    return await lookup({ ...ctx, locale }, ref);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export async function loadRepairReceipt(ctx: Ctx, ref: string, { locale, settings }: LoadOptions): Promise<RepairReceiptModel | null> {
  const v = await viewFor(ctx, ref, locale);
  if (!v) return null;
  const money = (f: number) => formatMoney(f, locale, settings.currency);
  const payerWord = (p: string) => t(locale, `bench.payer.${p}`);
  const rec = v.collection;
  const tRow = statement<{
    customer_id: string;
    counter: string | null;
  }>(ctx.sqlite, `SELECT t.customer_id, u.display_name AS counter FROM tickets t LEFT JOIN users u ON u.id = t.received_by WHERE t.id = ?`).get(v.ticket.id)!;
  const lines = v.lines.map((l) => ({
    description: l.description,
    qty: l.qty,
    unitPriceFen: l.unitPriceFen,
    amountFen: l.amountFen,
    customerFen: l.payers.customer,
    payerText: otherPayersText(l.payers, locale, money),
    serials: l.kind === 'part' ? (v.parts.find((p) => p.sku === l.sku)?.serials ?? []) : [],
    removedSerial: l.kind === 'part' ? (v.parts.find((p) => p.sku === l.sku)?.removedSerial ?? null) : null,
  }));
  const subtotal = v.lines.reduce((s, l) => s + l.amountFen, 0);
  const payerTotals = PAYERS.filter((p) => p !== 'customer').map((p) => ({ p, fen: v.lines.reduce((s, l) => s + l.payers[p], 0) })).filter((x) => x.fen > 0);
  // The quote's own discount sits between the customer's line shares and what is due.
  const quoteDiscount = v.lines.reduce((s, l) => s + l.payers.customer, 0) - v.settlement.customerDueFen;
  const payers = payerTotals.map((x) => ({ label: t(locale, 'bench.doc.paidBy', { payer: payerWord(x.p) }), fen: x.fen }));
  if (quoteDiscount > 0) payers.push({ label: t(locale, 'collection.doc.discount'), fen: quoteDiscount });
  const mine = rec ? v.payments.filter((p) => p.collectionId === rec.id) : [];
  const sanbaoPaymentId = v.sanbao?.refundPaid?.paymentId ?? null;
  const before = (rec ? v.payments.filter((p) => p.collectionId !== rec.id && p.at <= rec.collectedAt) : v.payments).filter((p) => p.id !== sanbaoPaymentId);
  const paidBefore = before.reduce((s, p) => s + p.amountFen, 0);
  const deposit = before.filter((p) => p.kind === 'deposit' || (p.kind === 'void' && before.some((d) => d.id === p.reversesId && d.kind === 'deposit'))).reduce((s, p) => s + p.amountFen, 0);
  const tenders = mine
    .filter((p) => p.kind === 'settlement')
    .map((p) => ({ label: t(locale, `collection.tender.${p.tender}`), amountFen: p.amountFen, receivedFen: p.receivedFen, changeFen: p.changeFen, reference: p.reference }));
  const s = v.settlement;
  const total = rec ? rec.totalFen : s.totalFen;
  const tax = rec ? rec.taxFen : s.tax.taxFen;
  const pickup = rec
    ? rec.identityMethod === 'phone_last4'
      ? t(locale, 'collection.identity.phone')
      : t(locale, 'collection.identity.third', { name: rec.pickupName, relation: rec.pickupRelation || '—', id: rec.pickupIdMasked })
    : '';
  return {
    shop: { name: settings.name, address: settings.address, phone: settings.phone, hotline: settings.hotline },
    ticketNumber: v.ticket.number,
    receivedAt: v.ticket.receivedAt,
    collectedAt: rec?.collectedAt ?? null,
    customer: { name: v.ticket.customerName, phone: phoneDisplays(ctx.sqlite, tRow.customer_id)[0] ?? '' },
    device: `${v.ticket.device.brand} ${v.ticket.device.model}`.trim(),
    deviceCode: v.ticket.device.imei ?? v.ticket.device.serial ?? '',
    fault: v.ticket.fault,
    cause: v.ticket.cause,
    outcome: v.ticket.outcome ? t(locale, `collection.outcome.${v.ticket.outcome}`) : '—',
    technician: v.ticket.technician ?? '',
    counterStaff: rec?.collectedByName ?? tRow.counter ?? '',
    lines,
    subtotalFen: subtotal,
    payers,
    customerDueFen: rec ? rec.customerDueFen : s.customerDueFen,
    discountFen: rec ? rec.discountFen : s.discountFen,
    discountReason: rec?.discountReason ?? '',
    totalFen: total,
    tax: { rateBp: s.tax.rateBp, taxFen: tax, netFen: total - tax, pricesIncludeTax: s.tax.pricesIncludeTax },
    depositFen: Math.max(0, Math.min(deposit, total)),
    paidBeforeFen: Math.max(0, Math.min(paidBefore, total)),
    paidNowFen: rec ? rec.paidNowFen : 0,
    changeFen: rec ? rec.changeFen : 0,
    refundedFen: rec ? rec.refundedFen : 0,
    balanceFen: rec ? rec.balanceFen : Math.max(0, s.dueNowFen),
    balanceReason: rec?.balanceReason ?? '',
    tenders,
    sanbaoRefund:
      v.sanbao && v.sanbao.option === 'return'
        ? {
            purchasePriceFen: v.sanbao.purchasePriceFen,
            depreciationFen: v.sanbao.depreciationFen,
            daysUsed: v.sanbao.daysUsed,
            amountFen: v.sanbao.refundPaid?.amountFen ?? v.sanbao.refundFen,
            approvedBy: v.sanbao.refundPaid?.approvedByName ?? v.sanbao.approvedByName ?? '',
            paid: v.sanbao.refundPaid
              ? { tender: t(locale, `collection.tender.${v.sanbao.refundPaid.tender}`), reference: v.sanbao.refundPaid.reference, date: v.sanbao.refundPaid.businessDate }
              : null,
          }
        : null,
    parts: v.parts.map((p) => ({ name: p.name, sku: p.sku, serials: p.serials, removedSerial: p.removedSerial, warrantyEnd: p.warrantyEnd })),
    repairWarrantyUntil: v.warranty.repairWarrantyUntil,
    repairWarrantyDays: v.warranty.repairWarrantyDays,
    pickup,
    terms: [t(locale, 'collection.doc.terms.receipt1'), t(locale, 'collection.doc.terms.receipt2')],
  };
}

/** The recorded findings by name, each with what the policy's exclusion table voids. */
async function exclusionsOf(ctx: Ctx, category: string, findings: Finding[], locale: Locale) {
  if (findings.length === 0) return { exclusions: [], unitVoided: false };
  let table: Partial<Record<Finding, readonly string[]>> = DEFAULT_EXCLUSIONS;
  try {
    table = (await resolvePolicy(ctx, { category })).policy.exclusions;
  } catch {
    /* no policy for the category: the built-in table names what a finding voids */
  }
  const exclusions = findings.map((f) => ({
    // a list's label, as at intake (warranty.finding.* is the same fact inside a sentence)
    finding: t(locale, `tickets.finding.${f}`),
    voids: (table[f] ?? []).map((s) => t(locale, `warranty.scope.${s}`)),
  }));
  return { exclusions, unitVoided: findings.some((f) => (table[f] ?? []).includes('unit')) };
}

export async function loadWarrantyCard(ctx: Ctx, ref: string, { locale, settings }: LoadOptions): Promise<WarrantyCardModel | null> {
  const v = await viewFor(ctx, ref, locale);
  if (!v) return null;
  const d = statement<{ imei2: string | null; purchase_date: string | null; invoice_date: string | null; invoice_no: string; seller: string; customer_id: string; findings_json: string }>(
    ctx.sqlite,
    `SELECT d.imei2, d.purchase_date, d.invoice_date, d.invoice_no, d.seller, t.customer_id, t.findings_json FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ?`,
  ).get(v.ticket.id)!;
  const { exclusions, unitVoided } = await exclusionsOf(ctx, v.ticket.device.category, JSON.parse(d.findings_json) as Finding[], locale);
  const rec = v.collection;
  const handedBack = rec ? localDate(rec.collectedAt, settings.timeZone) : null;
  const from = handedBack ?? v.today;
  const category = t(locale, `warranty.category.${v.ticket.device.category}`);
  const exchange = v.sanbao && v.sanbao.option === 'exchange' ? { date: v.sanbao.exchangeDate, oldImei: v.sanbao.oldImei, newImei: v.sanbao.newImei, oldSerial: v.sanbao.oldSerial, newSerial: v.sanbao.newSerial } : null;
  return {
    shop: { name: settings.name, address: settings.address, phone: settings.phone, hotline: settings.hotline },
    ticketNumber: v.ticket.number,
    customer: { name: v.ticket.customerName, phone: phoneDisplays(ctx.sqlite, d.customer_id)[0] ?? '' },
    device: {
      category,
      brandModel: `${v.ticket.device.brand} ${v.ticket.device.model}`.trim(),
      imei: exchange?.newImei ?? v.ticket.device.imei,
      imei2: d.imei2,
      serial: exchange?.newSerial ?? v.ticket.device.serial,
      purchaseDate: d.invoice_date ?? d.purchase_date,
      invoiceNo: d.invoice_no,
      seller: d.seller,
    },
    record: {
      sentIn: localDate(v.ticket.receivedAt, settings.timeZone),
      fault: v.ticket.fault,
      cause: v.ticket.cause,
      done: v.lines.map((l) => (l.qty > 1 ? `${l.description} ×${l.qty}` : l.description)),
      outcome: v.ticket.outcome ? t(locale, `collection.outcome.${v.ticket.outcome}`) : '',
      parts: v.parts.map((p) => ({ name: p.name, sku: p.sku, serials: p.serials, removedSerial: p.removedSerial, warrantyEnd: p.warrantyEnd })),
      handedBack,
      technician: v.ticket.technician ?? '',
    },
    repairWarranty: { days: v.warranty.repairWarrantyDays, until: v.warranty.repairWarrantyUntil },
    statutory: { unitEnd: v.warranty.unitEnd, remainingDays: v.warranty.unitEnd ? daysFrom(from, v.warranty.unitEnd) : null },
    exclusions,
    unitVoided,
    exchange,
    terms: [t(locale, 'collection.doc.terms.card1'), t(locale, 'collection.doc.terms.card2'), t(locale, 'collection.doc.terms.card3')],
  };
}

export function loadDailyClose(ctx: Ctx, entity: string, { locale, settings }: LoadOptions): DailyCloseModel | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?::(.+))?$/.exec(entity);
  if (!m) return null;
  const v = dailyCloseView(ctx, { date: m[1]!, scope: m[2] ? 'user' : 'shop', userId: m[2] });
  return {
    shopName: settings.name,
    date: v.date,
    scopeText: v.scope === 'shop' ? t(locale, 'collection.doc.scopeShop') : t(locale, 'collection.doc.scopeUser', { name: v.userName ?? '—' }),
    byTender: v.figures.byTender.map((x) => ({ label: t(locale, `collection.tender.${x.tender}`), count: x.count, inFen: x.inFen, outFen: x.outFen, netFen: x.netFen })),
    salesFen: v.figures.salesFen,
    depositsTakenFen: v.figures.depositsTakenFen,
    depositsAppliedFen: v.depositsAppliedFen,
    refundsFen: v.figures.refundsFen,
    voidsFen: v.figures.voidsFen,
    netFen: v.figures.netFen,
    expectedCashFen: v.close?.expectedCashFen ?? v.cash.expectedFen,
    till: { takenFen: v.cash.takenFen, floatFen: v.cash.floatFen, payoutsFen: v.cash.payoutsFen, dropsFen: v.cash.dropsFen },
    cashMovements: v.cashMovements.map((c) => ({ kind: t(locale, `collection.cash.kind.${c.kind}`), amountFen: c.amountFen, reason: c.reason, at: c.at, byName: c.byName ?? '—' })),
    countedCashFen: v.close?.countedCashFen ?? null,
    differenceFen: v.close?.differenceFen ?? null,
    reason: v.close?.reason ?? '',
    tickets: v.tickets,
    byUser: v.byUser.map((u) => ({ name: u.name, payments: u.payments, cashFen: u.cashFen, netFen: u.netFen })),
    closedAt: v.close?.closedAt ?? null,
    closedBy: v.close?.closedByName ?? null,
  };
}

export function loadClaimBatch(ctx: Ctx, entity: string, { locale, settings }: LoadOptions): ClaimBatchModel | null {
  const m = /^([a-z_]+):(\d{4}-\d{2})$/.exec(entity);
  if (!m || !(CLAIM_PAYERS as readonly string[]).includes(m[1]!)) return null;
  const claims = listClaims(ctx, { payer: m[1] as ClaimPayer, period: m[2]!, limit: 1000 });
  return {
    shopName: settings.name,
    payer: t(locale, `bench.payer.${m[1]}`),
    period: m[2]!,
    claims: claims.map((c) => ({
      number: c.number,
      ticketNumber: c.ticketNumber,
      device: c.device,
      imei: c.imei ?? c.serial ?? '',
      status: t(locale, `collection.claimStatus.${c.status}`),
      claimedFen: c.claimedFen,
      lines: c.lines.map((l) => ({ description: l.description, sku: l.sku ?? '', qty: l.qty, unitPriceFen: l.unitPriceFen, amountFen: l.amountFen, serials: l.newSerials.join(' '), removed: l.removedSerial ?? '' })),
    })),
    totalFen: claims.reduce((s, c) => s + c.claimedFen, 0),
  };
}

let done = false;
export function registerCollectionDocuments(): void {
  if (done) return;
  done = true;
  const cashiers = ['counter', 'manager', 'admin'] as const;
  registerDocument('repair_receipt', {
    titleKey: 'documents.title.repair_receipt',
    formats: DOC_FORMATS.repair_receipt,
    roles: cashiers,
    load: loadRepairReceipt,
    build: buildRepairReceipt,
    reference: (m) => m.ticketNumber,
  });
  registerDocument('warranty_card', {
    titleKey: 'documents.title.warranty_card',
    formats: DOC_FORMATS.warranty_card,
    roles: cashiers,
    load: loadWarrantyCard,
    build: buildWarrantyCard,
    reference: (m) => m.ticketNumber,
  });
  registerDocument('daily_close', {
    titleKey: 'documents.title.daily_close',
    formats: DOC_FORMATS.daily_close,
    roles: cashiers,
    load: loadDailyClose,
    build: buildDailyClose,
    reference: (m) => m.date,
  });
  registerDocument('claim_batch', {
    titleKey: 'collection.doc.title.claim_batch',
    formats: ['a4'],
    roles: cashiers,
    load: loadClaimBatch,
    build: buildClaimBatch,
    reference: (m) => `${m.payer} ${m.period}`,
  });
}
