/**
 * The report's figures beside the tickets, counted in the engine per shop: the takings by tender
 * and by category (the projected payments), the follow-up calls (the projected follow-ups) and
 * the tickets open now past the legal limit or their promised day. Each is shopSide's rule
 * (reports.ts) written in SQL; the filters keep a payment or a call when its ticket passes them.
 */
import type { HqDatabase } from '../db';
import type { ReportWindow } from '../../shared/reports/compute';
import type { ReportResult } from '../../shared/reports/schemas';
import { filterSql, Sql, type FactScope } from './ticket-sql';
import { tuples } from './store';

export interface AmountRow {
  key: string;
  count: number;
  amountFen: number;
}

const hasTicketFilter = (s: FactScope) => !!(s.filters.technicianId || s.filters.category || s.brands || s.filters.serviceType);
/** The row's ticket passes the filters (nothing to test without any). */
const passes = (q: Sql, scope: FactScope, alias: string) =>
  hasTicketFilter(scope) ? ` AND EXISTS (SELECT 1 FROM hq_report_facts f WHERE f.shop_id = ${alias}.shop_id AND f.ticket_id = ${alias}.ticket_id AND ${filterSql(q, scope)})` : '';
const inShops = (q: Sql, ids: string[], col: string) => (ids.length ? `${col} IN (${q.list(ids)})` : '1 = 0');

function byShop(rows: unknown[][]): Map<string, AmountRow[]> {
  const out = new Map<string, AmountRow[]>();
  for (const r of rows) {
    const shop = String(r[0]);
    let l = out.get(shop);
    if (!l) out.set(shop, (l = []));
    l.push({ key: String(r[1] ?? ''), count: Number(r[2]), amountFen: Number(r[3]) });
  }
  // The shop's order: the largest amount first (ties by key, so the order does not depend on the engine's).
  for (const l of out.values()) l.sort((a, b) => b.amountFen - a.amountFen || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}

/** Per shop, the payments in the range by tender and by the category of their ticket ('' when it does not touch the range). */
export async function takings(store: HqDatabase, w: ReportWindow, scope: FactScope): Promise<{ byTender: Map<string, AmountRow[]>; byCategory: Map<string, AmountRow[]> }> {
  const a = new Sql();
  const tender = `SELECT p.shop_id, p.tender, count(*), sum(p.amount_fen) FROM hq_report_payments p
    WHERE p.at >= ${a.p(w.startIso)} AND p.at < ${a.p(w.endIso)} AND ${inShops(a, scope.shopIds, 'p.shop_id')}${passes(a, scope, 'p')} GROUP BY p.shop_id, p.tender`;
  const b = new Sql();
  // The category of a ticket that touches the range and passes the filters (the shop's report reads it from those facts).
  const category = `SELECT p.shop_id, coalesce(c.category, ''), count(*), sum(p.amount_fen) FROM hq_report_payments p
    LEFT JOIN (SELECT f.shop_id, f.ticket_id, f.category FROM hq_report_facts f WHERE f.last_touch_at >= ${b.p(w.startIso)} AND f.received_at < ${b.p(w.endIso)} AND ${filterSql(b, scope)}) c
      ON c.shop_id = p.shop_id AND c.ticket_id = p.ticket_id
    WHERE p.at >= ${b.p(w.startIso)} AND p.at < ${b.p(w.endIso)} AND ${inShops(b, scope.shopIds, 'p.shop_id')}${passes(b, scope, 'p')} GROUP BY p.shop_id, coalesce(c.category, '')`;
  const [t, c] = await Promise.all([tuples(store, tender, a.params), tuples(store, category, b.params)]);
  return { byTender: byShop(t), byCategory: byShop(c) };
}

/** Per shop, the follow-up calls due in the range (from and to are calendar days) and those overdue today. */
export async function satisfaction(store: HqDatabase, from: string, to: string, today: string, scope: FactScope): Promise<Map<string, ReportResult['satisfaction']>> {
  const q = new Sql();
  // (a function: each use takes its own parameters, in text order)
  const due = () => `u.due_date >= ${q.p(from)} AND u.due_date <= ${q.p(to)}`;
  const c = (cond: string) => `sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const cols = [
    c(due()),
    c(`${due()} AND u.status = 'done'`),
    c(`${due()} AND u.reached = 1`),
    c(`${due()} AND u.score IS NOT NULL`),
    `sum(CASE WHEN ${due()} THEN u.score END)`,
    ...[1, 2, 3, 4, 5].map((k) => c(`${due()} AND u.score = ${k}`)),
    c(`${due()} AND u.problem_reported = 1`),
    c(`u.status = 'open' AND u.due_date < ${q.p(today)}`),
  ];
  const text = `SELECT u.shop_id, ${cols.join(', ')} FROM hq_report_follow_ups u WHERE ${inShops(q, scope.shopIds, 'u.shop_id')}${passes(q, scope, 'u')} GROUP BY u.shop_id`;
  const out = new Map<string, ReportResult['satisfaction']>();
  for (const r of await tuples(store, text, q.params)) {
    const n = (i: number) => Number(r[i] ?? 0);
    const scored = n(4);
    out.set(String(r[0]), {
      due: n(1),
      done: n(2),
      reached: n(3),
      scored,
      averageScore: scored ? Math.round((n(5) / scored) * 100) / 100 : null,
      scores: [6, 7, 8, 9, 10].map(n),
      problems: n(11),
      overdueNow: n(12),
    });
  }
  return out;
}

export const noSatisfaction = (): ReportResult['satisfaction'] => ({ due: 0, done: 0, reached: 0, scored: 0, averageScore: null, scores: [0, 0, 0, 0, 0], problems: 0, overdueNow: 0 });

const WORKING = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'];

/** Per shop, the tickets open now (filters applied) past the legal limit without being ready, and past their promised day. */
export async function openNow(store: HqDatabase, w: ReportWindow, today: string, scope: FactScope): Promise<Map<string, { legal: number; promise: number }>> {
  const q = new Sql();
  const limitIso = new Date(Date.parse(w.nowIso) - w.legalLimitDays * 86_400_000).toISOString();
  const text = `SELECT f.shop_id,
      sum(CASE WHEN f.first_ready_at IS NULL AND f.cancelled_at IS NULL AND f.received_at < ${q.p(limitIso)} THEN 1 ELSE 0 END),
      sum(CASE WHEN f.status IN (${q.list(WORKING)}) AND f.promised_date < ${q.p(today)} THEN 1 ELSE 0 END)
    FROM hq_report_facts f WHERE f.status NOT IN ('collected', 'cancelled') AND ${filterSql(q, scope)} GROUP BY f.shop_id`;
  return new Map((await tuples(store, text, q.params)).map((r) => [String(r[0]), { legal: Number(r[1] ?? 0), promise: Number(r[2] ?? 0) }]));
}
