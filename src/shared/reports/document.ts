/** The printed report (A4, the shop's language or the one asked for): the same layout as the exports. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { frame } from '../documents/blocks';
import { formatMetrics } from '../documents/formats';
import type { DocumentBuilder } from '../documents/types';
import type { ReportResult } from './schemas';
import { reportLayout, type Cell } from './table';

export interface ReportDocModel {
  shopName: string;
  report: ReportResult;
}

const show = (v: Cell | undefined) => (v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: 1 }) : v);

export const buildQualityReport: DocumentBuilder<ReportDocModel> = (model, opts) => {
  const m = formatMetrics('a4');
  const l = reportLayout(model.report, opts.locale, opts.currency);
  const body: Content[] = [
    { text: model.shopName, fontSize: m.shopName, bold: true },
    { text: l.title, fontSize: m.title, bold: true, margin: [0, 4, 0, 2] },
    { text: `${l.range}    ${l.filters}`, fontSize: m.small + 1, margin: [0, 0, 0, 6] },
  ];
  // Sections two by two, so a page holds the whole summary.
  const sectionNode = (s: (typeof l.sections)[number]): Content => ({
    stack: [
      { text: s.title, bold: true, fontSize: m.fontSize + 1, margin: [0, 4, 0, 2] },
      {
        table: {
          widths: ['*', 'auto'],
          body: s.rows.map(([label, value, note]): TableCell[] => [
            { text: note ? [{ text: label }, { text: `\n${note}`, fontSize: m.small - 0.5, color: '#555555' }] : label },
            { text: show(value), alignment: 'right', noWrap: true },
          ]),
        },
        layout: 'lightHorizontalLines',
        fontSize: m.small + 0.5,
      },
    ],
    unbreakable: true,
  });
  const sections = l.sections.filter((x) => x.rows.length > 0);
  for (let i = 0; i < sections.length; i += 2) {
    const a = sections[i]!;
    const b = sections[i + 1];
    body.push({ columns: [{ width: '*', stack: [sectionNode(a)] }, { width: '*', stack: b ? [sectionNode(b)] : [] }], columnGap: 14 });
  }
  for (const g of l.grids) {
    if (g.rows.length === 0) continue;
    body.push({ text: g.title, bold: true, fontSize: m.fontSize + 1, margin: [0, 8, 0, 2] });
    body.push({
      table: {
        headerRows: 1,
        widths: g.headers.map((_, i) => (i === 0 ? '*' : 'auto')),
        body: [g.headers.map((h) => ({ text: h, bold: true })), ...g.rows.slice(0, 200).map((r) => r.map((c, i): TableCell => ({ text: show(c), alignment: i === 0 ? 'left' : 'right' })))],
      },
      layout: 'lightHorizontalLines',
      fontSize: m.small + 0.5,
    });
  }
  return frame(body, m, opts, { title: `${l.title} ${model.report.from}–${model.report.to}` });
};
