/** Reading the projection back: the facts that touch a window, the open tickets, the payments, the tickets a filter keeps. */
import type { HqDatabase } from '../db';
import type { ReportWindow } from '../../shared/reports/compute';
import type { ReportFilters } from '../../shared/reports/schemas';
import { factOfPacked, packedFacts, type HqFact } from './project';
import { marks, tuples } from './store';

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

export interface PaymentRow {
  shopId: string;
  ticketId: string;
  at: string;
  tender: string;
  amountFen: number;
}

export async function loadPayments(store: HqDatabase, w: Pick<ReportWindow, 'startIso' | 'endIso'>, shopIds: string[]): Promise<PaymentRow[]> {
  const rows = await tuples(store, `SELECT shop_id, ticket_id, at, tender, amount_fen FROM hq_report_payments WHERE at >= ? AND at < ? AND ${inShops(shopIds)}`, [w.startIso, w.endIso, ...shopIds]);
  return rows.map((r) => ({ shopId: r[0] as string, ticketId: r[1] as string, at: r[2] as string, tender: r[3] as string, amountFen: Number(r[4]) }));
}

/** Per shop, the tickets that pass the ticket filters (null without any: every ticket passes). */
export async function passingTickets(store: HqDatabase, shopIds: string[], f: ReportFilters): Promise<Map<string, Set<string>> | null> {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (f.technicianId) cond.push('tech_id = ?'), params.push(f.technicianId);
  if (f.category) cond.push('category = ?'), params.push(f.category);
  if (f.brand) cond.push('lower(brand) = ?'), params.push(f.brand.toLowerCase());
  if (f.serviceType) cond.push('service_type = ?'), params.push(f.serviceType);
  if (cond.length === 0) return null;
  const rows = await tuples(store, `SELECT shop_id, ticket_id FROM hq_report_facts WHERE ${cond.join(' AND ')} AND ${inShops(shopIds)}`, [...params, ...shopIds]);
  const out = new Map<string, Set<string>>();
  for (const [shop, id] of rows as [string, string][]) {
    let set = out.get(shop);
    if (!set) out.set(shop, (set = new Set()));
    set.add(id);
  }
  return out;
}
