/**
 * Building blocks every ticket document shares: shop header, ticket codes, terms, signature
 * line, reprint mark, footer and the page frame. Each adapts to the format's metrics.
 */
import { z } from 'zod';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { Locale } from '../i18n/types';
import { emWidth, formatDateTime } from './format';
import type { FormatMetrics } from './formats';
import { tr } from './translate';
import { DOCUMENT_FONT, type BuildOptions } from './types';

/** Adds layout properties (width, margin) to a node of any kind. */
export function withProps(node: Content, props: Record<string, unknown>): Content {
  return { ...(node as object), ...props } as unknown as Content;
}

export const shopHeaderSchema = z.object({
  name: z.string().min(1).max(80),
  address: z.string().max(200).default(''),
  phone: z.string().max(40).default(''),
  hotline: z.string().max(40).default(''),
});
export type ShopHeader = z.infer<typeof shopHeaderSchema>;

/** Borderless and tight: a receipt the customer signs has to fit one A5 page. */
const COMPACT = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i: number) => (i === 0 ? 0 : 4),
  paddingRight: () => 4,
  paddingTop: () => 0.5,
  paddingBottom: () => 0.5,
};

/**
 * `note` is a short bold sentence (how to ask for status): on wide paper it shares the phones'
 * line, so a receipt that fills its A5 sheet still does; on a till roll it is a line of its own.
 */
export function shopHeader(shop: ShopHeader, m: FormatMetrics, locale: Locale, qr: Content | null, note?: string | null): Content {
  const phones = [
    shop.phone ? tr(locale, 'documents.header.phone', { phone: shop.phone }) : '',
    shop.hotline ? tr(locale, 'documents.header.hotline', { hotline: shop.hotline }) : '',
  ].filter(Boolean);
  const lines: Content[] = [{ text: shop.name, fontSize: m.shopName, bold: true }];
  if (shop.address) lines.push({ text: shop.address, fontSize: m.small });
  const noteRun = note ? { text: note, bold: true } : null;
  if (m.narrow) {
    if (phones.length) lines.push({ text: phones.join('\n'), fontSize: m.small });
    if (noteRun) lines.push({ ...noteRun, fontSize: m.small });
  } else if (phones.length || noteRun) {
    const runs: Content[] = phones.length ? [phones.join('    ')] : [];
    if (noteRun) runs.push(phones.length ? { ...noteRun, text: `    ${noteRun.text}` } : noteRun);
    lines.push({ text: runs, fontSize: m.small } as Content);
  }
  if (m.narrow || !qr) return { stack: lines, alignment: m.narrow ? 'center' : 'left' };
  return { columns: [{ stack: lines, width: '*' }, withProps(qr, { width: 'auto' })], columnGap: 8 };
}

/** A QR code of `payload` (the ticket number, or the status page's link), with a caption under it when given. */
export function ticketQr(payload: string, m: FormatMetrics, alignment: 'left' | 'center' | 'right' = 'right', caption?: string | null): Content {
  const qr: Content = { qr: payload, fit: m.qrSize, eccLevel: 'M', alignment };
  return caption ? { stack: [qr, { text: caption, fontSize: m.small, alignment, margin: [0, 1, 0, 0] }], unbreakable: true } : qr;
}

/** Code 128 of the ticket number with the number in plain text under it (staff type it when a scanner fails). */
export function ticketBarcode(ticketNumber: string, width: number, height: number, opts: BuildOptions, textSize: number): Content {
  return {
    stack: [
      { svg: opts.barcode(ticketNumber), width, height, alignment: 'center' },
      { text: ticketNumber, fontSize: textSize, alignment: 'center', margin: [0, 1, 0, 0] },
    ],
    unbreakable: true,
  };
}

/** A boxed mark; fixed-height pages also carry a light watermark (see `frame`). */
export function reprintMark(opts: BuildOptions, fontSize: number): Content {
  return {
    table: { body: [[{ text: tr(opts.locale, 'documents.reprint'), fontSize, bold: true, margin: [4, 0, 4, 0] }]] },
    layout: { hLineWidth: () => 1.2, vLineWidth: () => 1.2 },
  };
}

/**
 * The head of a ticket's document: shop header, a rule, the title (with the reprint mark) and the
 * ticket's barcode, stacked on the roll, side by side on a page (the barcode at most `wide.max`
 * points or `wide.share` of the width).
 */
export function ticketHeader(
  model: { shop: ShopHeader; ticketNumber: string; qr?: { payload: string; caption: string | null }; headerNote?: string | null },
  title: string,
  m: FormatMetrics,
  opts: BuildOptions,
  wide: { max: number; share: number } = { max: 200, share: 0.5 },
): Content[] {
  const body: Content[] = [];
  body.push(shopHeader(model.shop, m, opts.locale, ticketQr(model.qr?.payload ?? model.ticketNumber, m, 'right', model.qr?.caption), model.headerNote));
  body.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: m.contentWidth, y2: 0, lineWidth: 1 }], margin: [0, 3, 0, 5] });
  const barcodeWidth = m.narrow ? Math.min(m.contentWidth, 180) : Math.min(wide.max, m.contentWidth * wide.share);
  const barcode = ticketBarcode(model.ticketNumber, barcodeWidth, m.barcodeHeight, opts, m.fontSize + 1.5);
  if (m.narrow) {
    body.push({ text: title, fontSize: m.title, bold: true, alignment: 'center', margin: [0, 0, 0, 2] });
    if (opts.reprint) body.push({ columns: [{ text: '', width: '*' }, withProps(reprintMark(opts, m.title), { width: 'auto' }), { text: '', width: '*' }], margin: [0, 0, 0, 3] });
    body.push(barcode);
  } else {
    const left: Content[] = [{ text: title, fontSize: m.title, bold: true }];
    if (opts.reprint) left.push(withProps(reprintMark(opts, m.title - 2), { margin: [0, 4, 0, 0] }));
    body.push({ columns: [{ stack: left, width: '*' }, withProps(barcode, { width: barcodeWidth })], columnGap: 8 });
  }
  return body;
}

export function sectionTitle(text: string, m: FormatMetrics): Content {
  // A one-cell table with a bottom border: the rule spans whatever column the title sits in.
  return {
    table: { widths: ['*'], body: [[{ text, fontSize: m.fontSize + 1, bold: true, border: [false, false, false, true], margin: [0, 3, 0, 0.5] }]] },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [0, 0, 0, 2],
  };
}

export type Field = [label: string, value: string];

/** Label–value pairs: two pairs per row on A4/A5, one per row on the roll. */
export function fields(rows: Field[], m: FormatMetrics, opts: { single?: boolean } = {}): Content {
  // A label never breaks inside a word ("Paid to the / customer"): it keeps its line unless it is
  // longer than half the paper, where only wrapping keeps it on the page.
  const cell = (text: string, label: boolean): TableCell =>
    label ? { text, color: '#333333', noWrap: emWidth(text) * m.fontSize < m.contentWidth / 2 } : { text: text || '—' };
  const body: TableCell[][] = [];
  if (m.narrow || opts.single) {
    for (const [l, v] of rows) body.push([cell(l, true), cell(v, false)]);
    return { table: { widths: ['auto', '*'], body }, layout: COMPACT, fontSize: m.fontSize };
  }
  for (let i = 0; i < rows.length; i += 2) {
    const a = rows[i]!;
    const b = rows[i + 1];
    body.push([cell(a[0], true), cell(a[1], false), b ? cell(b[0], true) : '', b ? cell(b[1], false) : '']);
  }
  return { table: { widths: ['auto', '*', 'auto', '*'], body }, layout: COMPACT, fontSize: m.fontSize };
}

/** Short checks ("display: fault (cracked)") as a grid: four to a row on A4/A5, two on the roll. */
export function checkGrid(items: Field[], m: FormatMetrics, separator: string): Content {
  // As many to a row (up to four) as fit without wrapping: a wrapped check costs a whole line.
  const longest = Math.max(0, ...items.map(([l, v]) => emWidth(`${l}${separator}${v}`))) * m.fontSize + 8;
  const perRow = Math.max(1, Math.min(4, Math.floor(m.contentWidth / longest)));
  const body: TableCell[][] = [];
  for (let i = 0; i < items.length; i += perRow) {
    const row: TableCell[] = [];
    for (let j = 0; j < perRow; j++) {
      const it = items[i + j];
      row.push(it ? { text: [{ text: `${it[0]}${separator}`, color: '#333333' }, { text: it[1] }] } : '');
    }
    body.push(row);
  }
  return { table: { widths: Array(perRow).fill('*'), body }, layout: COMPACT, fontSize: m.fontSize };
}

/** Two sections side by side on A4/A5 (customer | device); stacked on the roll. */
export function sideBySide(left: Content[], right: Content[], m: FormatMetrics): Content[] {
  if (m.narrow) return [...left, ...right];
  return [{ columns: [{ stack: left, width: '*' }, { stack: right, width: m.contentWidth * 0.44 }], columnGap: 12 }];
}

export function paragraph(text: string, m: FormatMetrics): Content {
  return { text: text || '—', fontSize: m.fontSize, margin: [0, 1, 0, 1] };
}

/** The shop's terms, numbered, in the small size. */
export function termsBlock(terms: readonly string[], m: FormatMetrics, locale: Locale): Content {
  if (terms.length === 0) return { text: '' };
  return {
    stack: [
      { text: tr(locale, 'documents.section.terms'), fontSize: m.small + 0.5, bold: true, margin: [0, 4, 0, 1] },
      { ol: terms.map((t) => ({ text: t })), fontSize: m.small, lineHeight: 1.1 },
    ],
    unbreakable: true,
  };
}

function withCell(cell: TableCell, props: Record<string, unknown>): TableCell {
  return { ...(cell as object), ...props } as unknown as TableCell;
}

/** Signature lines with room to sign (the cells' bottom borders are the lines). */
export function signatureBlock(m: FormatMetrics, locale: Locale, staffName: string): Content {
  const line = (w: number | string): TableCell => ({ text: ' ', border: [false, false, false, true], width: w } as TableCell);
  const label = (key: string): TableCell => ({ text: tr(locale, key), border: [false, false, false, false], margin: [0, 8, 0, 0], noWrap: true });
  const gap: TableCell = { text: '', border: [false, false, false, false] };
  const staff: TableCell = { text: staffName, border: [false, false, false, true], margin: [0, 8, 0, 0] };
  if (m.narrow) {
    return {
      table: {
        widths: ['auto', '*'],
        body: [
          [label('documents.signature.customer'), withCell(line('*'), { margin: [0, 8, 0, 0] })],
          [label('documents.signature.date'), withCell(line('*'), { margin: [0, 8, 0, 0] })],
          [label('documents.signature.staff'), staff],
        ],
      },
      fontSize: m.fontSize,
      margin: [0, 6, 0, 0],
      unbreakable: true,
    };
  }
  return {
    table: {
      widths: ['auto', '*', 8, 'auto', 56, 8, 'auto', 64],
      body: [
        [
          label('documents.signature.customer'),
          withCell(line('*'), { margin: [0, 8, 0, 0] }),
          gap,
          label('documents.signature.date'),
          withCell(line(56), { margin: [0, 8, 0, 0] }),
          gap,
          label('documents.signature.staff'),
          staff,
        ],
      ],
    },
    fontSize: m.fontSize,
    margin: [0, 4, 0, 0],
    unbreakable: true,
  };
}

function printedAt(opts: BuildOptions): string {
  return tr(opts.locale, 'documents.footer.printedAt', { at: formatDateTime(opts.printedAt, opts.timeZone) });
}

/**
 * The page frame: size, margins, font, running footer (printed-at and page x of y) on
 * fixed-height pages, an inline footer at the end of the roll, and the reprint watermark.
 */
export function frame(
  body: Content[],
  m: FormatMetrics,
  opts: BuildOptions,
  info: { title: string; footer?: boolean },
): TDocumentDefinitions {
  const showFooter = info.footer !== false;
  const content = [...body];
  if (showFooter && !m.runningFooter) {
    content.push({ text: printedAt(opts), fontSize: m.small, alignment: 'center', margin: [0, 6, 0, 0], color: '#333333' });
  }
  const doc: TDocumentDefinitions = {
    info: { title: info.title, creator: 'Fixpoint', producer: 'Fixpoint' },
    // A copy: pdfmake writes the computed height of an 'auto' page back into the object it is given.
    pageSize: typeof m.pageSize === 'string' ? m.pageSize : { ...m.pageSize },
    pageMargins: m.margins,
    defaultStyle: { font: DOCUMENT_FONT, fontSize: m.fontSize, lineHeight: 1.08 },
    content,
    language: opts.locale,
  };
  if (showFooter && m.runningFooter) {
    doc.footer = (page: number, pages: number): Content => ({
      columns: [
        { text: printedAt(opts), alignment: 'left' },
        { text: tr(opts.locale, 'documents.footer.page', { page, pages }), alignment: 'right' },
      ],
      fontSize: m.small,
      color: '#333333',
      margin: [m.margins[0], Math.max(4, m.margins[3] / 2 - 4), m.margins[2], 0],
    });
  }
  if (opts.reprint && m.runningFooter) {
    doc.watermark = { text: tr(opts.locale, 'documents.reprint'), font: DOCUMENT_FONT, opacity: 0.08, angle: -35, fontSize: m.title * 5 };
  }
  return doc;
}
