/** Blocks collection's documents share: the header, the parts table, record fields, totals, signature rows, terms. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { fields, ticketHeader, withProps, type Field, type ShopHeader } from '../documents/blocks';
import { formatDate } from '../documents/format';
import { type FormatMetrics } from '../documents/formats';
import { tr } from '../documents/translate';
import type { BuildOptions } from '../documents/types';
import type { Locale } from '../i18n/types';
import type { ReplacedPartLine } from './document-models';

export type T = (key: string, params?: Record<string, string | number>) => string;
export const colon = (L: Locale) => (L === 'zh-CN' ? '：' : ': ');

export const header = (model: { shop: ShopHeader; ticketNumber: string }, title: string, m: FormatMetrics, opts: BuildOptions): Content[] =>
  ticketHeader(model, title, m, opts, { max: 190, share: 0.45 });

export function partsTable(parts: readonly ReplacedPartLine[], m: FormatMetrics, t: T, tz: string): Content {
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
export function recordFields(rows: Field[], m: FormatMetrics, L: Locale): Content {
  if (!m.narrow) return fields(rows, m, { single: true });
  return { stack: rows.map(([l, v]) => ({ text: [{ text: `${l}${colon(L)}`, color: '#333333' }, { text: v || '—' }], margin: [0, 0.5, 0, 0.5] })), fontSize: m.fontSize };
}

export function colonOf(t: T): string {
  return t('collection.doc.colon');
}

export function totalsTable(rows: [string, string, boolean?][], m: FormatMetrics): Content {
  const body: TableCell[][] = rows.map(([l, v, strong]) => [
    { text: l, color: strong ? '#000000' : '#333333', bold: !!strong, fontSize: strong ? m.fontSize + 2 : m.fontSize },
    { text: v, alignment: 'right', bold: !!strong, fontSize: strong ? m.fontSize + 2 : m.fontSize },
  ]);
  return { table: { widths: m.narrow ? ['auto', '*'] : [118, 72], body }, layout: 'noBorders', fontSize: m.fontSize };
}

/** Totals filling the column they sit in (label left, amount right): for two blocks side by side on a sheet. */
export function totalsWide(rows: [string, string, boolean?][], m: FormatMetrics): Content {
  return withProps(totalsTable(rows, { ...m, narrow: true }), { margin: [0, 0, 0, 0] });
}

export function totalsBlock(rows: [string, string, boolean?][], m: FormatMetrics): Content {
  if (m.narrow) return withProps(totalsTable(rows, m), { margin: [0, 3, 0, 0] });
  return { columns: [{ text: '', width: '*' }, withProps(totalsTable(rows, m), { width: 'auto' })], margin: [0, 3, 0, 0] };
}

/** Who received the device and who handed it over, each on a line, with the date the customer writes. */
export function signatures(m: FormatMetrics, L: Locale, staff: string, customerLabel: string): Content {
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

export function termsList(terms: readonly string[], m: FormatMetrics, title: string): Content {
  if (!terms.length) return { text: '' };
  return { stack: [{ text: title, fontSize: m.small + 0.5, bold: true, margin: [0, 4, 0, 1] }, { ol: terms.map((x) => ({ text: x })), fontSize: m.small, lineHeight: 1.1 }], unbreakable: true };
}
