/**
 * The quote and authorization form (报价确认单): the lines with who pays each, the total to
 * the customer, the estimated completion, the terms and the signature area, with the
 * customer's on-screen signature drawn in once they signed. A revision shows the authorized
 * total it replaces and the difference.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { fields, frame, paragraph, reprintMark, sectionTitle, shopHeader, termsBlock, ticketBarcode, ticketQr, withProps, type Field, type ShopHeader } from '../documents/blocks';
import { formatDate, formatDateTime, formatMoney, maskPhone } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import { t as tt } from '../i18n/translate';
import type { DocumentBuilder } from '../documents/types';
import type { Locale } from '../i18n/types';
import { PAYERS, type PayerAmounts } from '../warranty/schemas';

/** The payers of a line other than the customer, in words ("保修 ¥299.00"); empty when only the customer pays. */
export function otherPayersText(payers: PayerAmounts, locale: Locale, money: (fen: number) => string): string {
  return PAYERS.filter((p) => p !== 'customer' && payers[p] > 0)
    .map((p) => `${tt(locale, `bench.payer.${p}`)} ${money(payers[p])}`)
    .join(locale === 'zh-CN' ? '，' : ', ');
}

export interface QuoteFormLine {
  description: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  customerFen: number;
  /** Who pays, in words ("保修 ¥299.00"), empty when only the customer pays. */
  payerText: string;
  covered: boolean;
}

export interface QuoteFormModel {
  shop: ShopHeader;
  ticketNumber: string;
  version: number;
  quotedAt: string;
  customer: { name: string; phone: string };
  device: string;
  deviceCode: string;
  fault: string;
  cause: string;
  lines: QuoteFormLine[];
  subtotalFen: number;
  payers: { label: string; fen: number }[];
  discountFen: number;
  customerTotalFen: number;
  estimatedCompletion: string | null;
  /** The total the customer authorized before this revision, when it was lower. */
  previousAuthorizedFen: number | null;
  authorization: { method: string; signer: string; at: string; by: string; totalFen: number; capFen: number | null; words: string; phone: string; remote?: { clientAddress: string } | null } | null;
  /** data:image/png;base64,… of the on-screen signature. */
  signaturePng: string | null;
  technician: string;
  terms: string[];
}

export const buildQuoteForm: DocumentBuilder<QuoteFormModel> = (model, opts) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t = (key: string, params?: Record<string, string | number>) => tt(L, key, params);
  const money = (f: number) => formatMoney(f, L, opts.currency);
  const title = tr(L, 'documents.title.quote');
  const body: Content[] = [];
  body.push(shopHeader(model.shop, m, L, ticketQr(model.ticketNumber, m)));
  body.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: m.contentWidth, y2: 0, lineWidth: 1 }], margin: [0, 3, 0, 5] });
  const barcodeWidth = m.narrow ? Math.min(m.contentWidth, 180) : Math.min(200, m.contentWidth * 0.5);
  const barcode = ticketBarcode(model.ticketNumber, barcodeWidth, m.barcodeHeight, opts, m.fontSize + 1.5);
  const heading = `${title}${model.version > 1 ? ` ${t('bench.doc.revision', { version: model.version })}` : ''}`;
  if (m.narrow) {
    body.push({ text: heading, fontSize: m.title, bold: true, alignment: 'center', margin: [0, 0, 0, 2] });
    if (opts.reprint) body.push(withProps(reprintMark(opts, m.title), { alignment: 'center' }));
    body.push(barcode);
  } else {
    const left: Content[] = [{ text: heading, fontSize: m.title, bold: true }];
    if (opts.reprint) left.push(withProps(reprintMark(opts, m.title - 2), { margin: [0, 4, 0, 0] }));
    body.push({ columns: [{ stack: left, width: '*' }, withProps(barcode, { width: barcodeWidth })], columnGap: 8 });
  }
  const info: Field[] = [
    [tr(L, 'documents.field.ticketNumber'), model.ticketNumber],
    [t('bench.doc.quotedAt'), formatDateTime(model.quotedAt, opts.timeZone)],
    [tr(L, 'documents.field.customerName'), model.customer.name],
    [tr(L, 'documents.field.phone'), maskPhone(model.customer.phone)],
    [tr(L, 'documents.field.brandModel'), model.device],
    [t('bench.doc.deviceCode'), model.deviceCode],
    [tr(L, 'documents.field.technician'), model.technician || tr(L, 'documents.field.unassigned')],
    [t('bench.doc.estimatedCompletion'), model.estimatedCompletion ? formatDate(model.estimatedCompletion, opts.timeZone) : '—'],
  ];
  body.push(withProps(fields(info, m), { margin: [0, 4, 0, 0] }));
  body.push(sectionTitle(t('bench.doc.diagnosis'), m));
  body.push(paragraph(`${t('bench.doc.fault')}${L === 'zh-CN' ? '：' : ': '}${model.fault || '—'}`, m));
  body.push(paragraph(`${t('bench.doc.cause')}${L === 'zh-CN' ? '：' : ': '}${model.cause || '—'}`, m));

  body.push(sectionTitle(t('bench.doc.lines'), m));
  // Amounts never wrap (¥1,/500.00), nor Chinese labels, which would break mid-word (数/量); English
  // labels wrap at their spaces. The item column takes what is left.
  const zh = L === 'zh-CN';
  // Figures' headings never wrap (a two-line header row pushed the English A5 form onto a second sheet).
  const head = (s: string, align: 'left' | 'right' = 'left'): TableCell => ({ text: s, bold: true, alignment: align, noWrap: zh || align === 'right' }) as TableCell;
  const rows: TableCell[][] = m.narrow
    ? [[head(t('bench.doc.item')), head(t('bench.doc.customerPays'), 'right')]]
    : [[head('#'), head(t('bench.doc.item')), head(t('bench.doc.qty'), 'right'), head(t('bench.doc.unitPrice'), 'right'), head(t('bench.doc.amount'), 'right'), head(t('bench.doc.payer')), head(t('bench.doc.customerPays'), 'right')]];
  model.lines.forEach((l, i) => {
    const desc: Content = { stack: [{ text: l.description }, ...(m.narrow && l.payerText ? [{ text: l.payerText, fontSize: m.small, color: '#333333' }] : [])] };
    if (m.narrow) {
      rows.push([{ stack: [desc, { text: `${l.qty} × ${money(l.unitPriceFen)}`, fontSize: m.small }] }, { text: money(l.customerFen), alignment: 'right' }]);
    } else {
      rows.push([
        String(i + 1),
        desc,
        { text: String(l.qty), alignment: 'right' },
        { text: money(l.unitPriceFen), alignment: 'right', noWrap: true } as TableCell,
        { text: money(l.amountFen), alignment: 'right', noWrap: true } as TableCell,
        { text: l.payerText || t('bench.payer.customer'), fontSize: m.small, noWrap: zh } as TableCell,
        { text: money(l.customerFen), alignment: 'right', bold: true, noWrap: true } as TableCell,
      ]);
    }
  });
  body.push({
    table: { headerRows: 1, widths: m.narrow ? ['*', 'auto'] : ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body: rows },
    layout: 'lightHorizontalLines',
    fontSize: m.fontSize,
  });

  const sums: Field[] = [[t('bench.doc.subtotal'), money(model.subtotalFen)]];
  for (const p of model.payers) sums.push([p.label, money(p.fen)]);
  if (model.discountFen > 0) sums.push([t('bench.doc.discount'), `−${money(model.discountFen)}`]);
  const totalRows: TableCell[][] = sums.map(([l, v]) => [{ text: l, color: '#333333' }, { text: v, alignment: 'right' }]);
  totalRows.push([{ text: t('bench.doc.customerTotal'), bold: true, fontSize: m.fontSize + 2 }, { text: money(model.customerTotalFen), bold: true, fontSize: m.fontSize + 2, alignment: 'right' }]);
  if (model.previousAuthorizedFen !== null) {
    totalRows.push([
      { text: t('bench.doc.previousAuthorized'), color: '#333333' },
      { text: money(model.previousAuthorizedFen), alignment: 'right' },
    ]);
    totalRows.push([
      { text: t('bench.doc.difference'), bold: true, color: '#b00020' },
      { text: `+${money(model.customerTotalFen - model.previousAuthorizedFen)}`, bold: true, color: '#b00020', alignment: 'right' },
    ]);
  }
  const totals: Content = { table: { widths: m.narrow ? ['*', 'auto'] : ['auto', 90], body: totalRows }, layout: 'noBorders', fontSize: m.fontSize };
  // The roll gives the totals its whole width (half of 72 mm wrapped "Total to the customer" over three lines).
  body.push(m.narrow ? withProps(totals, { margin: [0, 4, 0, 0] }) : { columns: [{ text: '', width: '*' }, withProps(totals, { width: 'auto' })], margin: [0, 4, 0, 0] });
  if (model.payers.length > 0) body.push({ text: t('bench.doc.coveredNote'), fontSize: m.small, color: '#333333', margin: [0, 2, 0, 0] });

  body.push(sectionTitle(t('bench.doc.authorization'), m));
  const a = model.authorization;
  if (a) {
    const authFields: Field[] = [
      [t('bench.doc.method'), a.method],
      [t('bench.doc.authorizedTotal'), money(a.totalFen)],
      [t('bench.doc.authorizedAt'), formatDateTime(a.at, opts.timeZone)],
      [t('bench.doc.recordedBy'), a.by],
    ];
    if (a.capFen !== null) authFields.push([t('bench.doc.cap'), money(a.capFen)]);
    if (a.signer) authFields.push([t('bench.doc.signer'), a.signer]);
    if (a.phone) authFields.push([t(a.remote ? 'bench.doc.codeSentTo' : 'bench.doc.phoneCalled'), maskPhone(a.phone)]);
    if (a.remote?.clientAddress) authFields.push([t('bench.doc.clientAddress'), a.remote.clientAddress]);
    body.push(fields(authFields, m));
    if (a.words) body.push(paragraph(`${t('bench.doc.customerWords')}${L === 'zh-CN' ? '：' : ': '}“${a.words}”`, m));
  } else {
    body.push(paragraph(t('bench.doc.consentText', { total: money(model.customerTotalFen) }), m));
    body.push(paragraph(t('bench.doc.capLine'), m));
  }
  body.push(termsBlock(model.terms, m, L));

  // The signature area: the customer's on-screen signature drawn in, or a line to sign on.
  // On A5 the space is 4.2 × 1.5 cm: room for a signature, and the form stays on one sheet.
  const sigWidth = m.narrow ? m.contentWidth * 0.7 : m.format === 'a5' ? 120 : 150;
  const sigHeight = sigWidth / 3;
  const signature: Content = model.signaturePng
    ? { image: model.signaturePng, fit: [sigWidth, sigHeight] }
    : { canvas: [{ type: 'line', x1: 0, y1: sigHeight - 2, x2: sigWidth, y2: sigHeight - 2, lineWidth: 0.7 }] };
  const when = a ? formatDate(a.at, opts.timeZone) : '';
  const sigBlock: Content = m.narrow
    ? { stack: [{ text: tr(L, 'documents.signature.customer'), margin: [0, 6, 0, 2] }, signature, { text: `${tr(L, 'documents.signature.date')}${L === 'zh-CN' ? '：' : ': '}${when}`, margin: [0, 2, 0, 0] }], unbreakable: true }
    : {
        columns: [
          { stack: [{ text: tr(L, 'documents.signature.customer') }, signature], width: 'auto' },
          { stack: [{ text: tr(L, 'documents.signature.date') }, { text: when || ' ', margin: [0, sigHeight - 12, 0, 0] }], width: 'auto' },
          { stack: [{ text: tr(L, 'documents.signature.staff') }, { text: a?.by ?? model.technician, margin: [0, sigHeight - 12, 0, 0] }], width: '*' },
        ],
        columnGap: 24,
        margin: [0, 8, 0, 0],
        unbreakable: true,
      };
  body.push(sigBlock);
  if (m.narrow) body.push(withProps(ticketQr(model.ticketNumber, m, 'center'), { margin: [0, 8, 0, 0] }));
  return frame(body, m, opts, { title: `${title} ${model.ticketNumber}` });
};
