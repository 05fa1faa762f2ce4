/**
 * The report projection (`report_facts`, migration 9): rebuilt from the events with the pure
 * fold, and read per range as aggregates computed in SQL from covering indexes (counts and
 * sums per technician and breakdown key; the duration lists the percentiles need, as JSON).
 */
import type Database from 'better-sqlite3';
import { STAGES, factsFromEvents, returnGaps, type Stage, type StatusEvent, type TimelineFacts } from '../../shared/reports/math';
import { emptyAggregates, newTally, type ReportAggregates, type ReportWindow, type Tally } from '../../shared/reports/compute';
import type { Dimension, DrillFigure, ReportFilters } from '../../shared/reports/schemas';
import { addDaysToDate } from '../../shared/time/local-date';
import type { TicketStatus } from '../../shared/tickets/statuses';
import { quoteMixSql, returnGapsSql } from './facts-sql';

const COLUMNS = [
  'ticket_id', 'received_at', 'first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'status', 'status_at',
  ...STAGES.map((s) => `s_${s}`), 'reopens', 'last_reopened_at', 'credit_user_id', 'ready_ms', 'e2e_ms',
];
const msBetween = (a: string | null, b: string | null) => (a && b ? Date.parse(b) - Date.parse(a) : null);

function factValues(ticketId: string, f: TimelineFacts): unknown[] {
  return [
    ticketId, f.receivedAt, f.firstReadyAt, f.lastReadyAt, f.firstCollectedAt, f.lastCollectedAt, f.cancelledAt, f.status, f.statusAt,
    ...STAGES.map((s) => f.stageSeconds[s]), f.reopens, f.lastReopenedAt, f.creditUserId,
    msBetween(f.receivedAt, f.firstReadyAt), msBetween(f.receivedAt, f.firstCollectedAt),
  ];
}

/**
 * Every ticket's status events in order through `fn` (ticket by ticket), in chunks of tickets so
 * the caller may write between chunks (one connection cannot write while it iterates).
 */
function foldAll(db: Database.Database, fn: (ticketId: string, facts: TimelineFacts) => void): void {
  const next = db.prepare(`SELECT ticket_id FROM ticket_events WHERE ticket_id > ? ORDER BY ticket_id LIMIT 1 OFFSET 100000`).pluck();
  const chunk = db.prepare(`SELECT ticket_id, at, to_status, user_id FROM ticket_events WHERE ticket_id >= ? AND ticket_id < ? AND to_status IS NOT NULL ORDER BY ticket_id, id`).raw();
  let lo = '';
  for (;;) {
    const hi = (next.get(lo) as string | undefined) ?? '\u{10FFFF}';
    const rows = chunk.all(lo, hi) as [string, string, TicketStatus, string | null][];
    let current: string | null = null;
    let events: StatusEvent[] = [];
    for (const [ticketId, at, toStatus, userId] of rows) {
      if (ticketId !== current) {
        if (current !== null) fn(current, factsFromEvents(events));
        current = ticketId;
        events = [];
      }
      events.push({ at, toStatus, userId });
    }
    if (current !== null) fn(current, factsFromEvents(events));
    if (hi === '\u{10FFFF}') break;
    lo = hi;
  }
}

const DIMENSIONS_SQL = `
  UPDATE report_facts SET technician_id = t.technician_id, tech_id = coalesce(report_facts.credit_user_id, t.technician_id, ''), device_id = t.device_id,
    service_type = t.service_type, promised_date = t.promised_date,
    fault_key = coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), warranty_claimed = t.warranty_claimed, category = d.category, brand = d.brand
  FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = report_facts.ticket_id`;

/** The per-ticket marks that need other rows: return gaps of devices seen more than once, latest quote kinds. */
function derive(db: Database.Database): void {
  db.exec(`CREATE INDEX IF NOT EXISTS report_facts_device ON report_facts(device_id, received_at, first_collected_at, fault_key)`);
  db.exec(returnGapsSql(`r.device_id IN (SELECT device_id FROM report_facts WHERE device_id IS NOT NULL GROUP BY device_id HAVING count(*) > 1)`));
  db.exec(`UPDATE report_facts SET quote_mix = ${quoteMixSql('report_facts.ticket_id')} WHERE ticket_id IN (SELECT ticket_id FROM quotes)`);
}

/** Empties the projection and folds every ticket's events into it again (upgrade, seed, repair). */
export function rebuildReportFacts(db: Database.Database): number {
  db.exec(`DELETE FROM report_facts`);
  const ins = db.prepare(`INSERT INTO report_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let n = 0;
  foldAll(db, (ticketId, f) => {
    if (!f.receivedAt) return;
    ins.run(...factValues(ticketId, f));
    n++;
  });
  db.exec(DIMENSIONS_SQL);
  derive(db);
  return n;
}

/**
 * Compares the projection with a fresh fold of the events (and the per-ticket marks with a fresh
 * computation from the tickets); returns the tickets that differ.
 */
export function verifyReportFacts(db: Database.Database, limit = 20): { checked: number; mismatches: string[] } {
  const read = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM report_facts WHERE ticket_id = ?`).raw();
  const mismatches: string[] = [];
  const add = (x: string) => {
    if (mismatches.length < limit && !mismatches.includes(x)) mismatches.push(x);
  };
  let checked = 0;
  const visits: { ticketId: string; deviceId: string; receivedAt: string; firstCollectedAt: string | null; faultKey: string }[] = [];
  const ticket = db.prepare(`SELECT device_id, coalesce(json_extract(fault_codes_json, '$[0]'), '') FROM tickets WHERE id = ?`).raw();
  foldAll(db, (ticketId, f) => {
    checked++;
    const stored = read.get(ticketId) as unknown[] | undefined;
    const want = factValues(ticketId, f);
    if (!stored || stored.some((v, i) => v !== want[i])) add(ticketId);
    const t = ticket.get(ticketId) as [string | null, string] | undefined;
    if (f.receivedAt) visits.push({ ticketId, deviceId: t?.[0] ?? '', receivedAt: f.receivedAt, firstCollectedAt: f.firstCollectedAt, faultKey: t?.[1] ?? '' });
  });
  const total = (db.prepare(`SELECT count(*) AS n FROM report_facts`).get() as { n: number }).n;
  if (total !== checked) add(`count ${total} ≠ ${checked}`);
  // The return rule's gaps, worked out again in JavaScript from the tickets' devices and faults.
  const gaps = returnGaps(visits);
  const stored = db.prepare(`SELECT ticket_id, returned_after_ms, return_after_ms FROM report_facts`).raw();
  for (const [id, a, b] of stored.iterate() as IterableIterator<[string, number | null, number | null]>) {
    const g = gaps.get(id);
    if (!g || g.returnedAfterMs !== a || g.returnAfterMs !== b) add(id);
  }
  // The dimensions, the credited technician and the latest quote's kind.
  const dims = db
    .prepare(
      `SELECT f.ticket_id FROM report_facts f LEFT JOIN tickets t ON t.id = f.ticket_id LEFT JOIN devices d ON d.id = t.device_id
       WHERE f.tech_id IS NOT coalesce(f.credit_user_id, t.technician_id, '') OR f.technician_id IS NOT t.technician_id OR f.device_id IS NOT t.device_id
         OR f.category IS NOT coalesce(d.category, '') OR f.brand IS NOT coalesce(d.brand, '') OR f.service_type IS NOT t.service_type
         OR f.promised_date IS NOT t.promised_date OR f.fault_key IS NOT coalesce(json_extract(t.fault_codes_json, '$[0]'), '')
         OR f.warranty_claimed IS NOT t.warranty_claimed OR f.quote_mix IS NOT ${quoteMixSql('f.ticket_id')}
       LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
  for (const id of dims) add(id);
  return { checked, mismatches };
}

/** The column of a breakdown dimension (technician: the credited one). */
const DIM_COLUMN: Record<Dimension, string> = { technician: 'tech_id', category: 'category', brand: 'brand', serviceType: 'service_type' };

/** A SQL condition for the filters on report_facts columns (technician: the credited one). */
export function factFilterSql(filters: ReportFilters, params: Record<string, unknown>, alias = ''): string {
  const w: string[] = [];
  if (filters.technicianId) {
    w.push(`${alias}tech_id = $tech`);
    params.tech = filters.technicianId;
  }
  if (filters.category) {
    w.push(`${alias}category = $cat`);
    params.cat = filters.category;
  }
  if (filters.brand) {
    w.push(`${alias}brand = $brand COLLATE NOCASE`);
    params.brand = filters.brand;
  }
  if (filters.serviceType) {
    w.push(`${alias}service_type = $svc`);
    params.svc = filters.serviceType;
  }
  return w.length ? w.join(' AND ') : '1';
}

/**
 * "First ready after the promised day ended" (compute.ts promiseBreach) as SQL on report_facts
 * `f`, with what it needs in `params`. The day ends at the shop's local midnight; in a zone whose
 * midnight is the same UTC time of the day before for every promised day that can matter to a
 * range (China: 16:00Z), the end is the promised date and that time, compared as text; otherwise
 * each day's end is looked up from a table of them (`promiseEnds` CTE).
 */
export function promiseBreachSql(w: ReportWindow, from: string, to: string, params: Record<string, unknown>, alias = 'f.'): { expr: string; cte: string | null; join: string } {
  // Only days whose end falls in the range can go either way: earlier ones are all broken by a
  // ticket ready in the range, later ones none.
  const lo = addDaysToDate(from, -1);
  const ends: Record<string, string> = {};
  let suffix: string | null = null;
  let uniform = true;
  for (let d = lo; d <= to; d = addDaysToDate(d, 1)) {
    const end = w.promiseEnds(d);
    ends[d] = end;
    if (suffix === null) suffix = end.slice(10);
    if (end.slice(0, 10) !== d || end.slice(10) !== suffix) uniform = false;
  }
  if (uniform && suffix) {
    params.promiseSuffix = suffix;
    return { expr: `(${alias}first_ready_at >= ${alias}promised_date || $promiseSuffix)`, cte: null, join: '' };
  }
  params.promiseLo = lo;
  params.promiseHi = to;
  params.promiseEnds = JSON.stringify(ends);
  return {
    expr: `(CASE WHEN ${alias}promised_date < $promiseLo THEN 1 WHEN ${alias}promised_date > $promiseHi THEN 0 ELSE ${alias}first_ready_at >= pe.ends END)`,
    cte: `promise_ends(day, ends) AS MATERIALIZED (SELECT key, value FROM json_each($promiseEnds))`,
    join: `LEFT JOIN promise_ends pe ON pe.day = ${alias}promised_date`,
  };
}

/** Every credited technician value in the projection ('' = none), read from the index a seek at a time. */
function techValues(sqlite: Database.Database): string[] {
  const first = sqlite.prepare(`SELECT min(tech_id) FROM report_facts`).pluck();
  const next = sqlite.prepare(`SELECT tech_id FROM report_facts INDEXED BY report_facts_cohort_received WHERE tech_id > ? ORDER BY tech_id LIMIT 1`).pluck();
  const out: string[] = [];
  let v = first.get() as string | null;
  while (v !== null && v !== undefined && out.length < 10_000) {
    out.push(v);
    v = next.get(v) as string | null;
  }
  return out;
}

const json = (s: string | null): number[] => (s ? (JSON.parse(s) as number[]) : []);
const seconds = (ms: number[]): number[] => {
  for (let i = 0; i < ms.length; i++) ms[i] = ms[i]! / 1000;
  return ms;
};

export interface ShopAggregates {
  aggregates: ReportAggregates;
  /** The latest quote's kind, tickets first ready in the range. */
  quotes: { warranty: number; paid: number; mixed: number; noQuote: number };
}

/**
 * The report's ticket figures for [w.startIso, w.endIso), in SQL: one pass per cohort over its
 * covering index, grouped by credited technician (index order) and, for a breakdown by
 * category / brand / service type, by that column too. Counts and sums come back per group;
 * the durations come back as JSON lists for the percentiles (selection in JavaScript is cheaper
 * than SQLite's sort per percentile, and gives the same values as compute.ts).
 */
export function aggregateReport(sqlite: Database.Database, w: ReportWindow, from: string, to: string, filters: ReportFilters, groupBy: Dimension | null): ShopAggregates {
  const a = emptyAggregates();
  const p: Record<string, unknown> = { s: w.startIso, e: w.endIso, window: w.ftfDays * 86_400_000 };
  const fw = factFilterSql(filters, p);
  const techs = filters.technicianId ? [filters.technicianId] : techValues(sqlite);
  p.techs = JSON.stringify(techs);
  // A breakdown by technician is the technician grouping itself; others add their column.
  const dim = groupBy && groupBy !== 'technician' ? DIM_COLUMN[groupBy] : null;
  const gSel = dim ? `${dim} AS g` : `'' AS g`;
  const gBy = dim ? `tech_id, ${dim}` : 'tech_id';
  const inTechs = `tech_id IN (SELECT value FROM json_each($techs))`;
  const techOnly = filters.technicianId ? `tech_id = $tech` : '1';

  const tally = (m: Map<string, Tally>, k: string) => {
    let t = m.get(k);
    if (!t) m.set(k, (t = newTally()));
    return t;
  };
  /** The tallies a row of (technician, breakdown key) counts into; both exist once seen. */
  const both = (k: string, g: string) => ({
    t: k ? tally(a.techs, k) : null,
    grp: groupBy ? tally(a.groups, groupBy === 'technician' ? k : g) : null,
  });

  // Received in the range.
  type R = { k: string; g: string; n: number; rep: number | null; wc: number | null };
  for (const r of sqlite
    .prepare(
      `SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(return_after_ms <= $window) AS rep, sum(warranty_claimed = 1) AS wc
       FROM report_facts INDEXED BY report_facts_cohort_received
       WHERE ${inTechs} AND received_at >= $s AND received_at < $e AND ${fw} GROUP BY ${gBy}`,
    )
    .all(p) as R[]) {
    a.volume.received += r.n;
    a.repeats += r.rep ?? 0;
    a.claimedWarranty += r.wc ?? 0;
    a.claimedPaid += r.n - (r.wc ?? 0);
    const { grp } = both(r.k, r.g);
    if (grp) grp.received += r.n;
  }

  // First ready in the range: completions, time to ready, breaches, the latest quote's kind.
  const quotes = { warranty: 0, paid: 0, mixed: 0, noQuote: 0 };
  const promise = promiseBreachSql(w, from, to, p, '');
  p.legalMs = w.legalLimitDays * 86_400_000;
  type FR = { k: string; g: string; n: number; legal: number | null; promise: number | null; ready: string; q0: number; q1: number; q2: number; q3: number };
  for (const r of sqlite
    .prepare(
      `${promise.cte ? `WITH ${promise.cte} ` : ''}
       SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(ready_ms > $legalMs) AS legal, sum(${promise.expr}) AS promise, json_group_array(ready_ms) AS ready,
         sum(quote_mix = 0) AS q0, sum(quote_mix = 1) AS q1, sum(quote_mix = 2) AS q2, sum(quote_mix = 3) AS q3
       FROM report_facts INDEXED BY report_facts_cohort_ready ${promise.join}
       WHERE ${inTechs} AND first_ready_at >= $s AND first_ready_at < $e AND ${fw} GROUP BY ${gBy}`,
    )
    .all(p) as FR[]) {
    a.volume.completed += r.n;
    a.firstReady += r.n;
    a.legal += r.legal ?? 0;
    a.promise += r.promise ?? 0;
    a.toReady.push(seconds(json(r.ready)));
    quotes.noQuote += r.q0;
    quotes.warranty += r.q1;
    quotes.paid += r.q2;
    quotes.mixed += r.q3;
    const { t, grp } = both(r.k, r.g);
    if (t) t.completed += r.n;
    if (grp) grp.completed += r.n;
  }

  // First collected in the range: collections, turnaround, stages, first-time fix.
  p.openFrom = new Date(Date.parse(w.nowIso) - w.ftfDays * 86_400_000).toISOString();
  type FC = { k: string; g: string; n: number; ok: number | null; open: number | null; e2e: string } & Record<`s${number}`, string>;
  for (const r of sqlite
    .prepare(
      `SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(reopens = 0 AND NOT coalesce(returned_after_ms <= $window, 0)) AS ok,
         sum(first_collected_at > $openFrom) AS open, json_group_array(e2e_ms) AS e2e,
         ${STAGES.map((s, i) => `json_group_array(s_${s}) FILTER (WHERE s_${s} > 0) AS s${i}`).join(', ')}
       FROM report_facts INDEXED BY report_facts_cohort_collected
       WHERE ${inTechs} AND first_collected_at >= $s AND first_collected_at < $e AND ${fw} GROUP BY ${gBy}`,
    )
    .all(p) as FC[]) {
    a.volume.collected += r.n;
    a.ftfN += r.n;
    a.ftfOk += r.ok ?? 0;
    a.windowOpen += r.open ?? 0;
    const e2e = seconds(json(r.e2e));
    a.e2e.push(e2e);
    const stages = STAGES.map((s, i) => [s, json(r[`s${i}`] ?? null)] as [Stage, number[]]);
    for (const [s, list] of stages) a.stages[s].push(list);
    const { t, grp } = both(r.k, r.g);
    if (t) {
      t.collected += r.n;
      t.ftfN += r.n;
      t.ftfOk += r.ok ?? 0;
      t.repair.push(stages[STAGES.indexOf('repairing')]![1]);
    }
    if (grp) {
      grp.collected += r.n;
      grp.ftfN += r.n;
      grp.ftfOk += r.ok ?? 0;
      grp.e2e.push(e2e);
    }
  }

  // The few the first-time ranges miss: ready or collected again in the range after a first time
  // outside it; cancelled and reopened in the range (they count, and their keys show, zeros or not).
  const small = (index: string, cond: string) =>
    sqlite
      .prepare(`SELECT tech_id AS k, ${gSel}, count(*) AS n FROM report_facts INDEXED BY ${index} WHERE ${cond} AND ${techOnly} AND ${fw} GROUP BY ${gBy}`)
      .all(p) as { k: string; g: string; n: number }[];
  for (const r of small('report_facts_ready_again', `last_ready_at <> first_ready_at AND last_ready_at >= $s AND last_ready_at < $e AND NOT (first_ready_at >= $s AND first_ready_at < $e)`)) {
    a.volume.completed += r.n;
    const { t, grp } = both(r.k, r.g);
    if (t) t.completed += r.n;
    if (grp) grp.completed += r.n;
  }
  for (const r of small(
    'report_facts_collected_again',
    `last_collected_at <> first_collected_at AND last_collected_at >= $s AND last_collected_at < $e AND NOT (first_collected_at >= $s AND first_collected_at < $e)`,
  )) {
    a.volume.collected += r.n;
    const { t, grp } = both(r.k, r.g);
    if (t) t.collected += r.n;
    if (grp) grp.collected += r.n;
  }
  for (const r of small('report_facts_cancelled', `cancelled_at >= $s AND cancelled_at < $e`)) {
    a.volume.cancelled += r.n;
    both(r.k, r.g);
  }
  for (const r of small('report_facts_reopened', `last_reopened_at >= $s AND last_reopened_at < $e`)) {
    a.volume.reopened += r.n;
    both(r.k, r.g);
  }
  return { aggregates: a, quotes };
}

/** The SQL condition on report_facts `f` of a drill-down figure. */
function drillSql(figure: DrillFigure, p: Record<string, unknown>, w: ReportWindow, from: string, to: string): { cond: string; cte: string | null; join: string } {
  const inR = (c: string) => `(f.${c} >= $s AND f.${c} < $e)`;
  switch (figure) {
    case 'received':
      return { cond: inR('received_at'), cte: null, join: '' };
    case 'completed':
      return { cond: `(${inR('first_ready_at')} OR ${inR('last_ready_at')})`, cte: null, join: '' };
    case 'collected':
      return { cond: `(${inR('first_collected_at')} OR ${inR('last_collected_at')})`, cte: null, join: '' };
    case 'cancelled':
      return { cond: inR('cancelled_at'), cte: null, join: '' };
    case 'reopened':
      return { cond: inR('last_reopened_at'), cte: null, join: '' };
    case 'ftfFailed':
      return { cond: `${inR('first_collected_at')} AND (f.reopens > 0 OR f.returned_after_ms <= $window)`, cte: null, join: '' };
    case 'repeat':
      return { cond: `${inR('received_at')} AND f.return_after_ms <= $window`, cte: null, join: '' };
    case 'legalBreach':
      p.legalMs = w.legalLimitDays * 86_400_000;
      return { cond: `${inR('first_ready_at')} AND f.ready_ms > $legalMs`, cte: null, join: '' };
    case 'promiseBreach': {
      const pr = promiseBreachSql(w, from, to, p);
      return { cond: `${inR('first_ready_at')} AND ${pr.expr}`, cte: pr.cte, join: pr.join };
    }
    case 'claimedWarranty':
      return { cond: `${inR('received_at')} AND f.warranty_claimed = 1`, cte: null, join: '' };
    case 'claimedPaid':
      return { cond: `${inR('received_at')} AND f.warranty_claimed <> 1`, cte: null, join: '' };
  }
}

export interface DrillFact {
  ticketId: string;
  receivedAt: string;
  firstReadyAt: string | null;
  firstCollectedAt: string | null;
  techId: string | null;
}

/** The tickets behind a figure (one row of a breakdown), newest first: the total and one page. */
export function drillFacts(
  sqlite: Database.Database,
  w: ReportWindow,
  input: { from: string; to: string; filters: ReportFilters; figure: DrillFigure; groupBy?: Dimension | undefined; groupKey?: string | undefined; offset: number; limit: number },
): { total: number; rows: DrillFact[] } {
  const p: Record<string, unknown> = { s: w.startIso, e: w.endIso, window: w.ftfDays * 86_400_000 };
  const fw = factFilterSql(input.filters, p, 'f.');
  const d = drillSql(input.figure, p, w, input.from, input.to);
  let cond = `${d.cond} AND ${fw}`;
  if (input.groupBy && input.groupKey !== undefined) {
    cond += ` AND f.${DIM_COLUMN[input.groupBy]} = $groupKey`;
    p.groupKey = input.groupKey;
  }
  const from = `${d.cte ? `WITH ${d.cte} ` : ''}SELECT %s FROM report_facts f ${d.join} WHERE ${cond}`;
  const total = sqlite.prepare(from.replace('%s', 'count(*)')).pluck().get(p) as number;
  p.limit = input.limit;
  p.offset = input.offset;
  const rows = sqlite
    .prepare(`${from.replace('%s', `f.ticket_id, f.received_at, f.first_ready_at, f.first_collected_at, f.tech_id`)} ORDER BY f.received_at DESC, f.n DESC LIMIT $limit OFFSET $offset`)
    .raw()
    .all(p) as [string, string, string | null, string | null, string][];
  return { total, rows: rows.map(([ticketId, receivedAt, firstReadyAt, firstCollectedAt, tech]) => ({ ticketId, receivedAt, firstReadyAt, firstCollectedAt, techId: tech || null })) };
}
