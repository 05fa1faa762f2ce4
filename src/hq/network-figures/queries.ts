/**
 * The network's dashboard and drill-down over the projection (I/O around the pure rules):
 * both bring the projection up to date first, as the report does.
 */
import { drillMatches, passesFilters, zonedDayStartIso } from '../../shared/reports/compute';
import { addDaysToDate } from '../../shared/reports/schemas';
import { localDate } from '../../shared/time/local-date';
import type { NetworkDashboard, NetworkDrill, NetworkDrillInput } from '../../shared/hq-console/figures';
import type { HqService } from '../service';
import { networkKeyOf, networkQuery } from '../reports';
import { dashboardFigures, type DashboardWindows } from './dashboard';
import { loadFacts, loadOpenFacts } from './load';
import { factOfPacked, packedFacts, type HqFact } from './project';
import { marks, refreshFacts, tuples } from './store';

const TZ = 'Asia/Shanghai';

export async function networkDashboard(service: HqService, shop: string | undefined, now: Date): Promise<NetworkDashboard> {
  const shops = (await service.listShops()).filter((x) => !shop || x.id === shop || x.code === shop);
  const ids = shops.map((x) => x.id);
  const today = localDate(now, TZ);
  const dates = Array.from({ length: 7 }, (_, i) => addDaysToDate(today, i - 6));
  const d: DashboardWindows = { days: dates.map((date) => ({ date, startIso: zonedDayStartIso(date, TZ), endIso: zonedDayStartIso(addDaysToDate(date, 1), TZ) })), nowIso: now.toISOString(), today };
  await refreshFacts(service.store, 90, now.toISOString(), ids);
  const [week, open] = await Promise.all([loadFacts(service.store, { startIso: d.days[0]!.startIso, endIso: d.days[6]!.endIso }, ids), loadOpenFacts(service.store, ids)]);
  const of = (list: HqFact[], id: string) => list.filter((f) => f.shopId === id);
  return {
    today,
    weekFrom: dates[0]!,
    generatedAt: now.toISOString(),
    shops: shops.map((x) => ({ shopId: x.id, code: x.code, name: x.name, region: x.region, lastSyncAt: x.lastPushAt, figures: dashboardFigures(of(week, x.id), of(open, x.id), d) })),
    total: dashboardFigures(week, open, d),
  };
}


/** The tickets behind a figure of the network report (one row of a breakdown), newest first. */
export async function networkDrill(service: HqService, input: NetworkDrillInput, now: Date, max?: number): Promise<NetworkDrill> {
  const q = await networkQuery(service, { from: input.from, to: input.to, ...input.filters, groupBy: input.groupBy }, now);
  const ids = q.shops.map((x) => x.id);
  await refreshFacts(service.store, q.w.ftfDays, q.w.nowIso, ids);
  const rows = await tuples(service.store, `SELECT ${packedFacts(service.store.dialect)}, number, model, quoted_fen, paid_fen, customer_masked FROM hq_report_facts WHERE last_touch_at >= ? AND received_at < ? AND ${ids.length ? `shop_id IN (${marks(ids.length)})` : '1 = 0'}`, [q.w.startIso, q.w.endIso, ...ids]);
  const regions = new Map(q.shops.map((x) => [x.id, x.region ?? '']));
  const codes = new Map(q.shops.map((x) => [x.id, x.code]));
  const keyOf = q.groupBy && input.groupKey !== undefined ? networkKeyOf(q.groupBy, regions, codes) : null;
  const n = 1;
  const picked: { f: HqFact; r: unknown[] }[] = [];
  for (const r of rows) {
    const f = factOfPacked(r[0] as string);
    if (!passesFilters(f, q.input.filters) || !drillMatches(input.figure, f, q.w)) continue;
    if (keyOf && keyOf(f) !== input.groupKey) continue;
    picked.push({ f, r });
  }
  picked.sort((a, b) => (a.f.receivedAt < b.f.receivedAt ? 1 : a.f.receivedAt > b.f.receivedAt ? -1 : a.f.ticketId < b.f.ticketId ? 1 : -1));
  const page = picked.slice(input.offset, input.offset + (max ?? input.limit));
  const users = new Map<string, string>();
  const techIds = [...new Set(page.map((p) => p.f.techId).filter((x): x is string => !!x))];
  if (techIds.length) {
    const u = await service.db.selectFrom('hq_rows').select(['row_id', 'data']).where('table_name', '=', 'users').where('shop_id', 'in', ids).where('row_id', 'in', techIds).execute();
    for (const x of u) users.set(x.row_id, String((JSON.parse(x.data ?? '{}') as { display_name?: unknown }).display_name ?? ''));
  }
  const names = new Map(q.shops.map((x) => [x.id, x.name]));
  return {
    total: picked.length,
    rows: page.map(({ f, r }) => ({
      shopCode: codes.get(f.shopId) ?? '',
      shopName: names.get(f.shopId) ?? '',
      ticketId: f.ticketId,
      number: r[n] as string,
      status: f.status,
      receivedAt: f.receivedAt,
      firstReadyAt: f.firstReadyAt,
      firstCollectedAt: f.firstCollectedAt,
      category: f.category,
      brand: f.brand,
      model: r[n + 1] as string,
      technician: f.techId ? users.get(f.techId) || f.techId : null,
      customer: r[n + 4] as string,
      quotedFen: r[n + 2] === null ? null : Number(r[n + 2]),
      paidFen: Number(r[n + 3]),
    })),
  };
}
