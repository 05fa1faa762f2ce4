/** Exports (CSV, XLSX), the printed report through the print service, and the dashboard. */
import { excel } from '../lazy/libraries';
import { AppError } from '../../shared/api/errors';
import { MANAGERS } from '../../shared/api/roles';
import type { Locale } from '../../shared/i18n/types';
import { t } from '../../shared/i18n/translate';
import { assembleReport } from '../../shared/reports/compute';
import { buildQualityReport, type ReportDocModel } from '../../shared/reports/document';
import { reportInputSchema, addDaysToDate, type Dashboard, type ReportInput, type ReportResult } from '../../shared/reports/schemas';
import { layoutToCsv, reportLayout } from '../../shared/reports/table';
import { localDate } from '../../shared/time/local-date';
import { OPEN_STATUSES } from '../../shared/tickets/statuses';
import { DEVICE_CATEGORIES } from '../../shared/devices/categories';
import type { Ctx } from '../api/context';
import { registerDocument } from '../documents/registry';
import { zodToAppError } from '../api/validation';
import { aggregateReport } from './aggregates';
import { reportWindow, runReport, shopInfo, sideFigures, userNames } from './report';
import { column, statement } from '../db/statements';

export async function exportReport(ctx: Ctx, input: { report: ReportInput; format: 'csv' | 'xlsx' }): Promise<{ fileName: string; mime: string; base64: string }> {
  const result = runReport(ctx, input.report);
  const info = shopInfo(ctx.sqlite);
  const layout = reportLayout(result, ctx.locale, info.currency);
  const base = `${info.code}-${t(ctx.locale, 'reports.doc.title')}-${result.from}_${result.to}`;
  await ctx.audit('reports.export', 'report', null, { format: input.format, from: result.from, to: result.to, filters: result.filters });
  if (input.format === 'csv') {
    return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(layoutToCsv(layout, ctx.locale), 'utf8').toString('base64') };
  }
  const wb = new (excel().Workbook)();
  wb.creator = 'Fixpoint';
  wb.created = ctx.clock.now();
  const sum = wb.addWorksheet(t(ctx.locale, 'reports.doc.title').slice(0, 31));
  sum.columns = [{ width: 22 }, { width: 38 }, { width: 16 }, { width: 60 }];
  sum.addRow([info.name]).font = { bold: true, size: 14 };
  sum.addRow([layout.title, layout.range]).font = { bold: true };
  sum.addRow([layout.filters]);
  sum.addRow([]);
  sum.addRow([t(ctx.locale, 'reports.fig.section'), t(ctx.locale, 'reports.fig.figure'), t(ctx.locale, 'reports.fig.value'), '']).font = { bold: true };
  for (const s of layout.sections) for (const [label, value, note] of s.rows) sum.addRow([s.title, label, value, note ?? '']);
  for (const g of layout.grids) {
    const ws = wb.addWorksheet(g.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.addRow(g.headers).font = { bold: true };
    for (const r of g.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
}

/**
 * The printed report's entity id: `from~to~groupBy~key=value,…` (the print service keeps ids
 * short); parsed back with the report's own validation.
 */
export function reportEntityId(input: { from: string; to: string; groupBy?: string | undefined; filters?: Record<string, string | undefined> }): string {
  const f = Object.entries(input.filters ?? {})
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${input.from}~${input.to}~${input.groupBy ?? ''}~${f}`;
}

export function parseReportEntityId(id: string): ReportInput {
  const [from, to, groupBy, f] = id.split('~');
  const filters = Object.fromEntries((f ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  const parsed = reportInputSchema.safeParse({ from, to, filters, ...(groupBy ? { groupBy } : {}) });
  if (!parsed.success) throw zodToAppError(parsed.error);
  return parsed.data;
}

let registered = false;
export function registerReportDocuments(): void {
  if (registered) return;
  registered = true;
  registerDocument<ReportDocModel>('quality_report', {
    titleKey: 'reports.doc.title',
    formats: ['a4'],
    roles: MANAGERS,
    load: (ctx, entityId, { settings }) => ({ shopName: settings.name, report: runReport(ctx, parseReportEntityId(entityId)) }),
    build: buildQualityReport,
    reference: (m) => `${m.report.from}–${m.report.to}`,
  });
}

/** Monday of the week of a date. */
function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDaysToDate(date, -((dow + 6) % 7));
}

export function dashboard(ctx: Pick<Ctx, 'sqlite' | 'clock'>): Dashboard {
  const info = shopInfo(ctx.sqlite);
  const now = ctx.clock.now();
  const today = localDate(now, info.timeZone);
  const weekFrom = mondayOf(today);
  const sevenFrom = addDaysToDate(today, -6);
  const wWeek = reportWindow(info, weekFrom, today, now);
  const { aggregates, quotes } = aggregateReport(ctx.sqlite, wWeek, weekFrom, today, {}, null);
  const side = sideFigures(ctx.sqlite, info, wWeek, weekFrom, today, {}, now, quotes);
  const week = assembleReport(aggregates, wWeek, { from: weekFrom, to: today, timeZone: info.timeZone, generatedAt: now.toISOString(), filters: {}, groupBy: null, userNames: userNames(ctx.sqlite) }, side);
  // Per day: counts over the range indexes (completed / collected: the first time in the day, or
  // again in the day after a first time outside it).
  const count = (sql: string, s: string, e: string) => column<number>(ctx.sqlite, sql).get({ s, e })!;
  const inR = (c: string) => `${c} >= $s AND ${c} < $e`;
  const days = [];
  for (let d = sevenFrom; d <= today; d = addDaysToDate(d, 1)) {
    const w = reportWindow(info, d, d, now);
    const again = (first: string, last: string, index: string) =>
      count(`SELECT count(*) FROM report_facts INDEXED BY ${index} WHERE ${last} <> ${first} AND ${inR(last)} AND NOT (${inR(first)})`, w.startIso, w.endIso);
    days.push({
      date: d,
      received: count(`SELECT count(*) FROM report_facts WHERE ${inR('received_at')}`, w.startIso, w.endIso),
      completed: count(`SELECT count(*) FROM report_facts WHERE ${inR('first_ready_at')}`, w.startIso, w.endIso) + again('first_ready_at', 'last_ready_at', 'report_facts_ready_again'),
      collected:
        count(`SELECT count(*) FROM report_facts WHERE ${inR('first_collected_at')}`, w.startIso, w.endIso) + again('first_collected_at', 'last_collected_at', 'report_facts_collected_again'),
    });
  }
  const todayRow = days[days.length - 1]!;
  const openByStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of statement<{ status: string; n: number }>(ctx.sqlite, `SELECT status, count(*) AS n FROM tickets WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')}) GROUP BY status`).all(...OPEN_STATUSES)) {
    openByStatus[r.status] = r.n;
  }
  const one = (sql: string, ...p: unknown[]) => statement<{ n: number }>(ctx.sqlite, sql).get(...p)!.n;
  const nowIso = now.toISOString();
  return {
    today,
    weekFrom,
    generatedAt: nowIso,
    today_: { received: todayRow.received, completed: todayRow.completed, collected: todayRow.collected },
    week: { received: week.volume.received, completed: week.volume.completed, collected: week.volume.collected, turnaround: week.turnaround.endToEnd, ftfRate: week.quality.firstTimeFix.rate },
    days,
    openByStatus,
    overduePromises: week.quality.promiseBreaches.openNow,
    followUps: {
      dueToday: one(`SELECT count(*) AS n FROM follow_ups WHERE status = 'open' AND due_date = ?`, today),
      overdue: one(`SELECT count(*) AS n FROM follow_ups WHERE status = 'open' AND due_date < ?`, today),
    },
    complaints: {
      open: one(`SELECT count(*) AS n FROM complaints WHERE status IN ('open', 'responded')`),
      overdue: one(
        `SELECT count(*) AS n FROM complaints WHERE status IN ('open', 'responded') AND ((responded_at IS NULL AND respond_by < ?) OR (resolved_at IS NULL AND resolve_by < ?))`,
        nowIso,
        nowIso,
      ),
      escalated: one(`SELECT count(*) AS n FROM complaints WHERE status IN ('open', 'responded') AND escalation <> 'none'`),
    },
    loanersOut: side.loaners.outNow,
  };
}

export function reportOptions(ctx: Pick<Ctx, 'sqlite'>) {
  const technicians = statement<{ id: string; name: string }>(ctx.sqlite, `SELECT id, display_name AS name FROM users WHERE role IN ('technician', 'manager') ORDER BY display_name`).all();
  // Brands by the index (one seek per distinct brand, not a scan of every device).
  const brands: string[] = [];
  const next = statement<{ brand: string }>(ctx.sqlite, `SELECT brand FROM devices WHERE brand > ? COLLATE NOCASE ORDER BY brand COLLATE NOCASE LIMIT 1`);
  let last = '';
  for (let i = 0; i < 500; i++) {
    const r = next.get(last);
    if (!r) break;
    brands.push(r.brand);
    last = r.brand;
  }
  const categories = [...DEVICE_CATEGORIES];
  return { technicians, brands, categories, serviceTypes: ['carry_in', 'mail_in', 'on_site'] };
}

export type { ReportResult, Locale };
export { AppError };
