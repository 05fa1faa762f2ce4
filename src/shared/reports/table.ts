/**
 * A report laid out as labelled rows, in a language: the one layout CSV, XLSX and the printed
 * report share, so the three never disagree.
 */
import { t } from '../i18n/translate';
import type { Locale } from '../i18n/types';
import { formatMoney } from '../documents/format';
import { STAGES } from './math';
import type { Avail, ReportResult } from './schemas';

export type Cell = string | number | null;
export interface Section {
  title: string;
  rows: [label: string, value: Cell, note?: string][];
}
export interface Grid {
  title: string;
  headers: string[];
  rows: Cell[][];
}
export interface ReportLayout {
  title: string;
  range: string;
  filters: string;
  sections: Section[];
  grids: Grid[];
}

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const pctText = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

export function dimensionValueLabel(locale: Locale, dim: string, key: string, names?: Map<string, string>): string {
  if (dim === 'technician') return key ? names?.get(key) ?? key : t(locale, 'reports.fig.unassigned');
  if (dim === 'category') return key ? t(locale, `devices.category.${key}`) : '—';
  if (dim === 'serviceType') return key ? t(locale, `reports.service.${key}`) : '—';
  // revenue by tender and claims by status: codes in the data, words on paper and screen
  if (dim === 'tender') return key ? t(locale, `collection.tender.${key}`) : '—';
  if (dim === 'claimStatus') return key ? t(locale, `collection.claimStatus.${key}`) : '—';
  return key || '—';
}

export function filtersText(locale: Locale, r: Pick<ReportResult, 'filters' | 'technicians'>, techName?: string): string {
  const parts: string[] = [];
  const f = r.filters;
  if (f.shop) parts.push(`${t(locale, 'reports.dim.shop')}: ${f.shop}`);
  if (f.technicianId) parts.push(`${t(locale, 'reports.dim.technician')}: ${techName ?? r.technicians.find((x) => x.userId === f.technicianId)?.name ?? f.technicianId}`);
  if (f.category) parts.push(`${t(locale, 'reports.dim.category')}: ${dimensionValueLabel(locale, 'category', f.category)}`);
  if (f.brand) parts.push(`${t(locale, 'reports.dim.brand')}: ${f.brand}`);
  if (f.serviceType) parts.push(`${t(locale, 'reports.dim.serviceType')}: ${dimensionValueLabel(locale, 'serviceType', f.serviceType)}`);
  return parts.length ? parts.join('; ') : t(locale, 'reports.doc.noFilters');
}

export function reportLayout(r: ReportResult, locale: Locale, currency = 'CNY'): ReportLayout {
  const L = (k: string, p?: Record<string, string | number>) => t(locale, k, p);
  const money = (fen: number) => formatMoney(fen, locale, currency);
  const na = (a: Avail<unknown>) => (a.available ? '' : L(a.reasonKey));
  const sections: Section[] = [];
  sections.push({
    title: L('reports.section.volume'),
    rows: [
      [L('reports.fig.received'), r.volume.received],
      [L('reports.fig.completed'), r.volume.completed],
      [L('reports.fig.collected'), r.volume.collected],
      [L('reports.fig.cancelled'), r.volume.cancelled],
      [L('reports.fig.reopened'), r.volume.reopened],
    ],
  });

  const q = r.quality;
  sections.push({
    title: L('reports.section.quality'),
    rows: [
      [`${L('reports.fig.ftf')} (%)`, pct(q.firstTimeFix.rate), `${q.firstTimeFix.count} / ${q.firstTimeFix.of}; ${L('reports.fig.ftfHint', { days: r.settings.ftfDays })}; ${L('reports.fig.windowOpen')} ${q.firstTimeFix.windowOpen}`],
      [`${L('reports.fig.repeat')} (%)`, pct(q.repeatRepair.rate), `${q.repeatRepair.count} / ${q.repeatRepair.of}`],
      [L('reports.fig.legalBreach'), q.legalBreaches.count, `${L('reports.fig.legalHint', { days: r.settings.legalLimitDays })}; / ${q.legalBreaches.of}; ${L('reports.fig.openNow')} ${q.legalBreaches.openNow}`],
      [L('reports.fig.promiseBreach'), q.promiseBreaches.count, `/ ${q.promiseBreaches.of}; ${L('reports.fig.openNow')} ${q.promiseBreaches.openNow}`],
    ],
  });
  const qm = r.mix.quotes;
  sections.push({
    title: L('reports.section.mix'),
    rows: [
      [L('reports.fig.claimedWarranty'), r.mix.claimedAtIntake.warranty],
      [L('reports.fig.claimedPaid'), r.mix.claimedAtIntake.paid],
      ...(qm.available
        ? ([
            [L('reports.fig.quoteWarranty'), qm.value.warranty],
            [L('reports.fig.quoteMixed'), qm.value.mixed],
            [L('reports.fig.quotePaid'), qm.value.paid],
            [L('reports.fig.noQuote'), qm.value.noQuote],
          ] as Section['rows'])
        : ([[L('reports.fig.quoteWarranty'), null, na(qm)]] as Section['rows'])),
    ],
  });
  const rev = r.revenue;
  sections.push({
    title: L('reports.section.revenue'),
    rows: [
      ...(rev.byTender.available && rev.byTender.value.length === 0 ? ([[L('reports.fig.byTender'), money(0)]] as Section['rows']) : []),
      ...(rev.byCategory.available && rev.byCategory.value.length === 0 ? ([[L('reports.fig.byCategory'), money(0)]] as Section['rows']) : []),
      ...(rev.byTender.available
        ? rev.byTender.value.map((x): Section['rows'][number] => [`${L('reports.fig.byTender')} · ${dimensionValueLabel(locale, 'tender', x.key)}`, money(x.amountFen), `n = ${x.count}`])
        : ([[L('reports.fig.byTender'), null, na(rev.byTender)]] as Section['rows'])),
      ...(rev.byCategory.available
        ? rev.byCategory.value.map((x): Section['rows'][number] => [`${L('reports.fig.byCategory')} · ${dimensionValueLabel(locale, 'category', x.key)}`, money(x.amountFen), `n = ${x.count}`])
        : ([[L('reports.fig.byCategory'), null, na(rev.byCategory)]] as Section['rows'])),
    ],
  });
  sections.push({
    title: L('reports.section.parts'),
    rows: [
      [L('reports.fig.partsLines'), r.parts.lines],
      [L('reports.fig.partsQty'), r.parts.qty],
      [L('reports.fig.partsCost'), money(r.parts.costFen)],
      ...r.parts.byCategory.map((x): Section['rows'][number] => [`${L('reports.fig.partsCost')} · ${x.key}`, money(x.amountFen), `${L('reports.fig.partsQty')} ${x.qty}`]),
    ],
  });
  sections.push({
    title: L('reports.section.care'),
    rows: [
      [L('reports.fig.followUpsDue'), r.satisfaction.due],
      [L('reports.fig.followUpsDone'), r.satisfaction.done],
      [L('reports.fig.reached'), r.satisfaction.reached],
      [L('reports.fig.avgScore'), r.satisfaction.averageScore, r.satisfaction.scores.map((n, i) => `${i + 1}★ ${n}`).join('  ')],
      [L('reports.fig.problems'), r.satisfaction.problems],
      [L('reports.fig.followUpsOverdue'), r.satisfaction.overdueNow],
      [L('reports.fig.complaintsOpened'), r.complaints.opened],
      [L('reports.fig.complaintsClosed'), r.complaints.closed],
      [`${L('reports.fig.respondedInTime')} (%)`, pct(r.complaints.respondedInTime.rate), `${r.complaints.respondedInTime.count} / ${r.complaints.respondedInTime.of}`],
      [`${L('reports.fig.resolvedInTime')} (%)`, pct(r.complaints.resolvedInTime.rate), `${r.complaints.resolvedInTime.count} / ${r.complaints.resolvedInTime.of}`],
      [L('reports.fig.escalated'), r.complaints.escalated],
      [L('reports.fig.complaintsOpen'), r.complaints.openNow],
    ],
  });
  sections.push({
    title: L('reports.section.other'),
    rows: [
      [L('reports.fig.loanersOut'), r.loaners.outNow],
      [L('reports.fig.loanersLent'), r.loaners.lentInRange],
      [L('reports.fig.hoursLogged'), r.hoursLogged.available ? r.hoursLogged.value : null, na(r.hoursLogged)],
      ...(r.claims.available && r.claims.value.length === 0 ? ([[L('reports.fig.claims'), 0]] as Section['rows']) : []),
      ...(r.claims.available
        ? r.claims.value.map((x): Section['rows'][number] => [`${L('reports.fig.claims')} · ${dimensionValueLabel(locale, 'claimStatus', x.key)}`, x.count, money(x.amountFen)])
        : ([[L('reports.fig.claims'), null, na(r.claims)]] as Section['rows'])),
    ],
  });

  const grids: Grid[] = [];
  const spread = (label: string, x: { n: number; medianHours: number | null; p90Hours: number | null }): Cell[] => [label, x.n, x.medianHours, x.p90Hours];
  grids.push({
    title: L('reports.section.turnaround'),
    headers: [L('reports.fig.figure'), 'n', L('reports.fig.median'), L('reports.fig.p90')],
    rows: [
      spread(L('reports.fig.endToEnd'), r.turnaround.endToEnd),
      spread(L('reports.fig.toReady'), r.turnaround.toReady),
      ...STAGES.map((st) => spread(L(`reports.stage.${st}`), r.turnaround.stages[st])),
    ],
  });
  grids.push({
    title: L('reports.section.technicians'),
    headers: [L('reports.fig.technician'), L('reports.fig.completed'), L('reports.fig.collected'), `${L('reports.fig.ftf')} (%)`, L('reports.fig.repairHours'), L('reports.fig.hoursLogged')],
    rows: r.technicians.map((x) => [x.name, x.completed, x.collected, pct(x.ftfRate), x.repairHours.medianHours, x.hoursLogged]),
  });
  if (r.groupBy) {
    grids.push({
      title: `${L('reports.section.groups')} · ${L(`reports.dim.${r.groupBy}`)}`,
      headers: [L(`reports.dim.${r.groupBy}`), L('reports.fig.received'), L('reports.fig.completed'), L('reports.fig.collected'), `${L('reports.fig.endToEnd')} · ${L('reports.fig.median')}`, `${L('reports.fig.p90')}`, `${L('reports.fig.ftf')} (%)`],
      rows: r.groups.map((g) => [
        r.groupBy === 'technician' ? g.label || L('reports.fig.unassigned') : dimensionValueLabel(locale, r.groupBy!, g.key),
        g.received,
        g.completed,
        g.collected,
        g.turnaround.medianHours,
        g.turnaround.p90Hours,
        pct(g.ftfRate),
      ]),
    });
  }
  return { title: L('reports.doc.title'), range: L('reports.doc.range', { from: r.from, to: r.to }), filters: L('reports.doc.filters', { filters: filtersText(locale, r) }), sections, grids };
}

export { pctText };

/** RFC 4180 CSV (UTF-8 with a BOM so Excel opens Chinese correctly). */
export function layoutToCsv(l: ReportLayout, locale: Locale): string {
  const esc = (v: Cell | undefined) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines: string[] = [[l.title, l.range, l.filters].map(esc).join(',')];
  lines.push([t(locale, 'reports.fig.section'), t(locale, 'reports.fig.figure'), t(locale, 'reports.fig.value'), ''].map(esc).join(','));
  for (const s of l.sections) for (const [label, value, note] of s.rows) lines.push([s.title, label, value, note ?? ''].map(esc).join(','));
  for (const g of l.grids) {
    lines.push('');
    lines.push(esc(g.title));
    lines.push(g.headers.map(esc).join(','));
    for (const r of g.rows) lines.push(r.map(esc).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
