/** The daily close (日结单): pure builder, model → pdfmake definition. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { fields, frame, paragraph, reprintMark, sectionTitle, withProps } from '../documents/blocks';
import { formatDateTime, formatMoney } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import type { DocumentBuilder } from '../documents/types';
import { t as tt } from '../i18n/translate';
import type { DailyCloseModel } from './document-models';
import { colon, signatures, totalsBlock, totalsWide, type T } from './document-blocks';

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
  body.push({ table: { headerRows: 1, widths: m.narrow || m.format === 'a5' ? ['*', 'auto', 'auto', 'auto', 'auto'] : ['*', 36, 70, 70, 80], body: rows }, layout: 'lightHorizontalLines', fontSize: m.narrow ? m.small : m.fontSize });
  const sums: [string, string, boolean?][] = [
    [t('collection.doc.sales'), money(model.salesFen)],
    [t('collection.doc.depositsTaken'), money(model.depositsTakenFen)],
    [t('collection.doc.depositsApplied'), money(model.depositsAppliedFen)],
    [t('collection.doc.refunds'), model.refundsFen ? `−${money(model.refundsFen)}` : money(0)],
    [t('collection.doc.voids'), model.voidsFen ? `−${money(model.voidsFen)}` : money(0)],
    [t('collection.doc.netTaken'), money(model.netFen), true],
  ];
  const cash: [string, string, boolean?][] = [
    [t('collection.doc.floatCash'), money(model.till.floatFen)],
    [t('collection.doc.cashTaken'), money(model.till.takenFen)],
    [t('collection.doc.payouts'), model.till.payoutsFen ? `−${money(model.till.payoutsFen)}` : money(0)],
    [t('collection.doc.drops'), model.till.dropsFen ? `−${money(model.till.dropsFen)}` : money(0)],
    [t('collection.doc.expectedCash'), money(model.expectedCashFen), true],
  ];
  if (model.countedCashFen !== null) {
    cash.push([t('collection.doc.countedCash'), money(model.countedCashFen)]);
    cash.push([t('collection.doc.difference'), `${(model.differenceFen ?? 0) > 0 ? '+' : ''}${money(model.differenceFen ?? 0)}`, true]);
  } else cash.push([t('collection.doc.countedCash'), t('collection.doc.notClosed')]);
  if (m.narrow) body.push(totalsBlock(sums, m), sectionTitle(t('collection.doc.cash'), m), totalsBlock(cash, m));
  else {
    // On a sheet the day's takings and the drawer's reconciliation sit side by side: the manager
    // reads them together, and the whole close (signatures too) stays on one A5 page.
    const half = (c: Content): Content => withProps(c, { width: '*' });
    body.push({
      columns: [
        { width: '*', stack: [{ text: ' ', fontSize: m.fontSize + 1, margin: [0, 3, 0, 2.5] }, half(totalsWide(sums, m))] },
        { width: 14, text: '' },
        { width: '*', stack: [sectionTitle(t('collection.doc.cash'), m), half(totalsWide(cash, m))] },
      ],
      margin: [0, 3, 0, 0],
    });
  }
  if (model.reason) body.push(paragraph(`${t('collection.doc.differenceReason')}${colon(L)}${model.reason}`, m));
  if (model.cashMovements.length) {
    // who put cash in or took it out, and why: what the manager checks before signing
    body.push(sectionTitle(t('collection.doc.cashMovements'), m));
    const cr: TableCell[][] = [[head(t('collection.doc.cashKind')), head(t('collection.doc.cashWhy')), head(t('collection.doc.user')), head(t('collection.doc.amount'), 'right')]];
    for (const c of model.cashMovements) cr.push([`${c.kind} ${formatDateTime(c.at, opts.timeZone).slice(-5)}`, c.reason, c.byName, r(money(c.amountFen))]);
    body.push({ table: { headerRows: 1, widths: m.narrow ? ['auto', '*', 'auto', 'auto'] : [80, '*', 70, 80], body: cr }, layout: 'lightHorizontalLines', fontSize: m.narrow ? m.small : m.fontSize });
  }
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
