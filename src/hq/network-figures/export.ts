/**
 * The network report and a drill-down as CSV or XLSX, headers in the reader's language: the
 * shop's own CSV writer (layoutToCsv's grids) and exceljs as the shop's export uses it. In XLSX,
 * counts, rates and money are numbers (yuan with two decimals, rates in percent), never text.
 */
import { excel } from '../../core/lazy/libraries';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import type { NetworkDrill, NetworkReport } from '../../shared/hq-console/figures';
import { dimensionValueLabel, layoutToCsv, type Cell, type Grid } from '../../shared/reports/table';
import type { ReportResult } from '../../shared/reports/schemas';
import { localDate } from '../../shared/time/local-date';

const TZ = 'Asia/Shanghai';
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const yuan = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);
const revenue = (r: ReportResult) => (r.revenue.byTender.available ? r.revenue.byTender.value.reduce((a, x) => a + x.amountFen, 0) : null);
/** A local date and time, as a person reads it in a sheet. */
const when = (iso: string | null) => (iso ? `${localDate(new Date(iso), TZ)} ${new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))}` : null);

/** Money columns (yuan) by grid, for the sheet's number format. */
interface Sheet extends Grid {
  money: number[];
}

export function reportSheets(res: NetworkReport, locale: Locale): Sheet[] {
  const L = (k: string) => t(locale, k);
  const headers = ['ui.hq.figures.col.shop', 'ui.hq.figures.col.name', 'ui.hq.figures.col.region', 'ui.hq.figures.col.received', 'ui.hq.figures.col.completed', 'ui.hq.figures.col.collected', 'ui.hq.figures.col.cancelled', 'ui.hq.figures.col.ftfPct', 'ui.hq.figures.col.medianHours', 'ui.hq.figures.col.revenueYuan', 'ui.hq.figures.col.complaints'].map(L);
  const line = (code: string, name: string, region: string, r: ReportResult): Cell[] => [code, name, region, r.volume.received, r.volume.completed, r.volume.collected, r.volume.cancelled, pct(r.quality.firstTimeFix.rate), r.turnaround.endToEnd.medianHours, yuan(revenue(r)), r.complaints.opened];
  const rows = res.shops.map((s) => line(s.code, s.name, s.region ?? '', s.report));
  if (res.total) rows.push(line(L('ui.hq.figures.total'), '', '', res.total));
  const sheets: Sheet[] = [{ title: L('ui.hq.figures.sheet.shops'), headers, rows, money: [9] }];
  const dim = res.groupBy;
  if (dim && res.total) {
    sheets.push({
      title: `${L('ui.hq.figures.total')} · ${L(`reports.dim.${dim}`)}`,
      headers: [L(`reports.dim.${dim}`), ...['received', 'completed', 'collected', 'ftfPct', 'medianHours'].map((c) => L(`ui.hq.figures.col.${c}`))],
      rows: res.total.groups.map((g) => [groupLabel(locale, dim, g.key, g.label), g.received, g.completed, g.collected, pct(g.ftfRate), g.turnaround.medianHours]),
      money: [],
    });
  }
  return sheets;
}

export function groupLabel(locale: Locale, dim: string, key: string, label: string): string {
  if (dim === 'region') return key || t(locale, 'ui.hq.figures.noRegion');
  if (dim === 'shop') return label && label !== key ? `${key} ${label}` : key;
  if (dim === 'technician') return key ? label || key : t(locale, 'reports.fig.unassigned');
  return dimensionValueLabel(locale, dim, key);
}

export function drillSheet(d: NetworkDrill, locale: Locale): Sheet {
  const L = (k: string) => t(locale, k);
  return {
    title: L('ui.hq.figures.sheet.tickets'),
    headers: ['ui.hq.figures.col.shop', 'ui.hq.figures.col.name', 'ui.reports.col.number', 'ui.reports.col.status', 'ui.reports.col.received', 'ui.hq.figures.col.readyAt', 'ui.hq.figures.col.collectedAt', 'reports.dim.category', 'reports.dim.brand', 'ui.hq.figures.col.model', 'reports.dim.technician', 'ui.reports.col.customer', 'ui.hq.figures.col.quotedYuan', 'ui.hq.figures.col.paidYuan'].map(L),
    rows: d.rows.map((r) => [r.shopCode, r.shopName, r.number, L(`tickets.status.${r.status}`), when(r.receivedAt), when(r.firstReadyAt), when(r.firstCollectedAt), dimensionValueLabel(locale, 'category', r.category), r.brand, r.model, r.technician ?? '', r.customer, yuan(r.quotedFen), yuan(r.paidFen)]),
    money: [12, 13],
  };
}

export async function sheetsFile(sheets: Sheet[], title: string, range: string, format: 'csv' | 'xlsx', locale: Locale, base: string, now: Date) {
  if (format === 'csv') {
    const csv = layoutToCsv({ title, range, filters: '', sections: [], grids: sheets }, locale);
    return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const wb = new (excel().Workbook)();
  wb.creator = 'Fixpoint';
  wb.created = now;
  for (const g of sheets) {
    const ws = wb.addWorksheet(g.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.addRow(g.headers).font = { bold: true };
    for (const r of g.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i < 3 ? 18 : 14;
      if (g.money.includes(i)) c.numFmt = '0.00';
    });
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
}
