/** A batch of warranty claims (索赔清单): pure builder, model → pdfmake definition. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { frame, reprintMark } from '../documents/blocks';
import { formatMoney } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import type { DocumentBuilder } from '../documents/types';
import { t as tt } from '../i18n/translate';
import type { ClaimBatchModel } from './document-models';
import { totalsBlock, type T } from './document-blocks';

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
