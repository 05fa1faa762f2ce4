/**
 * The report's ticket figures counted in the engine over the projection: the counts and the
 * percentiles (PostgreSQL's percentile_cont, SQLite's percentile_cont — the same linear
 * interpolation between the closest ranks as the shop's percentile, math.ts) per shop and for
 * the network, per breakdown key and per credited technician, so no per-ticket row leaves the
 * database. Each condition is aggregateFacts' (shared/reports/compute.ts) written in SQL; the
 * percentiles become hours with the shop's rounding (spreadOfPercentiles).
 */
import type { HqDatabase } from '../db';
import { emptyCounts, type ReportAggregates, type ReportWindow, type Tally } from '../../shared/reports/compute';
import { STAGES, spreadOfPercentiles, type Spread, type Stage } from '../../shared/reports/math';
import type { ReportFilters } from '../../shared/reports/schemas';
import { tuples } from './store';

export type SpreadAggregates = ReportAggregates<Spread>;

/** Which tickets a query reads: the shops, the ticket filters (the brands matched without case, resolved beforehand). */
export interface FactScope {
  shopIds: string[];
  filters: ReportFilters;
  /** The stored brands the brand filter matches (null: no brand filter). */
  brands: string[] | null;
}

/** A query's text and its `?` parameters, appended in the order they appear. */
export class Sql {
  readonly params: unknown[] = [];
  /** A parameter's placeholder (call in text order). */
  p(v: unknown): string {
    this.params.push(v);
    return '?';
  }
  list(values: readonly unknown[]): string {
    return values.length ? values.map((v) => this.p(v)).join(', ') : 'NULL';
  }
}

/** The ticket filters of passesFilters as conditions on the facts aliased `f`. */
export function filterSql(q: Sql, scope: FactScope): string {
  const c = [scope.shopIds.length ? `f.shop_id IN (${q.list(scope.shopIds)})` : '1 = 0'];
  const f = scope.filters;
  if (f.technicianId) c.push(`f.tech_id = ${q.p(f.technicianId)}`);
  if (f.category) c.push(`f.category = ${q.p(f.category)}`);
  if (scope.brands) c.push(scope.brands.length ? `f.brand IN (${q.list(scope.brands)})` : '1 = 0');
  if (f.serviceType) c.push(`f.service_type = ${q.p(f.serviceType)}`);
  return c.join(' AND ');
}

/** The stored brands a brand filter matches, compared as passesFilters does (JavaScript's lower case, not the engine's). */
export async function matchingBrands(store: HqDatabase, shopIds: string[], brand: string | undefined): Promise<string[] | null> {
  if (!brand) return null;
  const q = new Sql();
  const rows = await tuples(store, `SELECT DISTINCT f.brand FROM hq_report_facts f WHERE f.shop_id IN (${q.list(shopIds)})`, q.params);
  return rows.map((r) => String(r[0])).filter((b) => b.toLowerCase() === brand.toLowerCase());
}

/**
 * Records the instant each promised day of the tickets first ready in the range ends in the
 * zone (the shop's promiseEnds), for the days not recorded yet: the breaches are then a join on
 * (zone, day) that both engines answer from the key.
 */
export async function recordPromiseEnds(store: HqDatabase, w: ReportWindow, timeZone: string, scope: FactScope): Promise<void> {
  const q = new Sql();
  const text = `SELECT DISTINCT f.promised_date FROM hq_report_facts f LEFT JOIN hq_report_day_ends e ON e.time_zone = ${q.p(timeZone)} AND e.day = f.promised_date
    WHERE e.day IS NULL AND f.first_ready_at >= ${q.p(w.startIso)} AND f.first_ready_at < ${q.p(w.endIso)} AND ${filterSql(q, scope)}`;
  const days = (await tuples(store, text, q.params)).map((r) => String(r[0]));
  const rows = days.map((day) => ({ time_zone: timeZone, day, ends_at: w.promiseEnds(day) }));
  for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('hq_report_day_ends').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['time_zone', 'day']).doNothing()).execute();
}

const flag = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
const stageCol = (s: Stage) => `s_${s}`;

/**
 * Every ticket that touches the range (received before its end, touched after its start), filters
 * applied, with aggregateFacts' tests as 0/1 columns; `key` is the breakdown's key expression.
 */
function touching(q: Sql, w: ReportWindow, scope: FactScope, key: BreakdownKey, promiseZone: string | null): string {
  const inR = (col: string) => `(f.${col} >= ${q.p(w.startIso)} AND f.${col} < ${q.p(w.endIso)})`;
  const cols = [
    'f.shop_id AS shop_id',
    `${key.sql} AS k`,
    'f.tech_id AS tech_id',
    'f.quote_kind AS qk',
    'f.collected_s AS e2e',
    'f.ready_s AS rdy',
    ...STAGES.map((s) => `f.${stageCol(s)} AS ${stageCol(s)}`),
    'f.is_return AS ret',
    'f.warranty_claimed AS wc',
    `${flag(`f.received_at >= ${q.p(w.startIso)}`)} AS rcv`,
    `${flag(`${inR('first_ready_at')} OR ${inR('last_ready_at')}`)} AS cmp`,
    `${flag(`${inR('first_collected_at')} OR ${inR('last_collected_at')}`)} AS col`,
    `${flag(inR('cancelled_at'))} AS cnl`,
    `${flag(inR('last_reopened_at'))} AS rop`,
    `${flag(inR('first_ready_at'))} AS fr`,
    `${flag(inR('first_collected_at'))} AS fc`,
    `${flag(`f.ready_s > CAST(${q.p(w.legalLimitDays * 86_400)} AS double precision)`)} AS legal`,
    promiseZone ? `${flag('f.first_ready_at >= pe.ends_at')} AS prm` : '0 AS prm',
    `${flag('f.returned = 0 AND f.reopens = 0')} AS ok`,
    `${flag(`f.first_collected_at > ${q.p(new Date(Date.parse(w.nowIso) - w.ftfDays * 86_400_000).toISOString())}`)} AS wopen`,
  ];
  return `SELECT ${cols.join(', ')} FROM hq_report_facts f${key.shops ? ' JOIN hq_shops s ON s.id = f.shop_id' : ''}${promiseZone ? ` LEFT JOIN hq_report_day_ends pe ON pe.time_zone = ${q.p(promiseZone)} AND pe.day = f.promised_date` : ''}
    WHERE f.last_touch_at >= ${q.p(w.startIso)} AND f.received_at < ${q.p(w.endIso)} AND ${filterSql(q, scope)}`;
}

/** A spread's columns (count, median, 90th percentile: two columns on SQLite, one array on PostgreSQL) and how to read them back. */
function spreadSql(dialect: HqDatabase['dialect'], value: string, cond: string): { sql: string; width: number } {
  if (dialect === 'postgres') {
    return { sql: `count(*) FILTER (WHERE ${cond}), percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${cond})`, width: 2 };
  }
  const v = `CASE WHEN ${cond} THEN ${value} END`;
  return { sql: `count(${v}), percentile_cont(${v}, 0.5), percentile_cont(${v}, 0.9)`, width: 3 };
}

function readSpread(dialect: HqDatabase['dialect'], r: unknown[], i: number): Spread {
  const n = Number(r[i] ?? 0);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  if (dialect === 'postgres') {
    const a = r[i + 1] as (number | string | null)[] | null;
    return spreadOfPercentiles(n, num(a?.[0]), num(a?.[1]));
  }
  return spreadOfPercentiles(n, num(r[i + 1]), num(r[i + 2]));
}

const EMPTY_SPREAD: Spread = { n: 0, medianHours: null, p90Hours: null };

export function emptySpreadAggregates(): SpreadAggregates {
  return { ...emptyCounts(), e2e: EMPTY_SPREAD, toReady: EMPTY_SPREAD, stages: Object.fromEntries(STAGES.map((s) => [s, EMPTY_SPREAD])) as Record<Stage, Spread>, groups: new Map(), techs: new Map() };
}

/** The quotes' payer mix of the tickets first ready in the range (counted with the totals). */
export interface QuoteMix {
  warranty: number;
  paid: number;
  mixed: number;
  noQuote: number;
}

export interface TicketFigures {
  /** Per shop id (a shop without tickets in the range is absent). */
  shops: Map<string, { a: SpreadAggregates; quotes: QuoteMix }>;
  network: SpreadAggregates;
}

/** The breakdown's key: an expression over the facts `f` (and the shop `s` when `shops`: its code, its region). */
export type BreakdownKey = { sql: string; shops?: boolean };
const NO_KEY: BreakdownKey = { sql: "''" };

/**
 * Per shop and for the network: PostgreSQL answers both levels in one pass (GROUPING SETS; the
 * network's rows have GROUPING(shop_id) = 1), SQLite, which has no grouping sets, in two queries.
 * (Measured at 60 shops on PostgreSQL: one pass per query 356–470 ms for the year, the totals'
 * levels apart 417–501 ms, every level apart 488–532 ms.)
 */
type Level = 'shop' | 'network' | 'both';
const levelsOf = (dialect: HqDatabase['dialect']): Level[] => (dialect === 'postgres' ? ['both'] : ['shop', 'network']);

function levelSql(lv: Level, dims: string[]): { head: string; group: string } {
  const d = dims.join(', ');
  if (lv === 'both') return { head: `GROUPING(shop_id), shop_id, ${d ? `${d}, ` : ''}`, group: ` GROUP BY GROUPING SETS ((shop_id${d ? `, ${d}` : ''}), (${d}))` };
  if (lv === 'shop') return { head: `shop_id, ${d ? `${d}, ` : ''}`, group: ` GROUP BY shop_id${d ? `, ${d}` : ''}` };
  return { head: d ? `${d}, ` : '', group: d ? ` GROUP BY ${d}` : '' };
}

/** A row's shop (null: the network's row) and where the rest of its columns start. */
function levelOf(lv: Level, r: unknown[]): { shopId: string | null; at: number } {
  if (lv === 'both') return { shopId: Number(r[0]) === 1 ? null : String(r[1]), at: 2 };
  if (lv === 'shop') return { shopId: String(r[0]), at: 1 };
  return { shopId: null, at: 0 };
}

const TOTAL_COUNTS = ['rcv', 'cmp', 'col', 'cnl', 'rop', 'rcv * ret', 'rcv * wc', 'rcv * (1 - wc)', 'fr', 'fr * legal', 'fr * prm', 'fc', 'fc * ok', 'fc * wopen'];
const QUOTE_COUNTS = [`fr = 1 AND qk = 'warranty'`, `fr = 1 AND qk = 'paid'`, `fr = 1 AND qk = 'mixed'`, 'fr = 1 AND qk IS NULL'];

async function totals(store: HqDatabase, w: ReportWindow, scope: FactScope, timeZone: string, lv: Level) {
  const q = new Sql();
  const spreads = [spreadSql(store.dialect, 'e2e', 'fc = 1'), spreadSql(store.dialect, 'rdy', 'fr = 1'), ...STAGES.map((s) => spreadSql(store.dialect, stageCol(s), `fc = 1 AND ${stageCol(s)} > 0`))];
  const { head, group } = levelSql(lv, []);
  const text = `SELECT ${head}${TOTAL_COUNTS.map((c) => `sum(${c})`).join(', ')}, ${QUOTE_COUNTS.map((c) => `sum(${flag(c)})`).join(', ')}, ${spreads.map((s) => s.sql).join(', ')}
    FROM (${touching(q, w, scope, NO_KEY, timeZone)}) t${group}`;
  const rows = await tuples(store, text, q.params, { heavy: true });
  return rows.map((r) => {
    const { shopId, at } = levelOf(lv, r);
    let i = at;
    const n = () => Number(r[i++] ?? 0);
    const a = emptySpreadAggregates();
    a.volume = { received: n(), completed: n(), collected: n(), cancelled: n(), reopened: n() };
    a.repeats = n();
    a.claimedWarranty = n();
    a.claimedPaid = n();
    a.firstReady = n();
    a.legal = n();
    a.promise = n();
    a.ftfN = n();
    a.ftfOk = n();
    a.windowOpen = n();
    const quotes: QuoteMix = { warranty: n(), paid: n(), mixed: n(), noQuote: n() };
    const sp = () => {
      const s = readSpread(store.dialect, r, i);
      i += spreads[0]!.width;
      return s;
    };
    a.e2e = sp();
    a.toReady = sp();
    for (const s of STAGES) a.stages[s] = sp();
    return { shopId, a, quotes };
  });
}

/** Per key (and shop): the breakdown's rows, or the technicians' (tech: true). */
async function tallies(store: HqDatabase, w: ReportWindow, scope: FactScope, lv: Level, key: BreakdownKey, tech: boolean) {
  const q = new Sql();
  const dim = tech ? 'tech_id' : 'k';
  const { head, group } = levelSql(lv, [dim]);
  const sp = tech ? spreadSql(store.dialect, 's_repairing', 'fc = 1 AND s_repairing > 0') : spreadSql(store.dialect, 'e2e', 'fc = 1');
  const text = `SELECT ${head}sum(rcv), sum(cmp), sum(col), sum(fc), sum(fc * ok), ${sp.sql}
    FROM (${touching(q, w, scope, tech ? NO_KEY : key, null)}) t${tech ? " WHERE tech_id IS NOT NULL AND tech_id <> ''" : ''}${group}`;
  const rows = await tuples(store, text, q.params, { heavy: true });
  return rows.map((r) => {
    const { shopId, at } = levelOf(lv, r);
    const d = readSpread(store.dialect, r, at + 6);
    const t: Tally<Spread> = {
      // a technician's row counts no receipts (aggregateFacts counts them per breakdown key only)
      received: tech ? 0 : Number(r[at + 1] ?? 0),
      completed: Number(r[at + 2] ?? 0),
      collected: Number(r[at + 3] ?? 0),
      ftfN: Number(r[at + 4] ?? 0),
      ftfOk: Number(r[at + 5] ?? 0),
      e2e: tech ? EMPTY_SPREAD : d,
      repair: tech ? d : EMPTY_SPREAD,
    };
    return { shopId, key: String(r[at] ?? ''), t };
  });
}

/** The ticket figures of a report: each shop's and the network's, with its breakdown (null: none). */
export async function ticketFigures(store: HqDatabase, w: ReportWindow, timeZone: string, scope: FactScope, key: BreakdownKey | null): Promise<TicketFigures> {
  const levels = levelsOf(store.dialect);
  // Only the totals count promise breaches: the promised days' ends are recorded before them, beside the rest.
  const ends = recordPromiseEnds(store, w, timeZone, scope);
  const [sums, groups, techs] = await Promise.all([
    ends.then(() => Promise.all(levels.map((lv) => totals(store, w, scope, timeZone, lv)))),
    Promise.all(key ? levels.map((lv) => tallies(store, w, scope, lv, key, false)) : []),
    Promise.all(levels.map((lv) => tallies(store, w, scope, lv, NO_KEY, true))),
  ]);
  const shops = new Map<string, { a: SpreadAggregates; quotes: QuoteMix }>();
  let network = emptySpreadAggregates();
  for (const x of sums.flat()) {
    if (x.shopId === null) network = x.a;
    else shops.set(x.shopId, { a: x.a, quotes: x.quotes });
  }
  for (const g of groups.flat()) (g.shopId === null ? network : shops.get(g.shopId)?.a)?.groups.set(g.key, g.t);
  for (const g of techs.flat()) (g.shopId === null ? network : shops.get(g.shopId)?.a)?.techs.set(g.key, g.t);
  return { shops, network };
}
