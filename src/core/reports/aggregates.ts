/** The report's ticket figures computed in SQL over report_facts' covering indexes. */
import type Database from 'better-sqlite3';
import { STAGES, type Stage } from '../../shared/reports/math';
import { emptyAggregates, newTally, type ReportAggregates, type ReportWindow, type Tally } from '../../shared/reports/compute';
import type { Dimension, ReportFilters } from '../../shared/reports/schemas';
import { DIM_COLUMN, factFilterSql, promiseBreachSql } from './fact-filters';
import { column, statement } from '../db/statements';

/** Every credited technician value in the projection ('' = none), read from the index a seek at a time. */
function techValues(sqlite: Database.Database): string[] {
  const first = column<string | null>(sqlite, `SELECT min(tech_id) FROM report_facts`);
  const next = column<string | null>(sqlite, `SELECT tech_id FROM report_facts INDEXED BY report_facts_cohort_received WHERE tech_id > ? ORDER BY tech_id LIMIT 1`);
  const out: string[] = [];
  let v = first.get() ?? null;
  while (v !== null && out.length < 10_000) {
    out.push(v);
    v = next.get(v) ?? null;
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
  for (const r of statement<R>(sqlite, `SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(return_after_ms <= $window) AS rep, sum(warranty_claimed = 1) AS wc
       FROM report_facts INDEXED BY report_facts_cohort_received
       WHERE ${inTechs} AND received_at >= $s AND received_at < $e AND ${fw} GROUP BY ${gBy}`).all(p)) {
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
  for (const r of statement<FR>(sqlite, `${promise.cte ? `WITH ${promise.cte} ` : ''}
       SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(ready_ms > $legalMs) AS legal, sum(${promise.expr}) AS promise, json_group_array(ready_ms) AS ready,
         sum(quote_mix = 0) AS q0, sum(quote_mix = 1) AS q1, sum(quote_mix = 2) AS q2, sum(quote_mix = 3) AS q3
       FROM report_facts INDEXED BY report_facts_cohort_ready ${promise.join}
       WHERE ${inTechs} AND first_ready_at >= $s AND first_ready_at < $e AND ${fw} GROUP BY ${gBy}`).all(p)) {
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
  for (const r of statement<FC>(sqlite, `SELECT tech_id AS k, ${gSel}, count(*) AS n, sum(reopens = 0 AND NOT coalesce(returned_after_ms <= $window, 0)) AS ok,
         sum(first_collected_at > $openFrom) AS open, json_group_array(e2e_ms) AS e2e,
         ${STAGES.map((s, i) => `json_group_array(s_${s}) FILTER (WHERE s_${s} > 0) AS s${i}`).join(', ')}
       FROM report_facts INDEXED BY report_facts_cohort_collected
       WHERE ${inTechs} AND first_collected_at >= $s AND first_collected_at < $e AND ${fw} GROUP BY ${gBy}`).all(p)) {
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
    statement<{ k: string; g: string; n: number }>(sqlite, `SELECT tech_id AS k, ${gSel}, count(*) AS n FROM report_facts INDEXED BY ${index} WHERE ${cond} AND ${techOnly} AND ${fw} GROUP BY ${gBy}`).all(p);
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
