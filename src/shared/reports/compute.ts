/**
 * Figures from per-ticket facts: one implementation for the shop and head office. The caller
 * loads the facts of the tickets that touch the range (and their return flags), plus the small
 * side tables; everything here is arithmetic.
 */
import { STAGES, rate, spreadOfSeconds, type Spread, type Stage } from './math';
import type { Avail, Dimension, DrillFigure, GroupRow, ReportFilters, ReportResult, TechnicianRow } from './schemas';

export { promiseEndsIn, zonedDayStartIso } from './zoned';

export interface FactRow {
  ticketId: string;
  receivedAt: string;
  firstReadyAt: string | null;
  lastReadyAt: string | null;
  firstCollectedAt: string | null;
  lastCollectedAt: string | null;
  cancelledAt: string | null;
  status: string;
  stageSeconds: Record<Stage, number>;
  reopens: number;
  lastReopenedAt: string | null;
  /** The credited technician (who finished the repair), else the assigned one. */
  techId: string | null;
  deviceId: string;
  category: string;
  brand: string;
  serviceType: string;
  promisedDate: string;
  faultKey: string;
  warrantyClaimed: boolean;
  /** The same device came back for the same fault within ftfDays of the first collection. */
  returned: boolean;
  /** This ticket is such a return. */
  isReturn: boolean;
  /**
   * Received → first ready and → first collected in seconds, when the loader has them already
   * (head office projects them once per ticket, so a network's year parses no dates per report).
   */
  readySeconds?: number | null;
  collectedSeconds?: number | null;
}

export interface ReportWindow {
  startIso: string;
  endIso: string;
  nowIso: string;
  ftfDays: number;
  legalLimitDays: number;
  /** The instant the promised day ends (start of the next local day). */
  promiseEnds(date: string): string;
}

const inRange = (at: string | null, w: ReportWindow) => at !== null && at >= w.startIso && at < w.endIso;

export const isReceived = (f: FactRow, w: ReportWindow) => inRange(f.receivedAt, w);
export const isCompleted = (f: FactRow, w: ReportWindow) => inRange(f.firstReadyAt, w) || inRange(f.lastReadyAt, w);
export const isCollected = (f: FactRow, w: ReportWindow) => inRange(f.firstCollectedAt, w) || inRange(f.lastCollectedAt, w);
/** The turnaround and first-time-fix cohort: first collected in the range (a rework never counts twice). */
export const isFirstCollected = (f: FactRow, w: ReportWindow) => inRange(f.firstCollectedAt, w);
export const isFirstReady = (f: FactRow, w: ReportWindow) => inRange(f.firstReadyAt, w);
export const ftfFailed = (f: FactRow) => f.returned || f.reopens > 0;
const seconds = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;
const toReady = (f: FactRow) => f.readySeconds ?? seconds(f.receivedAt, f.firstReadyAt!);
const toCollected = (f: FactRow) => f.collectedSeconds ?? seconds(f.receivedAt, f.firstCollectedAt!);
export const legalBreach = (f: FactRow, w: ReportWindow) => f.firstReadyAt !== null && toReady(f) > w.legalLimitDays * 86_400;
export const promiseBreach = (f: FactRow, w: ReportWindow) => f.firstReadyAt !== null && f.firstReadyAt >= w.promiseEnds(f.promisedDate);

/** The tickets behind a drill-down figure. */
export function drillMatches(figure: DrillFigure, f: FactRow, w: ReportWindow): boolean {
  switch (figure) {
    case 'received':
      return isReceived(f, w);
    case 'completed':
      return isCompleted(f, w);
    case 'collected':
      return isCollected(f, w);
    case 'cancelled':
      return inRange(f.cancelledAt, w);
    case 'reopened':
      return inRange(f.lastReopenedAt, w);
    case 'ftfFailed':
      return isFirstCollected(f, w) && ftfFailed(f);
    case 'repeat':
      return isReceived(f, w) && f.isReturn;
    case 'legalBreach':
      return isFirstReady(f, w) && legalBreach(f, w);
    case 'promiseBreach':
      return isFirstReady(f, w) && promiseBreach(f, w);
    case 'claimedWarranty':
      return isReceived(f, w) && f.warrantyClaimed;
    case 'claimedPaid':
      return isReceived(f, w) && !f.warrantyClaimed;
  }
}

export function groupKeyOf(f: FactRow, dim: Dimension): string {
  switch (dim) {
    case 'technician':
      return f.techId ?? '';
    case 'category':
      return f.category;
    case 'brand':
      return f.brand;
    case 'serviceType':
      return f.serviceType;
  }
}

/** Whether a fact passes the filters that the loader could not apply in SQL (head office applies all here). */
export function passesFilters(f: FactRow, filters: ReportFilters): boolean {
  if (filters.technicianId && f.techId !== filters.technicianId) return false;
  if (filters.category && f.category !== filters.category) return false;
  if (filters.brand && f.brand.toLowerCase() !== filters.brand.toLowerCase()) return false;
  if (filters.serviceType && f.serviceType !== filters.serviceType) return false;
  return true;
}

/** The side tables' figures, each computed by the loader where its data lives. */
export interface SideFigures {
  quotesMix: ReportResult['mix']['quotes'];
  revenueByTender: ReportResult['revenue']['byTender'];
  revenueByCategory: ReportResult['revenue']['byCategory'];
  parts: ReportResult['parts'];
  /** Hours logged per user in the range; null = no time-log table. */
  hoursByUser: Map<string, number> | null;
  loaners: ReportResult['loaners'];
  claims: ReportResult['claims'];
  satisfaction: ReportResult['satisfaction'];
  complaints: ReportResult['complaints'];
  /** Tickets still open now past the legal limit / their promised date (only when the range reaches today). */
  openLegalNow: number;
  openPromiseNow: number;
}

/** Durations in seconds, in chunks (a percentile does not care how they are split). */
export type Durations = ArrayLike<number>[];

/**
 * A figure's durations: the list, or its spread already worked out where the durations live
 * (head office asks the engine for the percentiles, so no per-ticket row leaves the database).
 */
export type DurationsOrSpread = Durations | Spread;

/** Per group / per technician: what the breakdown and the technician table show. */
export interface Tally<D extends DurationsOrSpread = Durations> {
  received: number;
  completed: number;
  collected: number;
  ftfOk: number;
  ftfN: number;
  /** Received → first collection, tickets first collected in the range. */
  e2e: D;
  /** Time in repair (> 0), tickets first collected in the range. */
  repair: D;
}
export const newTally = (): Tally => ({ received: 0, completed: 0, collected: 0, ftfOk: 0, ftfN: 0, e2e: [], repair: [] });

/**
 * Everything the report's ticket figures are made of: counts and duration lists for the range,
 * in total, per breakdown key and per technician. The shop fills it in SQL (src/core/reports/
 * facts.ts), head office and the tests from per-ticket facts (aggregateFacts); assembleReport
 * turns either into the same report.
 */
export interface ReportAggregates<D extends DurationsOrSpread = Durations> {
  volume: ReportResult['volume'];
  e2e: D;
  toReady: D;
  stages: Record<Stage, D>;
  ftfOk: number;
  ftfN: number;
  windowOpen: number;
  repeats: number;
  firstReady: number;
  legal: number;
  promise: number;
  claimedWarranty: number;
  claimedPaid: number;
  /** Every key of the breakdown seen among the tickets that touch the range (zeros included). */
  groups: Map<string, Tally<D>>;
  /** Every credited technician seen among the tickets that touch the range. */
  techs: Map<string, Tally<D>>;
}

/** The counts every report's aggregates start from; the durations are the holder's (lists here, spreads in head office's engine). */
export function emptyCounts() {
  return {
    volume: { received: 0, completed: 0, collected: 0, cancelled: 0, reopened: 0 },
    ftfOk: 0,
    ftfN: 0,
    windowOpen: 0,
    repeats: 0,
    firstReady: 0,
    legal: 0,
    promise: 0,
    claimedWarranty: 0,
    claimedPaid: 0,
    groups: new Map<string, Tally>(),
    techs: new Map<string, Tally>(),
  };
}

export function emptyAggregates(): ReportAggregates {
  return { ...emptyCounts(), e2e: [], toReady: [], stages: Object.fromEntries(STAGES.map((s) => [s, [] as Durations])) as unknown as Record<Stage, Durations> };
}

/** The aggregates of per-ticket facts (every fact that touches the range, filters applied). */
export function aggregateFacts<F extends FactRow>(facts: readonly F[], w: ReportWindow, groupBy: Dimension | null, keyOf?: (f: F) => string): ReportAggregates {
  const a = emptyAggregates();
  const e2e: number[] = [];
  const readyList: number[] = [];
  const stages: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as unknown as Record<Stage, number[]>;
  const windowMs = w.ftfDays * 86_400_000;
  const nowMs = Date.parse(w.nowIso);
  const acc = (m: Map<string, Tally>, k: string) => {
    let t = m.get(k);
    if (!t) m.set(k, (t = { ...newTally(), e2e: [[]], repair: [[]] }));
    return t;
  };
  const push = (d: Durations, v: number) => (d[0] as number[]).push(v);

  for (const f of facts) {
    // Head office breaks the network down by shop and region too: keys the shop's facts do not carry.
    const g = keyOf ? acc(a.groups, keyOf(f)) : groupBy ? acc(a.groups, groupKeyOf(f, groupBy)) : null;
    const tech = f.techId ? acc(a.techs, f.techId) : null;
    if (isReceived(f, w)) {
      a.volume.received++;
      if (f.isReturn) a.repeats++;
      if (f.warrantyClaimed) a.claimedWarranty++;
      else a.claimedPaid++;
      if (g) g.received++;
    }
    if (isCompleted(f, w)) {
      a.volume.completed++;
      if (g) g.completed++;
      if (tech) tech.completed++;
    }
    if (isCollected(f, w)) {
      a.volume.collected++;
      if (g) g.collected++;
      if (tech) tech.collected++;
    }
    if (inRange(f.cancelledAt, w)) a.volume.cancelled++;
    if (inRange(f.lastReopenedAt, w)) a.volume.reopened++;
    if (isFirstReady(f, w)) {
      a.firstReady++;
      readyList.push(toReady(f));
      if (legalBreach(f, w)) a.legal++;
      if (promiseBreach(f, w)) a.promise++;
    }
    if (isFirstCollected(f, w)) {
      const d = toCollected(f);
      e2e.push(d);
      for (const s of STAGES) if (f.stageSeconds[s] > 0) stages[s].push(f.stageSeconds[s]);
      a.ftfN++;
      const ok = !ftfFailed(f);
      if (ok) a.ftfOk++;
      if (Date.parse(f.firstCollectedAt!) + windowMs > nowMs) a.windowOpen++;
      if (g) {
        push(g.e2e, d);
        g.ftfN++;
        if (ok) g.ftfOk++;
      }
      if (tech) {
        tech.ftfN++;
        if (ok) tech.ftfOk++;
        if (f.stageSeconds.repairing > 0) push(tech.repair, f.stageSeconds.repairing);
      }
    }
  }
  a.e2e = [e2e];
  a.toReady = [readyList];
  for (const s of STAGES) a.stages[s] = [stages[s]];
  return a;
}

/** Median and 90th percentile of durations in chunks (or as the engine worked them out). */
export function spreadOf(d: DurationsOrSpread): Spread {
  if (!Array.isArray(d)) return d;
  if (d.length === 1) return spreadOfSeconds(d[0]!);
  const n = d.reduce((s, c) => s + c.length, 0);
  const all = new Float64Array(n);
  let i = 0;
  for (const c of d) for (let j = 0; j < c.length; j++) all[i++] = c[j]!;
  return spreadOfSeconds(all);
}

export function computeReport<F extends FactRow>(
  facts: readonly F[],
  w: ReportWindow,
  meta: { from: string; to: string; timeZone: string; generatedAt: string; filters: ReportFilters; groupBy: Dimension | null; userNames: Map<string, string> },
  side: SideFigures,
  keyOf?: (f: F) => string,
): ReportResult {
  return assembleReport(aggregateFacts(facts, w, meta.groupBy, keyOf), w, meta, side);
}

export function assembleReport(
  a: ReportAggregates<DurationsOrSpread>,
  w: ReportWindow,
  meta: { from: string; to: string; timeZone: string; generatedAt: string; filters: ReportFilters; groupBy: Dimension | null; userNames: Map<string, string> },
  side: SideFigures,
): ReportResult {
  const groupRows: GroupRow[] = [...a.groups.entries()]
    .map(([key, g]) => ({
      key,
      label: meta.groupBy === 'technician' ? (key ? meta.userNames.get(key) ?? key : '') : key,
      received: g.received,
      completed: g.completed,
      collected: g.collected,
      turnaround: spreadOf(g.e2e),
      ftfRate: rate(g.ftfOk, g.ftfN),
    }))
    .sort((a, b) => b.received - a.received || b.collected - a.collected || a.key.localeCompare(b.key));

  const techIds = new Set<string>([...a.techs.keys(), ...(side.hoursByUser ? side.hoursByUser.keys() : [])]);
  if (meta.filters.technicianId) for (const id of [...techIds]) if (id !== meta.filters.technicianId) techIds.delete(id);
  const technicianRows: TechnicianRow[] = [...techIds]
    .map((id) => {
      const t = a.techs.get(id) ?? newTally();
      return {
        userId: id,
        name: meta.userNames.get(id) ?? id,
        completed: t.completed,
        collected: t.collected,
        ftfRate: rate(t.ftfOk, t.ftfN),
        repairHours: spreadOf(t.repair),
        hoursLogged: side.hoursByUser ? Math.round((side.hoursByUser.get(id) ?? 0) * 10) / 10 : null,
      };
    })
    .sort((a, b) => b.completed - a.completed || a.name.localeCompare(b.name));

  const hoursLogged: Avail<number> = side.hoursByUser
    ? { available: true, value: Math.round([...techIds].reduce((s, id) => s + (side.hoursByUser!.get(id) ?? 0), 0) * 10) / 10 }
    : { available: false, reasonKey: 'reports.na.timeLogs' };

  return {
    from: meta.from,
    to: meta.to,
    startIso: w.startIso,
    endIso: w.endIso,
    generatedAt: meta.generatedAt,
    timeZone: meta.timeZone,
    filters: meta.filters,
    groupBy: meta.groupBy,
    settings: { ftfDays: w.ftfDays, legalLimitDays: w.legalLimitDays },
    volume: { ...a.volume },
    turnaround: {
      endToEnd: spreadOf(a.e2e),
      toReady: spreadOf(a.toReady),
      stages: Object.fromEntries(STAGES.map((s) => [s, spreadOf(a.stages[s])])) as ReportResult['turnaround']['stages'],
    },
    quality: {
      firstTimeFix: { count: a.ftfOk, of: a.ftfN, rate: rate(a.ftfOk, a.ftfN), windowOpen: a.windowOpen },
      repeatRepair: { count: a.repeats, of: a.volume.received, rate: rate(a.repeats, a.volume.received) },
      legalBreaches: { count: a.legal, of: a.firstReady, rate: rate(a.legal, a.firstReady), openNow: side.openLegalNow },
      promiseBreaches: { count: a.promise, of: a.firstReady, rate: rate(a.promise, a.firstReady), openNow: side.openPromiseNow },
    },
    mix: { claimedAtIntake: { warranty: a.claimedWarranty, paid: a.claimedPaid }, quotes: side.quotesMix },
    revenue: { byTender: side.revenueByTender, byCategory: side.revenueByCategory },
    parts: side.parts,
    technicians: technicianRows,
    hoursLogged,
    loaners: side.loaners,
    claims: side.claims,
    satisfaction: side.satisfaction,
    complaints: side.complaints,
    groups: groupRows,
  };
}
