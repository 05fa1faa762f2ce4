/**
 * Head office's reports: the same figures as a shop's, for every shop and all together, from
 * the rows the shops synced. Tickets, their events, devices, quotes and payments are read from
 * the per-ticket projection (network-figures/: the shared arithmetic folds the events into facts
 * exactly as the shop's trigger does, once per shop's change); the small side tables from their
 * synced JSON (hq_rows). Broken down by the shop's dimensions or the network's (shop, region).
 */
import type { Kysely } from 'kysely';
import { t } from '../shared/i18n/translate';
import { hasKey, isLocale } from '../shared/i18n/translate';
import { escalationDue } from '../shared/reports/care';
import {
  aggregateFacts,
  assembleReport,
  groupKeyOf,
  type ReportAggregates,
  passesFilters,
  promiseEndsIn,
  zonedDayStartIso,
  type FactRow,
  type ReportWindow,
  type SideFigures,
} from '../shared/reports/compute';
import { mergeAggregates } from '../shared/reports/merge';
import { addDaysToDate, DIMENSIONS, qualitySettingsSchema, reportInputSchema, type Dimension, type ReportInput, type ReportResult } from '../shared/reports/schemas';
import type { Locale } from '../shared/i18n/types';
import { NETWORK_DIMENSIONS, type NetworkDimension } from '../shared/hq-console/figures';
import { localDate } from '../shared/time/local-date';
import type { HqDB } from './db';
import { HqError } from './errors';
import type { HqService } from './service';
import type { ShopSummary } from './shops';
import type { HqFact } from './network-figures/project';
import { loadFacts, loadOpenFacts, loadPayments, passingTickets } from './network-figures/load';
import { refreshFacts } from './network-figures/store';

/** The side tables a report reads as synced JSON; tickets, their events, devices, quotes and payments come from the projection. */
const TABLES = ['users', 'follow_ups', 'complaints', 'stock_movements', 'time_logs', 'loans', 'warranty_claims'] as const;
type Row = Record<string, unknown>;
/** The shop schema that brought payments and claims (migration 8, collection). */
const COLLECTION_SCHEMA = 8;
const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

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

interface ShopInputs {
  /** The side tables' synced rows (JSON), and the projected payments in the range under 'payments'. */
  tables: Map<string, Row[]>;
  /** The tickets that touch the range, filters applied. */
  facts: HqFact[];
  /** The shop's open tickets now, filters applied (only when the range reaches today). */
  open: HqFact[];
  /** Whether a ticket passes the filters (null: no ticket filter, every ticket does). */
  passing: Set<string> | null;
  /** The synced tables the shop holds. */
  present: Set<string>;
}

function shopSide({ tables, facts, open, passing, present }: ShopInputs, w: ReportWindow, from: string, to: string, today: string, legalLimitDays: number, hasCollection: boolean): SideFigures {
  const get = (t: string) => tables.get(t) ?? [];
  const inR = (v: unknown) => typeof v === 'string' && v >= w.startIso && v < w.endIso;
  const mine = (ticketId: unknown) => !passing || passing.has(s(ticketId) ?? '');
  const moves = get('stock_movements').filter((m) => m.ticket_id && (m.kind === 'issue' || m.kind === 'return') && inR(m.at) && mine(m.ticket_id));
  const byPart = new Map<string, { count: number; qty: number; amountFen: number }>();
  for (const m of moves) {
    const k = s(m.part_id)!;
    const a = byPart.get(k) ?? { count: 0, qty: 0, amountFen: 0 };
    if (m.kind === 'issue') a.count++;
    a.qty -= n(m.qty);
    a.amountFen -= n(m.qty) * n(m.unit_cost);
    byPart.set(k, a);
  }
  const parts = {
    lines: [...byPart.values()].reduce((x, a) => x + a.count, 0),
    qty: [...byPart.values()].reduce((x, a) => x + a.qty, 0),
    costFen: [...byPart.values()].reduce((x, a) => x + a.amountFen, 0),
    // The catalog is head office's own: parts are named by id here.
    byCategory: [...byPart.entries()].map(([key, a]) => ({ key, ...a })),
  };
  let quotesMix: SideFigures['quotesMix'] = { available: false, reasonKey: 'reports.na.quotes' };
  if (present.has('quotes') || get('time_logs').length > 0) {
    const v = { warranty: 0, paid: 0, mixed: 0, noQuote: 0 };
    for (const f of facts) {
      if (!inR(f.firstReadyAt)) continue;
      if (f.quoteKind === null) v.noQuote++;
      else v[f.quoteKind]++;
    }
    quotesMix = { available: true, value: v };
  }
  const hoursByUser = new Map<string, number>();
  for (const l of get('time_logs')) {
    if (!l.ended_at || !inR(l.started_at) || !mine(l.ticket_id)) continue;
    hoursByUser.set(s(l.user_id)!, (hoursByUser.get(s(l.user_id)!) ?? 0) + n(l.minutes) / 60);
  }
  const loans = get('loans');
  const fus = get('follow_ups').filter((u) => mine(u.ticket_id));
  const due = fus.filter((u) => s(u.due_date)! >= from && s(u.due_date)! <= to);
  const scored = due.filter((u) => u.score !== null && u.score !== undefined);
  const complaints = get('complaints').filter((c) => !c.ticket_id || mine(c.ticket_id));
  const opened = complaints.filter((c) => inR(c.opened_at));
  const rate = (x: number, of: number) => (of > 0 ? Math.round((x / of) * 10000) / 10000 : null);
  const respondedOk = opened.filter((c) => c.responded_at && s(c.responded_at)! <= s(c.respond_by)!).length;
  const resolvedOk = opened.filter((c) => c.resolved_at && s(c.resolved_at)! <= s(c.resolve_by)!).length;
  const limitIso = new Date(Date.parse(w.nowIso) - legalLimitDays * 86_400_000).toISOString();
  const reachesNow = w.endIso > w.nowIso;
  return {
    quotesMix,
    ...moneyFigures(tables, facts, inR, hasCollection || present.has('payments'), passing),
    parts,
    hoursByUser: tables.has('time_logs') || quotesMix.available ? hoursByUser : null,
    loaners: { outNow: loans.filter((l) => l.status === 'out').length, lentInRange: loans.filter((l) => inR(l.out_at)).length, returnedInRange: loans.filter((l) => inR(l.returned_at)).length },
    satisfaction: {
      due: due.length,
      done: due.filter((u) => u.status === 'done').length,
      reached: due.filter((u) => n(u.reached) === 1).length,
      scored: scored.length,
      averageScore: scored.length ? Math.round((scored.reduce((a, u) => a + n(u.score), 0) / scored.length) * 100) / 100 : null,
      scores: [1, 2, 3, 4, 5].map((k) => scored.filter((u) => n(u.score) === k).length),
      problems: due.filter((u) => n(u.problem_reported) === 1).length,
      overdueNow: fus.filter((u) => u.status === 'open' && s(u.due_date)! < today).length,
    },
    complaints: {
      opened: opened.length,
      closed: complaints.filter((c) => inR(c.resolved_at)).length,
      respondedInTime: { count: respondedOk, of: opened.length, rate: rate(respondedOk, opened.length) },
      resolvedInTime: { count: resolvedOk, of: opened.length, rate: rate(resolvedOk, opened.length) },
      escalated: opened.filter((c) => c.escalation !== 'none').length,
      openNow: complaints.filter((c) => c.status === 'open' || c.status === 'responded').length,
    },
    openLegalNow: reachesNow ? open.filter((f) => !f.firstReadyAt && !f.cancelledAt && f.receivedAt < limitIso).length : 0,
    openPromiseNow: reachesNow ? open.filter((f) => ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'].includes(f.status) && f.promisedDate < today).length : 0,
  };
}

/** Revenue by tender and category, claims by status: from the synced payments and claims once shops send them. */
function moneyFigures(tables: Map<string, Row[]>, facts: FactRow[], inR: (v: unknown) => boolean, hasCollection: boolean, passing: Set<string> | null): Pick<SideFigures, 'revenueByTender' | 'revenueByCategory' | 'claims'> {
  const category = new Map(facts.map((f) => [f.ticketId, f.category]));
  const group = (rows: Row[], key: (r: Row) => string, amount: (r: Row) => number) => {
    const m = new Map<string, { key: string; count: number; amountFen: number }>();
    for (const r of rows) {
      const k = key(r);
      const a = m.get(k) ?? { key: k, count: 0, amountFen: 0 };
      a.count++;
      a.amountFen += amount(r);
      m.set(k, a);
    }
    return [...m.values()].sort((a, b) => b.amountFen - a.amountFen);
  };
  // A shop on schema 8 or later has the collection tables, even when none of their rows exist yet.
  const payments = tables.get('payments') ?? (hasCollection ? [] : undefined);
  const claims = tables.get('warranty_claims') ?? (hasCollection ? [] : undefined);
  const ok = (ticketId: unknown) => (passing ? passing.has(s(ticketId)!) : true);
  const paid = (payments ?? []).filter((p) => inR(p.at) && ok(p.ticket_id));
  return {
    revenueByTender: payments ? { available: true, value: group(paid, (p) => s(p.tender)!, (p) => n(p.amount_fen)) } : { available: false, reasonKey: 'reports.na.payments' },
    revenueByCategory: payments ? { available: true, value: group(paid, (p) => category.get(s(p.ticket_id)!) ?? '', (p) => n(p.amount_fen)) } : { available: false, reasonKey: 'reports.na.payments' },
    claims: claims
      ? { available: true, value: group(claims.filter((c) => inR(c.created_at) && ok(c.ticket_id)), (c) => s(c.status)!, (c) => n(c.claimed_fen)).sort((a, b) => a.key.localeCompare(b.key)) }
      : { available: false, reasonKey: 'reports.na.claims' },
  };
}

function sumSide(list: SideFigures[]): SideFigures {
  const first = list[0]!;
  const add = (f: (x: SideFigures) => number) => list.reduce((a, x) => a + f(x), 0);
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
  const scores = [0, 1, 2, 3, 4].map((i) => add((x) => x.satisfaction.scores[i]!));
  const scored = add((x) => x.satisfaction.scored);
  const hours = new Map<string, number>();
  for (const x of list) for (const [k, v] of x.hoursByUser ?? []) hours.set(k, (hours.get(k) ?? 0) + v);
  const opened = add((x) => x.complaints.opened);
  const rok = add((x) => x.complaints.respondedInTime.count);
  const sok = add((x) => x.complaints.resolvedInTime.count);
  const qm = list.every((x) => x.quotesMix.available)
    ? { available: true as const, value: (['warranty', 'paid', 'mixed', 'noQuote'] as const).reduce((o, k) => ({ ...o, [k]: add((x) => (x.quotesMix.available ? x.quotesMix.value[k] : 0)) }), { warranty: 0, paid: 0, mixed: 0, noQuote: 0 }) }
    : first.quotesMix;
  const merge = (pick: (x: SideFigures) => SideFigures['claims']): SideFigures['claims'] => {
    if (!list.every((x) => pick(x).available)) return pick(first);
    const m = new Map<string, { key: string; count: number; amountFen: number }>();
    for (const x of list) {
      const v = pick(x);
      if (!v.available) continue;
      for (const r of v.value) {
        const a = m.get(r.key) ?? { key: r.key, count: 0, amountFen: 0 };
        a.count += r.count;
        a.amountFen += r.amountFen;
        m.set(r.key, a);
      }
    }
    return { available: true, value: [...m.values()] };
  };
  return {
    ...first,
    revenueByTender: merge((x) => x.revenueByTender),
    revenueByCategory: merge((x) => x.revenueByCategory),
    claims: merge((x) => x.claims),
    quotesMix: qm,
    parts: { lines: add((x) => x.parts.lines), qty: add((x) => x.parts.qty), costFen: add((x) => x.parts.costFen), byCategory: list.flatMap((x) => x.parts.byCategory) },
    hoursByUser: list.some((x) => x.hoursByUser) ? hours : null,
    loaners: { outNow: add((x) => x.loaners.outNow), lentInRange: add((x) => x.loaners.lentInRange), returnedInRange: add((x) => x.loaners.returnedInRange) },
    satisfaction: {
      due: add((x) => x.satisfaction.due),
      done: add((x) => x.satisfaction.done),
      reached: add((x) => x.satisfaction.reached),
      scored,
      averageScore: scored ? Math.round((scores.reduce((a, c, i) => a + c * (i + 1), 0) / scored) * 100) / 100 : null,
      scores,
      problems: add((x) => x.satisfaction.problems),
      overdueNow: add((x) => x.satisfaction.overdueNow),
    },
    complaints: {
      opened,
      closed: add((x) => x.complaints.closed),
      respondedInTime: { count: rok, of: opened, rate: r(rok, opened) },
      resolvedInTime: { count: sok, of: opened, rate: r(sok, opened) },
      escalated: add((x) => x.complaints.escalated),
      openNow: add((x) => x.complaints.openNow),
    },
    openLegalNow: add((x) => x.openLegalNow),
    openPromiseNow: add((x) => x.openPromiseNow),
  };
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

/** GET /admin/v1/reports and the console's figures: per shop and in total, from the projection (network-figures/). */
export async function hqReports(service: HqService, q: HqReportQuery, now: Date) {
  const { input, groupBy, shops, w, tz, today } = await networkQuery(service, q, now);
  const store = service.store;
  const ids = shops.map((x) => x.id);
  const present = await refreshFacts(store, w.ftfDays, w.nowIso, ids);
  const reachesNow = w.endIso > w.nowIso;
  const [touching, open, passing, payments, rows] = await Promise.all([
    loadFacts(store, w, ids),
    reachesNow ? loadOpenFacts(store, ids) : Promise.resolve([]),
    passingTickets(store, ids, input.filters),
    loadPayments(store, w, ids),
    loadRows(service.store.db, ids),
  ]);
  const byShop = <T extends { shopId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const l = m.get(x.shopId);
      if (l) l.push(x);
      else m.set(x.shopId, [x]);
    }
    return m;
  };
  const factsOf = byShop(touching.filter((f) => passesFilters(f, input.filters)));
  const openOf = byShop(open.filter((f) => passesFilters(f, input.filters)));
  const paidOf = byShop(payments);
  const names = new Map<string, string>();
  const sides: SideFigures[] = [];
  const perShop: { shopId: string; code: string; name: string; region: string | null; report: ReportResult }[] = [];
  const shopGroup = groupBy && isShopDimension(groupBy) ? groupBy : null;
  const meta = (filters: typeof input.filters) => ({ from: input.from, to: input.to, timeZone: tz, generatedAt: now.toISOString(), filters, groupBy: shopGroup, userNames: names });
  const regions = new Map(shops.map((x) => [x.id, x.region ?? '']));
  const codes = new Map(shops.map((x) => [x.id, x.code]));
  const keyOf = groupBy ? networkKeyOf(groupBy, regions, codes) : undefined;
  // Each ticket is aggregated once, in its shop; the network's figures are the shops' added up.
  const aggregates: ReportAggregates[] = [];
  for (const shop of shops) {
    const tables = rows.get(shop.id) ?? new Map<string, Row[]>();
    tables.set('payments', (paidOf.get(shop.id) ?? []).map((p) => ({ ticket_id: p.ticketId, at: p.at, tender: p.tender, amount_fen: p.amountFen })));
    const has = present.get(shop.id) ?? new Set<string>();
    if (!has.has('payments') && (shop.schemaVersion ?? 0) < COLLECTION_SCHEMA) tables.delete('payments');
    for (const u of tables.get('users') ?? []) names.set(s(u.id)!, s(u.display_name) ?? '');
    const facts = factsOf.get(shop.id) ?? [];
    const side = shopSide({ tables, facts, open: openOf.get(shop.id) ?? [], passing: passing?.get(shop.id) ?? (passing ? new Set() : null), present: has }, w, input.from, input.to, today, w.legalLimitDays, (shop.schemaVersion ?? 0) >= COLLECTION_SCHEMA);
    const a = aggregateFacts(facts, w, shopGroup, keyOf);
    aggregates.push(a);
    sides.push(side);
    perShop.push({ shopId: shop.id, code: shop.code, name: shop.name, region: shop.region, report: assembleReport(a, w, meta({ ...input.filters, shop: shop.code }), side) });
  }
  const total = sides.length ? assembleReport(mergeAggregates(aggregates), w, meta(input.filters), sumSide(sides)) : null;
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
