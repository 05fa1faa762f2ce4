/** Reading the projection back: the facts that touch a window, the open tickets (the dashboard, the drill-down), the tickets a filter keeps. */
import type { HqDatabase } from '../db';
import type { ReportWindow } from '../../shared/reports/compute';
import { factOfPacked, packedFacts, type HqFact } from './project';
import { marks, tuples } from './store';
import { filterSql, Sql, type FactScope } from './ticket-sql';

const inShops = (ids: string[]) => (ids.length ? `shop_id IN (${marks(ids.length)})` : '1 = 0');

/** Every ticket received before the window ends and touched after it starts (nothing else can count in it). */
export async function loadFacts(store: HqDatabase, w: Pick<ReportWindow, 'startIso' | 'endIso'>, shopIds: string[]): Promise<HqFact[]> {
  const rows = await tuples(store, `SELECT ${packedFacts(store.dialect)} FROM hq_report_facts WHERE last_touch_at >= ? AND received_at < ? AND ${inShops(shopIds)}`, [w.startIso, w.endIso, ...shopIds]);
  return rows.map((r) => factOfPacked(r[0] as string));
}

/** The tickets open now (the partial index of migration 014). */
export async function loadOpenFacts(store: HqDatabase, shopIds: string[]): Promise<HqFact[]> {
  const rows = await tuples(store, `SELECT ${packedFacts(store.dialect)} FROM hq_report_facts WHERE status NOT IN ('collected', 'cancelled') AND ${inShops(shopIds)}`, shopIds);
  return rows.map((r) => factOfPacked(r[0] as string));
}

/** Per shop, the tickets that pass the ticket filters (null without any: every ticket passes), for the side tables read as JSON. */
export async function passingTickets(store: HqDatabase, scope: FactScope): Promise<Map<string, Set<string>> | null> {
  const f = scope.filters;
  if (!f.technicianId && !f.category && !scope.brands && !f.serviceType) return null;
  const q = new Sql();
  const rows = await tuples(store, `SELECT f.shop_id, f.ticket_id FROM hq_report_facts f WHERE ${filterSql(q, scope)}`, q.params);
  const out = new Map<string, Set<string>>();
  for (const [shop, id] of rows as [string, string][]) {
    let set = out.get(shop);
    if (!set) out.set(shop, (set = new Set()));
    set.add(id);
  }
  return out;
}
