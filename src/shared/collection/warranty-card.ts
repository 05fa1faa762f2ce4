/** The warranty card with the 三包凭证 repair record (保修卡): pure builder, model → pdfmake definition. */
import type { Content } from 'pdfmake/interfaces';
import { fields, frame, paragraph, sectionTitle, ticketQr, withProps, type Field } from '../documents/blocks';
import { formatDate, maskPhone } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import type { DocumentBuilder } from '../documents/types';
import { t as tt } from '../i18n/translate';
import type { WarrantyCardModel } from './document-models';
import { colon, header, partsTable, recordFields, termsList, type T } from './document-blocks';

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
