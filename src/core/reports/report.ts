/**
 * The shop's reports: facts from the projection, side figures from their own tables (each
 * "not available yet" while the table that holds it does not exist), arithmetic in shared.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { DEVICE_CATEGORIES } from '../../shared/devices/categories';
import { assembleReport, promiseEndsIn, zonedDayStartIso, type ReportWindow, type SideFigures } from '../../shared/reports/compute';
import { qualitySettingsSchema, SERVICE_TYPES, addDaysToDate, type DrillInput, type DrillRow, type ReportFilters, type ReportInput, type ReportResult, type QualitySettings } from '../../shared/reports/schemas';
import { localDate } from '../../shared/time/local-date';
import type { Ctx } from '../api/context';
import { exists, statement } from '../db/statements';
import { rollupKey } from './rollups';
import { foldedDays } from './rollup-days';
import { aggregateReport, type ShopAggregates } from './aggregates';
import { drillFacts, type DrillFact } from './drill';
import { factFilterSql } from './fact-filters';
import { columnNames, hasTable as tableExists } from '../db/catalog';

export interface ShopInfo {
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  quality: QualitySettings;
}

export function shopInfo(sqlite: Database.Database): ShopInfo {
  const row = statement<{ code: string; settings_json: string }>(sqlite, `SELECT code, settings_json FROM shop LIMIT 1`).get();
  if (!row) throw new AppError('SETUP_REQUIRED');
  const s = JSON.parse(row.settings_json) as { name?: string; timeZone?: string; currency?: string; quality?: unknown };
  return {
    code: row.code,
    name: s.name ?? row.code,
    timeZone: s.timeZone ?? 'Asia/Shanghai',
    currency: s.currency ?? 'CNY',
    quality: qualitySettingsSchema.parse(s.quality ?? {}),
  };
}

const tableCache = new WeakMap<Database.Database, Map<string, boolean>>();
/** Whether another capability's table exists yet (cached once it does). */
export function hasTable(sqlite: Database.Database, name: string): boolean {
  let m = tableCache.get(sqlite);
  if (!m) tableCache.set(sqlite, (m = new Map()));
  if (m.get(name)) return true;
  const yes = tableExists(sqlite, name);
  if (yes) m.set(name, true);
  return yes;
}

/** Unknown filter values are refused with a field error naming the value. */
export function validateFilters(sqlite: Database.Database, filters: ReportFilters): void {
  const bad: { path: string; key: string; params: Record<string, string> }[] = [];
  const unknown = (path: string, value: string) => bad.push({ path: `filters.${path}`, key: 'reports.error.unknownValue', params: { value } });
  if (filters.category && !(DEVICE_CATEGORIES as readonly string[]).includes(filters.category)) unknown('category', filters.category);
  if (filters.serviceType && !(SERVICE_TYPES as readonly string[]).includes(filters.serviceType)) unknown('serviceType', filters.serviceType);
  if (filters.technicianId && !exists(sqlite, `SELECT 1 FROM users WHERE id = ?`, filters.technicianId)) unknown('technicianId', filters.technicianId);
  if (filters.brand && !exists(sqlite, `SELECT 1 FROM devices WHERE brand = ? COLLATE NOCASE LIMIT 1`, filters.brand)) unknown('brand', filters.brand);
  if (filters.shop) bad.push({ path: 'filters.shop', key: 'reports.error.shopFilterHq', params: {} });
  if (bad.length) throw new AppError('VALIDATION', { fields: bad });
}

export function reportWindow(info: ShopInfo, from: string, to: string, now: Date): ReportWindow {
  return {
    startIso: zonedDayStartIso(from, info.timeZone),
    endIso: zonedDayStartIso(addDaysToDate(to, 1), info.timeZone),
    nowIso: now.toISOString(),
    ftfDays: info.quality.ftfDays,
    legalLimitDays: info.quality.legalLimitDays,
    promiseEnds: promiseEndsIn(info.timeZone, addDaysToDate),
  };
}

const anyFilter = (f: ReportFilters) => !!(f.technicianId || f.category || f.brand || f.serviceType);

export function sideFigures(
  sqlite: Database.Database,
  info: ShopInfo,
  w: ReportWindow,
  from: string,
  to: string,
  filters: ReportFilters,
  now: Date,
  quotes: ShopAggregates['quotes'],
  useRollups = true,
): SideFigures {
  const p: Record<string, unknown> = { s: w.startIso, e: w.endIso };
  const fw = factFilterSql(filters, p, 'f.');
  // Range ends on whole hours: the rollups of migration 10 give the same sums without the ledgers.
  // Days folded in another zone than the shop's now would not end on this zone's midnights.
  const foldedZone = useRollups ? foldedDays(sqlite)?.zone : undefined;
  const key = useRollups && hasTable(sqlite, 'report_payments_hourly') && (foldedZone === undefined || foldedZone === info.timeZone) ? rollupKey(filters, w.startIso, w.endIso) : null;
  const rolled = key !== null;
  if (key) Object.assign(p, key.params);
  /** A rollup's rows for this report's filters that meet `time` (the range's hours unless said; see rollupKey). */
  const rollup = (table: string, time = 'hour >= $sh AND hour < $eh') =>
    key?.shape === 'combo' ? `${table}_combo WHERE ${time} AND ${key.where}` : `${table} WHERE dim = $dim AND value = $dimValue AND ${time}`;
  const joinFacts = (col: string) => (anyFilter(filters) ? `JOIN report_facts f ON f.ticket_id = ${col} AND ${fw}` : '');
  const today = localDate(now, info.timeZone);

  // Parts issued to tickets (issues minus returns), at their cost, by category: from the rollup, or
  // each part's range of the covering index in part order (summed per part without a sort).
  const partRows = statement<{ key: string; lines: number; qty: number; cost: number }>(
    sqlite,
    rolled
      ? `SELECT part_category AS key, sum(lines) AS lines, sum(qty) AS qty, sum(cost_fen) AS cost FROM ${rollup('report_parts_hourly')}
           GROUP BY part_category HAVING sum(moves) <> 0 ORDER BY cost DESC, key`
      : `SELECT category AS key, sum(lines) AS lines, sum(qty) AS qty, sum(cost) AS cost FROM (
             SELECT pt.category AS category, sum(m.kind = 'issue') AS lines, -sum(m.qty) AS qty, -sum(m.qty * m.unit_cost) AS cost
             FROM parts pt CROSS JOIN stock_movements m INDEXED BY stock_movements_report ON m.part_id = pt.id ${joinFacts('m.ticket_id')}
             WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.at >= $s AND m.at < $e GROUP BY pt.n)
           GROUP BY category ORDER BY cost DESC, key`,
  ).all(p);
  const parts = {
    lines: partRows.reduce((a, r) => a + r.lines, 0),
    qty: partRows.reduce((a, r) => a + r.qty, 0),
    costFen: partRows.reduce((a, r) => a + r.cost, 0),
    byCategory: partRows.map((r) => ({ key: r.key, count: r.lines, qty: r.qty, amountFen: r.cost })),
  };

  // Warranty vs paid from each ticket's latest quote (bench), tickets first ready in the range:
  // kept per ticket by trigger (report_facts.quote_mix), counted with the other figures.
  const quotesMix: SideFigures['quotesMix'] = hasTable(sqlite, 'quotes') ? { available: true, value: quotes } : { available: false, reasonKey: 'reports.na.quotes' };

  // Hours logged (bench time logs), by who did the work.
  let hoursByUser: Map<string, number> | null = null;
  if (hasTable(sqlite, 'time_logs')) {
    const rows = statement<{ u: string; m: number }>(sqlite, rolled
          ? `SELECT user_id AS u, sum(minutes) AS m FROM ${rollup('report_time_hourly')} GROUP BY user_id HAVING sum(n) <> 0`
          : `SELECT l.user_id AS u, sum(l.minutes) AS m FROM time_logs l ${anyFilter(filters) ? `JOIN report_facts f ON f.ticket_id = l.ticket_id AND ${fw.replace('f.tech_id = $tech', 'l.user_id = $tech')}` : ''}
             WHERE l.ended_at IS NOT NULL AND l.started_at >= $s AND l.started_at < $e GROUP BY l.user_id`).all(p);
    hoursByUser = new Map(rows.map((r) => [r.u, r.m / 60]));
  }

  // Payments and claims to the maker belong to the collection capability.
  const payments = paymentFigures(sqlite, p, joinFacts, rolled ? rollup('report_payments_hourly') : null);

  const loanRow = statement<{ outNow: number; lent: number; returned: number }>(sqlite, `SELECT (SELECT count(*) FROM loans WHERE status = 'out') AS outNow,
         (SELECT count(*) FROM loans WHERE out_at >= $s AND out_at < $e) AS lent,
         (SELECT count(*) FROM loans WHERE returned_at >= $s AND returned_at < $e) AS returned`).get(p)!;

  const fp = { ...p, from, to, today };
  const sat = statement<Record<string, number | null>>(
    sqlite,
    rolled
      ? `SELECT sum(n) AS due, sum(n * (status = 'done')) AS done, sum(n * (reached = 1)) AS reached, sum(n * (score > 0)) AS scored, sum(n * score) * 1.0 / sum(n * (score > 0)) AS avg,
             sum(n * (score = 1)) AS s1, sum(n * (score = 2)) AS s2, sum(n * (score = 3)) AS s3, sum(n * (score = 4)) AS s4, sum(n * (score = 5)) AS s5, sum(n * problem) AS problems
           FROM ${rollup('report_follow_ups_daily', 'due_date >= $from AND due_date <= $to')}`
      : `SELECT count(*) AS due, sum(u.status = 'done') AS done, sum(u.reached = 1) AS reached, sum(u.score IS NOT NULL) AS scored, avg(u.score) AS avg,
             sum(u.score = 1) AS s1, sum(u.score = 2) AS s2, sum(u.score = 3) AS s3, sum(u.score = 4) AS s4, sum(u.score = 5) AS s5, sum(u.problem_reported) AS problems
           FROM follow_ups u ${joinFacts('u.ticket_id')} WHERE u.due_date >= $from AND u.due_date <= $to`,
  ).get(fp)!;
  const overdueNow = statement<{ n: number }>(sqlite, rolled
          ? `SELECT coalesce(sum(n), 0) AS n FROM ${rollup('report_follow_ups_daily', `status = 'open' AND due_date < $today`)}`
          : `SELECT count(*) AS n FROM follow_ups u ${joinFacts('u.ticket_id').replace('JOIN', 'CROSS JOIN')} WHERE u.status = 'open' AND u.due_date < $today`).get(fp)!.n;
  const satisfaction = {
    due: sat.due ?? 0,
    done: sat.done ?? 0,
    reached: sat.reached ?? 0,
    scored: sat.scored ?? 0,
    averageScore: sat.avg === null || sat.avg === undefined ? null : Math.round(sat.avg * 100) / 100,
    scores: [sat.s1, sat.s2, sat.s3, sat.s4, sat.s5].map((x) => x ?? 0),
    problems: sat.problems ?? 0,
    overdueNow,
  };

  const c = statement<Record<string, number | null>>(sqlite, `SELECT count(*) AS opened,
         sum(c.responded_at IS NOT NULL AND c.responded_at <= c.respond_by) AS respondedOk,
         sum(c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_by) AS resolvedOk,
         sum(c.escalation <> 'none') AS escalated
       FROM complaints c ${joinFacts('c.ticket_id')} WHERE c.opened_at >= $s AND c.opened_at < $e`).get(p)!;
  const closed = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM complaints c ${joinFacts('c.ticket_id')} WHERE c.resolved_at >= $s AND c.resolved_at < $e`).get(p)!.n;
  const openNow = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM complaints c ${joinFacts('c.ticket_id')} WHERE c.status IN ('open', 'responded')`).get(p)!.n;
  const opened = c.opened ?? 0;
  const rt = (x: number) => (opened > 0 ? Math.round((x / opened) * 10000) / 10000 : null);
  const complaints = {
    opened,
    closed,
    respondedInTime: { count: c.respondedOk ?? 0, of: opened, rate: rt(c.respondedOk ?? 0) },
    resolvedInTime: { count: c.resolvedOk ?? 0, of: opened, rate: rt(c.resolvedOk ?? 0) },
    escalated: c.escalated ?? 0,
    openNow,
  };

  // Still open now past the legal limit / the promised day: only when the range reaches today.
  let openLegalNow = 0;
  let openPromiseNow = 0;
  if (w.endIso > w.nowIso) {
    const lp = { ...p, limit: new Date(now.getTime() - info.quality.legalLimitDays * 86_400_000).toISOString(), today };
    openLegalNow = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM report_facts f WHERE f.first_ready_at IS NULL AND f.cancelled_at IS NULL AND f.received_at < $limit AND ${fw}`).get(lp)!.n;
    openPromiseNow = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM tickets t ${anyFilter(filters) ? `JOIN report_facts f ON f.ticket_id = t.id AND ${fw}` : ''}
           WHERE t.status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc') AND t.promised_date < $today`).get(lp)!.n;
  }

  return { quotesMix, ...payments, parts, hoursByUser, loaners: { outNow: loanRow.outNow, lentInRange: loanRow.lent, returnedInRange: loanRow.returned }, satisfaction, complaints, openLegalNow, openPromiseNow };
}

/**
 * Revenue by tender and by category, claims by status: from the collection capability's tables
 * once they exist (payments: tender, amount_fen, kind, at, ticket_id; claims: status,
 * amount_fen). Until then each figure says "not available yet".
 */
function paymentFigures(
  sqlite: Database.Database,
  p: Record<string, unknown>,
  joinFacts: (col: string) => string,
  /** The payments rollup's rows for the report (FROM … WHERE …), null to read the payments. */
  rolled: string | null,
): Pick<SideFigures, 'revenueByTender' | 'revenueByCategory' | 'claims'> {
  const na = (k: string) => ({ available: false as const, reasonKey: k });
  let revenueByTender: SideFigures['revenueByTender'] = na('reports.na.payments');
  let revenueByCategory: SideFigures['revenueByCategory'] = na('reports.na.payments');
  let claims: SideFigures['claims'] = na('reports.na.claims');
  const cols = (t: string) => columnNames(sqlite, t);
  if (hasTable(sqlite, 'payments')) {
    const c = cols('payments');
    const at = c.has('at') ? 'at' : c.has('created_at') ? 'created_at' : c.has('recorded_at') ? 'recorded_at' : null;
    const amount = c.has('amount_fen') ? 'amount_fen' : c.has('amount') ? 'amount' : null;
    if (at && amount && c.has('tender') && c.has('ticket_id')) {
      const [byTenderSql, byCategorySql] = rolled
        ? [
            `SELECT tender AS key, sum(n) AS count, sum(amount_fen) AS amountFen FROM ${rolled} GROUP BY tender HAVING sum(n) <> 0 ORDER BY amountFen DESC, key`,
            `SELECT ticket_category AS key, sum(n) AS count, sum(amount_fen) AS amountFen FROM ${rolled} GROUP BY ticket_category HAVING sum(n) <> 0 ORDER BY amountFen DESC, key`,
          ]
        : [
            `SELECT pm.tender AS key, count(*) AS count, sum(pm.${amount}) AS amountFen FROM payments pm ${joinFacts('pm.ticket_id')} WHERE pm.${at} >= $s AND pm.${at} < $e GROUP BY pm.tender ORDER BY amountFen DESC, key`,
            `SELECT coalesce(rf.category, '') AS key, count(*) AS count, sum(pm.${amount}) AS amountFen FROM payments pm LEFT JOIN report_facts rf ON rf.ticket_id = pm.ticket_id
             ${joinFacts('pm.ticket_id')} WHERE pm.${at} >= $s AND pm.${at} < $e GROUP BY 1 ORDER BY amountFen DESC, key`,
          ];
      revenueByTender = { available: true, value: statement<{ key: string; count: number; amountFen: number }>(sqlite, byTenderSql).all(p) };
      const byCat = statement<{ key: string; count: number; amountFen: number }>(sqlite, byCategorySql).all(p);
      revenueByCategory = { available: true, value: byCat };
    }
  }
  for (const t of ['warranty_claims', 'claims']) {
    if (!hasTable(sqlite, t)) continue;
    const c = cols(t);
    const amount = ['amount_fen', 'claimed_fen', 'total_fen'].find((x) => c.has(x));
    if (!c.has('status')) continue;
    // Claims created in the range (all of them when the table has no creation time), by status.
    const when = c.has('created_at') ? `WHERE created_at >= $s AND created_at < $e` : '';
    const rows = statement<{ key: string; count: number; amountFen: number }>(sqlite, `SELECT status AS key, count(*) AS count, ${amount ? `sum(${amount})` : '0'} AS amountFen FROM ${t} ${when} GROUP BY status ORDER BY status`).all(when ? p : {});
    claims = { available: true, value: rows };
    break;
  }
  return { revenueByTender, revenueByCategory, claims };
}

export function userNames(sqlite: Database.Database): Map<string, string> {
  return new Map(statement<{ id: string; display_name: string }>(sqlite, `SELECT id, display_name FROM users`).all().map((u) => [u.id, u.display_name]));
}

/** `useRollups: false` reads the ledgers even where the rollups would answer (tests compare the two). */
export function runReport(ctx: Pick<Ctx, 'sqlite' | 'clock'>, input: ReportInput, useRollups = true): ReportResult {
  validateFilters(ctx.sqlite, input.filters);
  const info = shopInfo(ctx.sqlite);
  const now = ctx.clock.now();
  const w = reportWindow(info, input.from, input.to, now);
  const groupBy = input.groupBy ?? null;
  const { aggregates, quotes } = aggregateReport(ctx.sqlite, w, input.from, input.to, input.filters, groupBy);
  const side = sideFigures(ctx.sqlite, info, w, input.from, input.to, input.filters, now, quotes, useRollups);
  return assembleReport(
    aggregates,
    w,
    { from: input.from, to: input.to, timeZone: info.timeZone, generatedAt: now.toISOString(), filters: input.filters, groupBy, userNames: userNames(ctx.sqlite) },
    side,
  );
}

/** The tickets behind a figure (and a row of the breakdown), newest first. */
export function drill(ctx: Pick<Ctx, 'sqlite' | 'clock'>, input: DrillInput): { total: number; rows: DrillRow[] } {
  validateFilters(ctx.sqlite, input.filters);
  const info = shopInfo(ctx.sqlite);
  const w = reportWindow(info, input.from, input.to, ctx.clock.now());
  const { total, rows } = drillFacts(ctx.sqlite, w, input);
  return { total, rows: ticketRowsFor(ctx.sqlite, rows) };
}

export function ticketRowsFor(sqlite: Database.Database, facts: DrillFact[]): DrillRow[] {
  const stmt = statement<{ number: string; status: string; category: string; brand: string; model: string; customer: string }>(sqlite, `SELECT t.number, t.status, d.category, d.brand, d.model, c.name AS customer FROM tickets t JOIN devices d ON d.id = t.device_id JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`);
  const names = userNames(sqlite);
  return facts.map((f) => {
    const r = stmt.get(f.ticketId)!;
    const end = f.firstCollectedAt ?? f.firstReadyAt;
    return {
      id: f.ticketId,
      number: r.number,
      status: r.status,
      receivedAt: f.receivedAt,
      firstReadyAt: f.firstReadyAt,
      firstCollectedAt: f.firstCollectedAt,
      category: r.category,
      brand: r.brand,
      model: r.model,
      technician: f.techId ? names.get(f.techId) ?? null : null,
      customer: r.customer,
      hours: end ? Math.round(((Date.parse(end) - Date.parse(f.receivedAt)) / 3_600_000) * 10) / 10 : null,
    };
  });
}
