/**
 * Head office's reports: the same figures as a shop's, for every shop and all together, from
 * the rows the shops synced. Tickets, their events, devices, quotes, payments and follow-ups are
 * counted in the engine over the per-ticket projection (network-figures/: the shared arithmetic
 * folds the events into facts exactly as the shop's trigger does, once per shop's change); the
 * small side tables are read from their synced JSON (hq_rows). Broken down by the shop's dimensions or the network's (shop, region).
 */
import type { Kysely } from 'kysely';
import { t } from '../shared/i18n/translate';
import { hasKey, isLocale } from '../shared/i18n/translate';
import { escalationDue } from '../shared/reports/care';
import { assembleReport, groupKeyOf, promiseEndsIn, zonedDayStartIso, type ReportWindow, type SideFigures } from '../shared/reports/compute';
import { addDaysToDate, DIMENSIONS, qualitySettingsSchema, reportInputSchema, type Dimension, type ReportInput, type ReportResult } from '../shared/reports/schemas';
import type { Locale } from '../shared/i18n/types';
import { NETWORK_DIMENSIONS, type NetworkDimension } from '../shared/hq-console/figures';
import { localDate } from '../shared/time/local-date';
import type { HqDB } from './db';
import { HqError } from './errors';
import type { HqService } from './service';
import type { ShopSummary } from './shops';
import type { HqFact } from './network-figures/project';
import { passingTickets } from './network-figures/load';
import { shopSide, sumSide, type Row } from './network-figures/side-figures';
import { noSatisfaction, openNow, satisfaction, takings } from './network-figures/side-sql';
import { emptySpreadAggregates, matchingBrands, ticketFigures, type BreakdownKey, type FactScope } from './network-figures/ticket-sql';
import { refreshFacts } from './network-figures/store';

/** The side tables a report reads as synced JSON; tickets, their events, devices, quotes, payments and follow-ups come from the projection. */
const TABLES = ['users', 'complaints', 'stock_movements', 'time_logs', 'loans', 'warranty_claims'] as const;
/** The shop schema that brought payments and claims (migration 8, collection). */
const COLLECTION_SCHEMA = 8;
const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

/** Every live row of the report tables for some shops, grouped by shop and table. */
async function loadRows(db: Kysely<HqDB>, shopIds: string[], tables: readonly string[] = TABLES): Promise<Map<string, Map<string, Row[]>>> {
  const out = new Map<string, Map<string, Row[]>>();
  if (shopIds.length === 0) return out;
  const rows = await db
    .selectFrom('hq_rows')
    .select(['shop_id', 'table_name', 'data'])
    .where('deleted', '=', 0)
    .where('table_name', 'in', [...tables])
    .where('shop_id', 'in', shopIds)
    .execute();
  for (const r of rows) {
    let shop = out.get(r.shop_id);
    if (!shop) out.set(r.shop_id, (shop = new Map()));
    let list = shop.get(r.table_name);
    if (!list) shop.set(r.table_name, (list = []));
    list.push(JSON.parse(r.data!) as Row);
  }
  return out;
}

export interface HqReportQuery {
  from?: string;
  to?: string;
  shop?: string;
  technicianId?: string;
  category?: string;
  brand?: string;
  serviceType?: string;
  groupBy?: string;
  timeZone?: string;
  locale?: string;
}

const isShopDimension = (d: string): d is Dimension => (DIMENSIONS as readonly string[]).includes(d);

/** The report's query at head office, parsed: the shop's input, the network's breakdown, the window. */
export interface NetworkQuery {
  input: ReportInput;
  groupBy: NetworkDimension | null;
  shops: ShopSummary[];
  w: ReportWindow;
  tz: string;
  today: string;
  locale: Locale;
}

const badInput = (locale: Locale, fields: { path: string; message: string }[]) => new HqError('MALFORMED', 400, t(locale, 'errors.VALIDATION'), { fields });

/** Bad input → 400 with translated field errors (the same a shop gives). */
export async function networkQuery(service: HqService, q: HqReportQuery, now: Date): Promise<NetworkQuery> {
  const locale = isLocale(q.locale) ? q.locale : 'zh-CN';
  const groupBy = q.groupBy ? ((NETWORK_DIMENSIONS as readonly string[]).includes(q.groupBy) ? (q.groupBy as NetworkDimension) : null) : null;
  if (q.groupBy && !groupBy) throw badInput(locale, [{ path: 'groupBy', message: t(locale, 'reports.error.unknownValue', { value: q.groupBy }) }]);
  const parsed = reportInputSchema.safeParse({
    from: q.from,
    to: q.to,
    filters: Object.fromEntries(Object.entries({ shop: q.shop, technicianId: q.technicianId, category: q.category, brand: q.brand, serviceType: q.serviceType }).filter(([, v]) => v)),
    ...(groupBy && isShopDimension(groupBy) ? { groupBy } : {}),
  });
  if (!parsed.success) {
    // The same field errors a shop gives: catalog keys as messages, translated here.
    throw badInput(
      locale,
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(input)',
        message: t(locale, typeof i.message === 'string' && hasKey(i.message) ? i.message : i.code === 'invalid_type' ? 'validation.required' : 'validation.custom'),
      })),
    );
  }
  const input = parsed.data;
  const shops = (await service.listShops()).filter((x) => !input.filters.shop || x.id === input.filters.shop || x.code === input.filters.shop);
  if (input.filters.shop && shops.length === 0) throw badInput(locale, [{ path: 'filters.shop', message: t(locale, 'reports.error.unknownValue', { value: input.filters.shop }) }]);
  const tz = q.timeZone ?? 'Asia/Shanghai';
  const quality = qualitySettingsSchema.parse({});
  const w: ReportWindow = {
    startIso: zonedDayStartIso(input.from, tz),
    endIso: zonedDayStartIso(addDaysToDate(input.to, 1), tz),
    nowIso: now.toISOString(),
    ftfDays: quality.ftfDays,
    legalLimitDays: quality.legalLimitDays,
    promiseEnds: promiseEndsIn(tz, addDaysToDate),
  };
  return { input, groupBy, shops, w, tz, today: localDate(now, tz), locale };
}

/** The key of a fact in a network breakdown. */
export function networkKeyOf(groupBy: NetworkDimension, regions: Map<string, string>, codes: Map<string, string>): (f: HqFact) => string {
  if (groupBy === 'shop') return (f) => codes.get(f.shopId) ?? f.shopId;
  if (groupBy === 'region') return (f) => regions.get(f.shopId) ?? '';
  return (f) => groupKeyOf(f, groupBy);
}

/** The breakdown's key in SQL: the shop's code or region (hq_shops, as listShops reads them), else the facts' own column. */
function breakdownKey(groupBy: NetworkDimension | null): BreakdownKey | null {
  if (!groupBy) return null;
  if (groupBy === 'shop') return { sql: 's.code', shops: true };
  if (groupBy === 'region') return { sql: "coalesce(s.region, '')", shops: true };
  return { sql: { technician: "coalesce(f.tech_id, '')", category: 'f.category', brand: 'f.brand', serviceType: 'f.service_type' }[groupBy] };
}

/**
 * GET /admin/v1/reports and the console's figures: per shop and in total, from the projection
 * (network-figures/): the counts and percentiles in the engine (ticket-sql.ts, side-sql.ts), the
 * small side tables from their synced JSON; the network's percentiles over all its tickets.
 */
export async function hqReports(service: HqService, q: HqReportQuery, now: Date) {
  const { input, groupBy, shops, w, tz, today } = await networkQuery(service, q, now);
  const store = service.store;
  const ids = shops.map((x) => x.id);
  const present = await refreshFacts(store, w.ftfDays, w.nowIso, ids);
  const scope: FactScope = { shopIds: ids, filters: input.filters, brands: await matchingBrands(store, ids, input.filters.brand) };
  const [tickets, money, calls, open, passing, rows] = await Promise.all([
    ticketFigures(store, w, tz, scope, breakdownKey(groupBy)),
    takings(store, w, scope),
    satisfaction(store, input.from, input.to, today, scope),
    w.endIso > w.nowIso ? openNow(store, w, today, scope) : Promise.resolve(new Map<string, { legal: number; promise: number }>()),
    passingTickets(store, scope),
    loadRows(service.store.db, ids),
  ]);
  const names = new Map<string, string>();
  const sides: SideFigures[] = [];
  const perShop: { shopId: string; code: string; name: string; region: string | null; report: ReportResult }[] = [];
  const shopGroup = groupBy && isShopDimension(groupBy) ? groupBy : null;
  const meta = (filters: typeof input.filters) => ({ from: input.from, to: input.to, timeZone: tz, generatedAt: now.toISOString(), filters, groupBy: shopGroup, userNames: names });
  for (const shop of shops) for (const u of rows.get(shop.id)?.get('users') ?? []) names.set(s(u.id)!, s(u.display_name) ?? '');
  for (const shop of shops) {
    const has = present.get(shop.id) ?? new Set<string>();
    const collection = has.has('payments') || (shop.schemaVersion ?? 0) >= COLLECTION_SCHEMA;
    const t = tickets.shops.get(shop.id) ?? { a: emptySpreadAggregates(), quotes: { warranty: 0, paid: 0, mixed: 0, noQuote: 0 } };
    const side = shopSide(
      {
        tables: rows.get(shop.id) ?? new Map<string, Row[]>(),
        passing: passing?.get(shop.id) ?? (passing ? new Set() : null),
        present: has,
        quotes: t.quotes,
        takings: collection ? { byTender: money.byTender.get(shop.id) ?? [], byCategory: money.byCategory.get(shop.id) ?? [] } : null,
        satisfaction: calls.get(shop.id) ?? noSatisfaction(),
        open: open.get(shop.id) ?? { legal: 0, promise: 0 },
      },
      w,
      collection,
    );
    sides.push(side);
    perShop.push({ shopId: shop.id, code: shop.code, name: shop.name, region: shop.region, report: assembleReport(t.a, w, meta({ ...input.filters, shop: shop.code }), side) });
  }
  const total = sides.length ? assembleReport(tickets.network, w, meta(input.filters), sumSide(sides)) : null;
  if (total && groupBy === 'shop') for (const g of total.groups) g.label = shops.find((x) => x.code === g.key)?.name ?? g.key;
  return { generatedAt: now.toISOString(), groupBy, shops: perShop, total };
}

/** GET /admin/v1/complaints: complaints escalated to head office (or all open), every shop. */
export async function hqComplaints(service: HqService, view: string, now: Date) {
  const shops = await service.listShops();
  const rows = await loadRows(service.store.db, shops.map((x) => x.id), ['complaints']);
  const out: Row[] = [];
  for (const shop of shops) {
    for (const c of rows.get(shop.id)?.get('complaints') ?? []) {
      const open = c.status === 'open' || c.status === 'responded';
      if (view === 'escalated' && c.escalation !== 'head_office') continue;
      if (view === 'open' && !open) continue;
      const overdue =
        open &&
        escalationDue(
          { status: s(c.status)!, respondBy: s(c.respond_by)!, resolveBy: s(c.resolve_by)!, respondedAt: s(c.responded_at), resolvedAt: s(c.resolved_at), escalation: 'none', escalatedAt: null },
          now.toISOString(),
          0,
        ) !== null;
      out.push({ shopId: shop.id, shopCode: shop.code, shopName: shop.name, ...c, overdue });
    }
  }
  out.sort((a, b) => (s(a.opened_at)! < s(b.opened_at)! ? 1 : -1));
  return { complaints: out };
}
