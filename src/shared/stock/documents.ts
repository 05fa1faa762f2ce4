/**
 * Stock's printed documents (pure builders): the part label (50×30 mm, Code 128 of the SKU or
 * barcode) and the A4 reports (valuation, reorder list).
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { frame } from '../documents/blocks';
import { fitLine, formatDateTime, formatMoney } from '../documents/format';
import { formatMetrics } from '../documents/formats';
import { t as tr } from '../i18n/translate';
import type { DocumentBuilder } from '../documents/types';
import type { Locale } from '../i18n/types';
import type { ReorderRow, Valuation } from './schemas';

export interface PartLabelModel {
  code: string;
  sku: string;
  name: string;
  bin: string;
  price: number;
}

export const buildPartLabel: DocumentBuilder<PartLabelModel> = (model, opts) => {
  const m = formatMetrics(opts.format === 'label50x30' ? 'label50x30' : opts.format);
  const w = m.format === 'label50x30' ? m.contentWidth : Math.min(m.contentWidth, 134);
  const right = model.bin ? `${tr(opts.locale, 'stock.doc.bin')} ${model.bin}` : '';
  const body: Content[] = [
    {
      columns: [
        { text: fitLine(model.name, w - (right.length * 0.6 + 1) * m.fontSize, m.fontSize + 0.5), fontSize: m.fontSize + 0.5, bold: true, width: '*' },
        { text: right, fontSize: m.fontSize, alignment: 'right', width: 'auto' },
      ],
    },
    { text: `${formatMoney(model.price, opts.locale)}`, fontSize: m.fontSize, margin: [0, 0, 0, 1] },
    { svg: opts.barcode(model.code), width: w, height: m.barcodeHeight, alignment: 'center' },
    { text: model.sku, fontSize: m.fontSize + 1.5, alignment: 'center', bold: true },
  ];
  return frame([{ stack: body, width: w, lineHeight: 1.05 } as Content], m, opts, { title: `${tr(opts.locale, 'stock.doc.partLabel')} ${model.sku}`, footer: false });
};

export interface ShopLine {
  shopName: string;
}

const name = (locale: Locale, r: { nameZh: string; nameEn: string }) => (locale === 'en' && r.nameEn ? r.nameEn : r.nameZh);

function table(headers: string[], rows: TableCell[][], widths: (string | number)[], fontSize: number): Content {
  return {
    table: { headerRows: 1, widths, body: [headers.map((h) => ({ text: h, bold: true })), ...rows] },
    layout: 'lightHorizontalLines',
    fontSize,
  };
}

export const buildValuationReport: DocumentBuilder<Valuation & ShopLine> = (model, opts) => {
  const m = formatMetrics('a4');
  const l = opts.locale;
  const money = (f: number) => formatMoney(f, l, opts.currency);
  const body: Content[] = [
    { text: model.shopName, fontSize: m.shopName, bold: true },
    { text: tr(l, 'stock.doc.valuation'), fontSize: m.title, bold: true, margin: [0, 4, 0, 2] },
    { text: formatDateTime(opts.printedAt, opts.timeZone), fontSize: m.small, margin: [0, 0, 0, 8] },
    table(
      [tr(l, 'stock.doc.category'), tr(l, 'stock.doc.skus'), tr(l, 'stock.doc.onHand'), tr(l, 'stock.doc.value')],
      [
        ...model.byCategory.map((c) => [c.category, String(c.skus), String(c.units), { text: money(c.value), alignment: 'right' as const }]),
        [{ text: tr(l, 'stock.doc.total'), bold: true }, String(model.totals.skus), String(model.totals.units), { text: money(model.totals.value), bold: true, alignment: 'right' as const }],
      ],
      ['*', 70, 70, 100],
      m.fontSize,
    ),
    { text: ' ', margin: [0, 6, 0, 0] },
    table(
      [tr(l, 'stock.doc.sku'), tr(l, 'stock.doc.name'), tr(l, 'stock.doc.onHand'), tr(l, 'stock.doc.avgCost'), tr(l, 'stock.doc.value')],
      model.rows.map((r) => [r.sku, name(l, r), String(r.onHand), { text: money(r.avgCost), alignment: 'right' }, { text: money(r.value), alignment: 'right' }]),
      [90, '*', 45, 70, 80],
      m.small,
    ),
  ];
  if (model.truncated) body.push({ text: tr(l, 'stock.doc.truncated', { n: model.rows.length }), fontSize: m.small, margin: [0, 4, 0, 0] });
  return frame(body, m, opts, { title: tr(l, 'stock.doc.valuation') });
};

export const buildReorderReport: DocumentBuilder<{ rows: ReorderRow[] } & ShopLine> = (model, opts) => {
  const m = formatMetrics('a4');
  const l = opts.locale;
  const body: Content[] = [
    { text: model.shopName, fontSize: m.shopName, bold: true },
    { text: tr(l, 'stock.doc.reorder'), fontSize: m.title, bold: true, margin: [0, 4, 0, 2] },
    { text: formatDateTime(opts.printedAt, opts.timeZone), fontSize: m.small, margin: [0, 0, 0, 8] },
    table(
      [tr(l, 'stock.doc.sku'), tr(l, 'stock.doc.name'), tr(l, 'stock.doc.bin'), tr(l, 'stock.doc.onHand'), tr(l, 'stock.doc.reserved'), tr(l, 'stock.doc.available'), tr(l, 'stock.doc.suggested')],
      model.rows.map((r) => [r.sku, name(l, r), r.bin, String(r.onHand), String(r.reserved), String(r.available), { text: String(r.suggested), bold: true }]),
      [80, '*', 40, 38, 38, 38, 42],
      m.small,
    ),
  ];
  return frame(body, m, opts, { title: tr(l, 'stock.doc.reorder') });
};
