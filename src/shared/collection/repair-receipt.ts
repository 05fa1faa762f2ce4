/** The repair and settlement receipt (维修结算单): pure builder, model → pdfmake definition (A4, A5 or the 80 mm roll). */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { fields, frame, paragraph, sectionTitle, ticketQr, withProps, type Field } from '../documents/blocks';
import { formatDate, formatDateTime, formatMoney, maskPhone } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import type { DocumentBuilder } from '../documents/types';
import { t as tt } from '../i18n/translate';
import type { ReceiptLine, RepairReceiptModel } from './document-models';
import { colon, header, signatures, termsList, totalsBlock, totalsTable, type T } from './document-blocks';

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
