/**
 * Collection's documents (pure builders: model → pdfmake definition, on A4, A5 or the 80 mm roll):
 * the repair and settlement receipt (维修结算单), the warranty card with the 三包凭证 repair
 * record (保修卡), the daily close (日结单) and a batch of warranty claims (索赔清单).
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { fields, frame, paragraph, reprintMark, sectionTitle, ticketHeader, ticketQr, withProps, type Field, type ShopHeader } from '../documents/blocks';
import { formatDate, formatDateTime, formatMoney, maskPhone } from '../documents/format';
import { formatMetrics, type FormatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import type { BuildOptions, DocumentBuilder } from '../documents/types';
import { t as tt } from '../i18n/translate';
import type { Locale } from '../i18n/types';

export interface ReceiptLine {
  description: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  customerFen: number;
  /** Who else pays, in words ("厂家保修 ¥80.00"); empty when only the customer pays. */
  payerText: string;
  /** Part lines: the serials fitted and the serial taken out. */
  serials: string[];
  removedSerial: string | null;
}

export interface ReplacedPartLine {
  name: string;
  sku: string;
  serials: string[];
  removedSerial: string | null;
  /** YYYY-MM-DD */
  warrantyEnd: string;
}

export interface RepairReceiptModel {
  shop: ShopHeader;
  ticketNumber: string;
  receivedAt: string;
  /** The hand-back instant; null when printed before collection (a pro-forma). */
  collectedAt: string | null;
  customer: { name: string; phone: string };
  device: string;
  deviceCode: string;
  fault: string;
  cause: string;
  outcome: string;
  technician: string;
  counterStaff: string;
  lines: ReceiptLine[];
  subtotalFen: number;
  payers: { label: string; fen: number }[];
  /** The customer's share (after the quote's own discount), the counter discount, the total with tax. */
  customerDueFen: number;
  discountFen: number;
  discountReason: string;
  totalFen: number;
  tax: { rateBp: number; netFen: number; taxFen: number; pricesIncludeTax: boolean };
  depositFen: number;
  paidBeforeFen: number;
  paidNowFen: number;
  changeFen: number;
  refundedFen: number;
  balanceFen: number;
  balanceReason: string;
  tenders: { label: string; amountFen: number; receivedFen: number; changeFen: number; reference: string }[];
  /**
   * A 三包 return: the purchase price, the depreciation and what the customer gets back, and
   * how it was paid (null while still due: a pro-forma before hand-back).
   */
  sanbaoRefund?: {
    purchasePriceFen: number;
    depreciationFen: number;
    daysUsed: number;
    amountFen: number;
    approvedBy: string;
    paid: { tender: string; reference: string; date: string } | null;
  } | null;
  parts: ReplacedPartLine[];
  repairWarrantyUntil: string;
  repairWarrantyDays: number;
  pickup: string;
  terms: string[];
}

export interface WarrantyCardModel {
  shop: ShopHeader;
  ticketNumber: string;
  customer: { name: string; phone: string };
  device: { category: string; brandModel: string; imei: string | null; imei2: string | null; serial: string | null; purchaseDate: string | null; invoiceNo: string; seller: string };
  record: {
    sentIn: string;
    fault: string;
    cause: string;
    /** What was done, one entry per line of work (故障处理情况). */
    done: string[];
    outcome: string;
    parts: ReplacedPartLine[];
    /** YYYY-MM-DD; null before hand-back. */
    handedBack: string | null;
    technician: string;
  };
  repairWarranty: { days: number; until: string };
  statutory: { unitEnd: string | null; remainingDays: number | null };
  /**
   * Findings recorded at intake or the bench, by name, with the cover each one voids (the
   * policy's exclusion table): the card must not promise what the decision withdrew.
   */
  exclusions: { finding: string; voids: string[] }[];
  /** The whole-unit 三包 cover is void by a finding: the card says so instead of "valid until". */
  unitVoided: boolean;
  exchange: { date: string | null; oldImei: string | null; newImei: string | null; oldSerial: string | null; newSerial: string | null } | null;
  terms: string[];
}

export interface DailyCloseModel {
  shopName: string;
  date: string;
  scopeText: string;
  byTender: { label: string; count: number; inFen: number; outFen: number; netFen: number }[];
  salesFen: number;
  depositsTakenFen: number;
  depositsAppliedFen: number;
  refundsFen: number;
  voidsFen: number;
  netFen: number;
  expectedCashFen: number;
  countedCashFen: number | null;
  differenceFen: number | null;
  reason: string;
  tickets: { received: number; ready: number; collected: number };
  byUser: { name: string; payments: number; cashFen: number; netFen: number }[];
  closedAt: string | null;
  closedBy: string | null;
}

export interface ClaimBatchModel {
  shopName: string;
  payer: string;
  period: string;
  claims: { number: string; ticketNumber: string; device: string; imei: string; status: string; claimedFen: number; lines: { description: string; sku: string; qty: number; unitPriceFen: number; amountFen: number; serials: string; removed: string }[] }[];
  totalFen: number;
}

type T = (key: string, params?: Record<string, string | number>) => string;
const colon = (L: Locale) => (L === 'zh-CN' ? '：' : ': ');

const header = (model: { shop: ShopHeader; ticketNumber: string }, title: string, m: FormatMetrics, opts: BuildOptions): Content[] =>
  ticketHeader(model, title, m, opts, { max: 190, share: 0.45 });

function partsTable(parts: readonly ReplacedPartLine[], m: FormatMetrics, t: T, tz: string): Content {
  const head = (s: string): TableCell => ({ text: s, bold: true });
  const none = t('collection.doc.none');
  if (m.narrow) {
    return {
      stack: parts.map((p) => ({
        stack: [
          { text: `${p.name}（${p.sku}）`, bold: true },
          { text: `${t('collection.doc.newSerial')}${colonOf(t)}${p.serials.join(', ') || none}` },
          { text: `${t('collection.doc.removedSerial')}${colonOf(t)}${p.removedSerial || none}` },
          { text: `${t('collection.doc.partWarrantyEnd')}${colonOf(t)}${formatDate(p.warrantyEnd, tz)}`, bold: true },
        ],
        margin: [0, 1, 0, 2],
      })),
      fontSize: m.fontSize,
    };
  }
  const rows: TableCell[][] = [[head(t('collection.doc.part')), head(t('collection.doc.newSerial')), head(t('collection.doc.removedSerial')), head(t('collection.doc.partWarrantyEnd'))]];
  for (const p of parts) rows.push([`${p.name}\n${p.sku}`, p.serials.join('\n') || none, p.removedSerial || none, { text: formatDate(p.warrantyEnd, tz), bold: true }]);
  return { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto'], body: rows }, layout: 'lightHorizontalLines', fontSize: m.fontSize };
}

/** Label–value rows; on the roll each is one run ("label：value") so a long label never breaks inside. */
function recordFields(rows: Field[], m: FormatMetrics, L: Locale): Content {
  if (!m.narrow) return fields(rows, m, { single: true });
  return { stack: rows.map(([l, v]) => ({ text: [{ text: `${l}${colon(L)}`, color: '#333333' }, { text: v || '—' }], margin: [0, 0.5, 0, 0.5] })), fontSize: m.fontSize };
}

function colonOf(t: T): string {
  return t('collection.doc.colon');
}

function totalsTable(rows: [string, string, boolean?][], m: FormatMetrics): Content {
  const body: TableCell[][] = rows.map(([l, v, strong]) => [
    { text: l, color: strong ? '#000000' : '#333333', bold: !!strong, fontSize: strong ? m.fontSize + 2 : m.fontSize },
    { text: v, alignment: 'right', bold: !!strong, fontSize: strong ? m.fontSize + 2 : m.fontSize },
  ]);
  return { table: { widths: m.narrow ? ['auto', '*'] : [118, 72], body }, layout: 'noBorders', fontSize: m.fontSize };
}

function totalsBlock(rows: [string, string, boolean?][], m: FormatMetrics): Content {
  if (m.narrow) return withProps(totalsTable(rows, m), { margin: [0, 3, 0, 0] });
  return { columns: [{ text: '', width: '*' }, withProps(totalsTable(rows, m), { width: 'auto' })], margin: [0, 3, 0, 0] };
}

/** Who received the device and who handed it over, each on a line, with the date the customer writes. */
function signatures(m: FormatMetrics, L: Locale, staff: string, customerLabel: string): Content {
  const label = (s: string): TableCell => ({ text: s, border: [false, false, false, false], margin: [0, 8, 0, 0], noWrap: true });
  const line: TableCell = { text: ' ', border: [false, false, false, true], margin: [0, 8, 0, 0] };
  const staffCell: TableCell = { text: staff, border: [false, false, false, true], margin: [0, 8, 0, 0] };
  const date = tr(L, 'documents.signature.date');
  if (m.narrow) {
    return {
      table: { widths: ['auto', '*'], body: [[label(customerLabel), line], [label(date), { ...line }], [label(tr(L, 'documents.signature.staff')), staffCell]] },
      fontSize: m.fontSize,
      margin: [0, 6, 0, 0],
      unbreakable: true,
    };
  }
  const gap: TableCell = { text: '', border: [false, false, false, false] };
  return {
    table: { widths: ['auto', '*', 10, 'auto', 56, 10, 'auto', 80], body: [[label(customerLabel), line, gap, label(date), { ...line }, { ...gap }, label(tr(L, 'documents.signature.staff')), staffCell]] },
    fontSize: m.fontSize,
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };
}

function termsList(terms: readonly string[], m: FormatMetrics, title: string): Content {
  if (!terms.length) return { text: '' };
  return { stack: [{ text: title, fontSize: m.small + 0.5, bold: true, margin: [0, 4, 0, 1] }, { ol: terms.map((x) => ({ text: x })), fontSize: m.small, lineHeight: 1.1 }], unbreakable: true };
}

export const buildRepairReceipt: DocumentBuilder<RepairReceiptModel> = (model, opts) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t: T = (k, p) => tt(L, k, p);
  const money = (f: number) => formatMoney(f, L, opts.currency);
  const tz = opts.timeZone;
  const title = tr(L, 'documents.title.repair_receipt');
  const body = header(model, title, m, opts);

  const info: Field[] = [
    [tr(L, 'documents.field.ticketNumber'), model.ticketNumber],
    [t('collection.doc.outcome'), model.outcome],
    [t('collection.doc.sentIn'), formatDateTime(model.receivedAt, tz)],
    [t('collection.doc.handedBack'), model.collectedAt ? formatDateTime(model.collectedAt, tz) : t('collection.doc.notYet')],
    [tr(L, 'documents.field.customerName'), model.customer.name],
    [tr(L, 'documents.field.phone'), maskPhone(model.customer.phone)],
    [tr(L, 'documents.field.brandModel'), model.device],
    [t('collection.doc.deviceCode'), model.deviceCode || '—'],
    [tr(L, 'documents.field.technician'), model.technician || '—'],
  ];
  if (model.pickup) info.push([t('collection.doc.pickup'), model.pickup]);
  info.push([t('collection.doc.fault'), model.fault || '—'], [t('collection.doc.cause'), model.cause || '—']);
  body.push(withProps(fields(info, m), { margin: [0, 4, 0, 0] }));

  body.push(sectionTitle(t('collection.doc.lines'), m));
  const head = (s: string, align: 'left' | 'right' = 'left'): TableCell => ({ text: s, bold: true, alignment: align });
  // A part's serials (new, and the one taken out) under its line: the warranty card lists them again with their end dates.
  const serialLine = (l: ReceiptLine): Content[] =>
    l.serials.length || l.removedSerial
      ? [{ text: [l.serials.length ? `${t('collection.doc.newSerial')} ${l.serials.join(', ')}` : '', l.removedSerial ? `  ${t('collection.doc.removedSerial')} ${l.removedSerial}` : ''].join('').trim(), fontSize: m.small, color: '#333333' }]
      : [];
  const rows: TableCell[][] = m.narrow
    ? [[head(t('collection.doc.item')), head(t('collection.doc.customerPays'), 'right')]]
    : [[head(t('collection.doc.item')), { ...(head(t('collection.doc.qty'), 'right') as object), noWrap: true } as TableCell, head(t('collection.doc.unitPrice'), 'right'), head(t('collection.doc.amount'), 'right'), head(t('collection.doc.payer')), head(t('collection.doc.customerPays'), 'right')]];
  if (model.lines.length === 0) rows.push(m.narrow ? [t('collection.doc.noCharge'), ''] : [t('collection.doc.noCharge'), '', '', '', '', '']);
  model.lines.forEach((l) => {
    if (m.narrow) {
      rows.push([
        { stack: [{ text: l.description }, ...serialLine(l), { text: `${l.qty} × ${money(l.unitPriceFen)}${l.payerText ? `  ${l.payerText}` : ''}`, fontSize: m.small, color: '#333333' }] },
        { text: money(l.customerFen), alignment: 'right' },
      ]);
    } else {
      rows.push([
        { stack: [{ text: l.description }, ...serialLine(l)] },
        { text: String(l.qty), alignment: 'right' },
        { text: money(l.unitPriceFen), alignment: 'right' },
        { text: money(l.amountFen), alignment: 'right' },
        { text: l.payerText || t('bench.payer.customer'), fontSize: m.small, noWrap: true },
        { text: money(l.customerFen), alignment: 'right', bold: true },
      ]);
    }
  });
  body.push({ table: { headerRows: 1, widths: m.narrow ? ['*', 'auto'] : ['*', 'auto', 'auto', 'auto', 'auto', 'auto'], body: rows }, layout: 'lightHorizontalLines', fontSize: m.fontSize });

  // Subtotal and the customer's share only when someone else pays part (else all three lines say the same).
  const sums: [string, string, boolean?][] = [];
  if (model.payers.length) {
    sums.push([t('collection.doc.subtotal'), money(model.subtotalFen)]);
    for (const p of model.payers) sums.push([p.label, `−${money(p.fen)}`]);
    sums.push([t('collection.doc.customerShare'), money(model.customerDueFen)]);
  }
  if (model.discountFen > 0) sums.push([`${t('collection.doc.discount')}${model.discountReason ? `（${model.discountReason}）` : ''}`, `−${money(model.discountFen)}`]);
  sums.push([t('collection.doc.total'), money(model.totalFen), true]);
  sums.push([
    t(model.tax.pricesIncludeTax ? 'collection.doc.taxIncluded' : 'collection.doc.taxAdded', { rate: (model.tax.rateBp / 100).toFixed(model.tax.rateBp % 100 ? 2 : 0) }),
    money(model.tax.taxFen),
  ]);
  sums.push([t('collection.doc.net'), money(model.tax.netFen)]);
  if (model.depositFen > 0) sums.push([t('collection.doc.depositApplied'), `−${money(model.depositFen)}`]);
  if (model.paidBeforeFen - model.depositFen > 0) sums.push([t('collection.doc.paidBefore'), `−${money(model.paidBeforeFen - model.depositFen)}`]);
  sums.push([t('collection.doc.paidNow'), money(model.paidNowFen), true]);
  if (model.refundedFen > 0) sums.push([t('collection.doc.refunded'), money(model.refundedFen)]);
  if (model.balanceFen > 0) sums.push([t('collection.doc.balance'), money(model.balanceFen), true]);
  // The tenders beside the totals on A4/A5 (one page), below them on the roll.
  const pay: Content[] = [];
  if (model.tenders.length) {
    pay.push(sectionTitle(t('collection.doc.tenders'), m));
    const tRows: TableCell[][] = model.tenders.map((x) => [
      { text: x.label, noWrap: true },
      { text: x.reference ? `${t('collection.doc.reference')} ${x.reference}` : x.changeFen > 0 || x.receivedFen > x.amountFen ? `${t('collection.doc.received')} ${money(x.receivedFen)}` : '', fontSize: m.small },
      { text: money(x.amountFen), alignment: 'right' },
    ]);
    if (model.changeFen > 0) tRows.push([{ text: t('collection.doc.change'), bold: true, noWrap: true }, '', { text: money(model.changeFen), alignment: 'right', bold: true }]);
    pay.push({ table: { widths: ['auto', '*', 'auto'], body: tRows }, layout: 'noBorders', fontSize: m.fontSize });
  }
  if (model.balanceFen > 0 && model.balanceReason) pay.push(paragraph(`${t('collection.doc.balanceReason')}${colon(L)}${model.balanceReason}`, m));
  if (m.narrow) body.push(totalsBlock(sums, m), ...pay);
  else body.push({ columns: [{ stack: pay, width: '*' }, withProps(totalsTable(sums, m), { width: 'auto' })], columnGap: 16, margin: [0, 2, 0, 0] } as unknown as Content);
  // A 三包 return: the money that went back to the customer, apart from what was paid for work.
  const r = model.sanbaoRefund;
  if (r) {
    body.push(sectionTitle(t('collection.doc.sanbaoRefund'), m));
    const rows2: Field[] = [
      [t('collection.doc.purchasePrice'), money(r.purchasePriceFen)],
      // Inside the return window the refund is the invoice price: say so rather than "−¥0.00".
      r.depreciationFen === 0
        ? [t('collection.doc.noDepreciation'), t('collection.doc.noDepreciationValue')]
        : [t('collection.doc.depreciation', { days: r.daysUsed }), `−${money(r.depreciationFen)}`],
      [r.paid ? t('collection.doc.sanbaoRefunded') : t('collection.doc.sanbaoRefundDue'), money(r.amountFen)],
    ];
    if (r.paid) {
      rows2.push([t('collection.doc.refundTender'), r.paid.reference ? `${r.paid.tender} · ${t('collection.doc.reference')} ${r.paid.reference}` : r.paid.tender]);
      rows2.push([t('collection.doc.refundDate'), formatDate(r.paid.date, tz)]);
    }
    if (r.approvedBy) rows2.push([t('collection.doc.approvedBy'), r.approvedBy]);
    body.push(fields(rows2, m));
  }
  // A returned unit stays with the shop: no repair warranty to promise the customer.
  if (!r) body.push(withProps(paragraph(t('collection.doc.repairWarrantyLine', { days: model.repairWarrantyDays, until: formatDate(model.repairWarrantyUntil, tz) }), m), { bold: true, margin: [0, 4, 0, 0] }));

  // The shop's terms only: how amounts are rounded is ours to know, not a term of service.
  body.push(termsList(model.terms, m, tr(L, 'documents.section.terms')));
  body.push(signatures(m, L, model.counterStaff, t('collection.doc.customerReceived')));
  if (m.narrow) body.push(withProps(ticketQr(model.ticketNumber, m, 'center'), { margin: [0, 8, 0, 0] }));
  return frame(body, m, opts, { title: `${title} ${model.ticketNumber}` });
};

export const buildWarrantyCard: DocumentBuilder<WarrantyCardModel> = (model, opts) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t: T = (k, p) => tt(L, k, p);
  const tz = opts.timeZone;
  const title = t('collection.doc.cardTitle');
  const body = header(model, title, m, opts);

  const d = model.device;
  const deviceRows: Field[] = [
    [tr(L, 'documents.field.customerName'), model.customer.name],
    [tr(L, 'documents.field.phone'), maskPhone(model.customer.phone)],
    [tr(L, 'documents.field.category'), d.category],
    [tr(L, 'documents.field.brandModel'), d.brandModel],
  ];
  if (d.imei) deviceRows.push([tr(L, 'documents.field.imei'), d.imei]);
  if (d.imei2) deviceRows.push([tr(L, 'documents.field.imei2'), d.imei2]);
  if (d.serial) deviceRows.push([tr(L, 'documents.field.serial'), d.serial]);
  deviceRows.push([t('collection.doc.purchaseDate'), d.purchaseDate ?? '—']);
  if (d.invoiceNo) deviceRows.push([t('collection.doc.invoiceNo'), d.invoiceNo]);
  if (d.seller) deviceRows.push([t('collection.doc.seller'), d.seller]);
  body.push(sectionTitle(t('collection.doc.deviceSection'), m));
  body.push(fields(deviceRows, m));

  // The repair record the 三包 rules require, in their order.
  const r = model.record;
  body.push(sectionTitle(t('collection.doc.repairRecord'), m));
  const rec: Field[] = [
    [t('collection.doc.sentIn'), formatDate(r.sentIn, tz)],
    [t('collection.doc.fault'), r.fault || '—'],
    [t('collection.doc.cause'), r.cause || '—'],
    [t('collection.doc.done'), [...r.done, r.outcome].filter(Boolean).join(L === 'zh-CN' ? '；' : '; ') || '—'],
    [t('collection.doc.handedBack'), r.handedBack ? formatDate(r.handedBack, tz) : t('collection.doc.notYet')],
    [t('collection.doc.technician'), r.technician || '—'],
  ];
  body.push(recordFields(rec, m, L));
  if (r.parts.length) {
    body.push({ text: t('collection.doc.partsReplaced'), bold: true, fontSize: m.fontSize, margin: [0, 3, 0, 1] });
    body.push(partsTable(r.parts, m, t, tz));
  }
  if (model.exchange) {
    const e = model.exchange;
    body.push(sectionTitle(t('collection.doc.exchangeRecord'), m));
    const ex: Field[] = [[t('collection.doc.exchangeDate'), e.date ?? '—']];
    if (e.oldImei || e.newImei) ex.push([t('collection.doc.oldImei'), e.oldImei ?? '—'], [t('collection.doc.newImei'), e.newImei ?? '—']);
    if (e.oldSerial || e.newSerial) ex.push([t('collection.doc.oldSerial'), e.oldSerial ?? '—'], [t('collection.doc.newSerial'), e.newSerial ?? '—']);
    body.push(fields(ex, m));
    body.push(paragraph(t('collection.doc.exchangeRestart'), m));
  }

  body.push(sectionTitle(t('collection.doc.coverage'), m));
  const cov: Field[] = [
    [t('collection.doc.repairWarranty'), t('collection.doc.repairWarrantyValue', { days: model.repairWarranty.days, until: formatDate(model.repairWarranty.until, tz) })],
    [
      t('collection.doc.statutory'),
      model.unitVoided
        ? t('collection.doc.statutoryVoided', { findings: model.exclusions.map((e) => e.finding).join(L === 'zh-CN' ? '、' : ', ') })
        : model.statutory.unitEnd
        ? model.statutory.remainingDays !== null && model.statutory.remainingDays >= 0
          ? t('collection.doc.statutoryUntil', { until: model.statutory.unitEnd, days: model.statutory.remainingDays })
          : t('collection.doc.statutoryEnded', { until: model.statutory.unitEnd })
        : t('collection.doc.statutoryUnknown'),
    ],
  ];
  for (const p of r.parts) cov.push([t('collection.doc.partWarrantyFor', { part: p.name }), formatDate(p.warrantyEnd, tz)]);
  for (const e of model.exclusions)
    cov.push([t('collection.doc.exclusion', { finding: e.finding }), t('collection.doc.exclusionVoids', { voids: e.voids.join(L === 'zh-CN' ? '、' : ', ') })]);
  body.push(recordFields(cov, m, L));

  // Stamp area and hotline: the shop stamps the card; the QR opens the ticket.
  const stamp: Content = {
    table: { widths: [m.narrow ? m.contentWidth * 0.55 : 120], heights: [m.narrow ? 60 : 70], body: [[{ text: t('collection.doc.stamp'), color: '#777777', alignment: 'center', margin: [0, m.narrow ? 22 : 27, 0, 0] }]] },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineStyle: () => ({ dash: { length: 3 } }), vLineStyle: () => ({ dash: { length: 3 } }) },
  } as unknown as Content;
  const hotline: Content = {
    stack: [
      { text: `${t('collection.doc.hotline')}${colon(L)}${model.shop.hotline || model.shop.phone || '—'}`, bold: true },
      { text: t('collection.doc.keepCard'), fontSize: m.small, color: '#333333', margin: [0, 2, 0, 0] },
    ],
  };
  const terms = termsList(model.terms, m, t('collection.doc.cardTerms'));
  if (m.narrow) {
    body.push(terms);
    body.push(withProps(hotline, { margin: [0, 6, 0, 4] }));
    body.push({ columns: [stamp, withProps(ticketQr(model.ticketNumber, m, 'right'), { width: 'auto' })], columnGap: 6, unbreakable: true } as unknown as Content);
  } else {
    // The stamp beside the conditions and hotline keeps the card on one page.
    body.push({ columns: [{ stack: [terms, withProps(hotline, { margin: [0, 5, 0, 0] })], width: '*' }, withProps(stamp, { width: 'auto', margin: [0, 6, 0, 0] })], columnGap: 12, unbreakable: true } as unknown as Content);
  }
  return frame(body, m, opts, { title: `${title} ${model.ticketNumber}` });
};

export const buildDailyClose: DocumentBuilder<DailyCloseModel> = (model, opts) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t: T = (k, p) => tt(L, k, p);
  const money = (f: number) => formatMoney(f, L, opts.currency);
  const title = tr(L, 'documents.title.daily_close');
  const body: Content[] = [
    { text: model.shopName, fontSize: m.shopName, bold: true, alignment: m.narrow ? 'center' : 'left' },
    { text: `${title}  ${model.date}`, fontSize: m.title, bold: true, alignment: m.narrow ? 'center' : 'left', margin: [0, 2, 0, 2] },
    { text: model.scopeText, alignment: m.narrow ? 'center' : 'left', color: '#333333' },
  ];
  if (opts.reprint) body.push(withProps(reprintMark(opts, m.title - 2), { margin: [0, 3, 0, 0] }));
  body.push(sectionTitle(t('collection.doc.byTender'), m));
  const head = (s: string, align: 'left' | 'right' = 'left'): TableCell => ({ text: s, bold: true, alignment: align });
  const r = (v: string): TableCell => ({ text: v, alignment: 'right' });
  const rows: TableCell[][] = [[head(t('collection.doc.tender')), head(t('collection.doc.count'), 'right'), head(t('collection.doc.in'), 'right'), head(t('collection.doc.out'), 'right'), head(t('collection.doc.netCol'), 'right')]];
  for (const x of model.byTender) rows.push([x.label, r(String(x.count)), r(money(x.inFen)), r(money(x.outFen)), { text: money(x.netFen), alignment: 'right', bold: true }]);
  body.push({ table: { headerRows: 1, widths: m.narrow ? ['*', 'auto', 'auto', 'auto', 'auto'] : ['*', 50, 80, 80, 90], body: rows }, layout: 'lightHorizontalLines', fontSize: m.narrow ? m.small : m.fontSize });
  const sums: [string, string, boolean?][] = [
    [t('collection.doc.sales'), money(model.salesFen)],
    [t('collection.doc.depositsTaken'), money(model.depositsTakenFen)],
    [t('collection.doc.depositsApplied'), money(model.depositsAppliedFen)],
    [t('collection.doc.refunds'), model.refundsFen ? `−${money(model.refundsFen)}` : money(0)],
    [t('collection.doc.voids'), model.voidsFen ? `−${money(model.voidsFen)}` : money(0)],
    [t('collection.doc.netTaken'), money(model.netFen), true],
  ];
  body.push(totalsBlock(sums, m));
  body.push(sectionTitle(t('collection.doc.cash'), m));
  const cash: [string, string, boolean?][] = [[t('collection.doc.expectedCash'), money(model.expectedCashFen)]];
  if (model.countedCashFen !== null) {
    cash.push([t('collection.doc.countedCash'), money(model.countedCashFen)]);
    cash.push([t('collection.doc.difference'), `${(model.differenceFen ?? 0) > 0 ? '+' : ''}${money(model.differenceFen ?? 0)}`, true]);
  } else cash.push([t('collection.doc.countedCash'), t('collection.doc.notClosed')]);
  body.push(totalsBlock(cash, m));
  if (model.reason) body.push(paragraph(`${t('collection.doc.differenceReason')}${colon(L)}${model.reason}`, m));
  body.push(sectionTitle(t('collection.doc.ticketsSection'), m));
  body.push(fields([[t('collection.doc.ticketsReceived'), String(model.tickets.received)], [t('collection.doc.ticketsReady'), String(model.tickets.ready)], [t('collection.doc.ticketsCollected'), String(model.tickets.collected)]], m, { single: m.narrow }));
  if (model.byUser.length) {
    body.push(sectionTitle(t('collection.doc.byUser'), m));
    const ur: TableCell[][] = [[head(t('collection.doc.user')), head(t('collection.doc.count'), 'right'), head(t('collection.doc.cashCol'), 'right'), head(t('collection.doc.netCol'), 'right')]];
    for (const u of model.byUser) ur.push([u.name, r(String(u.payments)), r(money(u.cashFen)), r(money(u.netFen))]);
    body.push({ table: { headerRows: 1, widths: m.narrow ? ['*', 'auto', 'auto', 'auto'] : ['*', 50, 90, 90], body: ur }, layout: 'lightHorizontalLines', fontSize: m.narrow ? m.small : m.fontSize });
  }
  body.push(
    paragraph(model.closedAt ? t('collection.doc.closedBy', { at: formatDateTime(model.closedAt, opts.timeZone), by: model.closedBy ?? '—' }) : t('collection.doc.notClosed'), m),
  );
  body.push(signatures(m, L, model.closedBy ?? '', t('collection.doc.cashierSign')));
  return frame(body, m, opts, { title: `${title} ${model.date}` });
};

export const buildClaimBatch: DocumentBuilder<ClaimBatchModel> = (model, opts) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t: T = (k, p) => tt(L, k, p);
  const money = (f: number) => formatMoney(f, L, opts.currency);
  const body: Content[] = [
    { text: model.shopName, fontSize: m.shopName, bold: true },
    { text: t('collection.doc.claimBatchTitle', { payer: model.payer, period: model.period }), fontSize: m.title, bold: true, margin: [0, 2, 0, 6] },
  ];
  if (opts.reprint) body.push(reprintMark(opts, m.title - 2));
  const head = (s: string, align: 'left' | 'right' = 'left'): TableCell => ({ text: s, bold: true, alignment: align });
  const rows: TableCell[][] = [[head(t('collection.export.claim')), head(t('collection.export.ticket')), head(t('collection.export.description')), head(t('collection.export.newSerials')), head(t('collection.export.removedSerial')), head(t('collection.export.amount'), 'right')]];
  for (const c of model.claims) {
    c.lines.forEach((l, i) =>
      rows.push([
        i === 0 ? { text: `${c.number}\n${c.status}`, fontSize: m.small } : '',
        i === 0 ? { text: `${c.ticketNumber}\n${c.device}\n${c.imei}`, fontSize: m.small } : '',
        `${l.description}${l.sku ? ` (${l.sku})` : ''} ×${l.qty}`,
        { text: l.serials, fontSize: m.small, noWrap: true },
        { text: l.removed, fontSize: m.small, noWrap: true },
        { text: money(l.amountFen), alignment: 'right' },
      ]),
    );
  }
  body.push({ table: { headerRows: 1, widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto'], body: rows }, layout: 'lightHorizontalLines', fontSize: m.fontSize });
  body.push(totalsBlock([[t('collection.doc.claimTotal', { n: model.claims.length }), money(model.totalFen), true]], m));
  return frame(body, m, opts, { title: `${model.payer} ${model.period}` });
};
