/**
 * Figures from per-ticket facts: one implementation for the shop and head office. The caller
 * loads the facts of the tickets that touch the range (and their return flags), plus the small
 * side tables; everything here is arithmetic.
 */
import { STAGES, rate, spreadOfSeconds, type Stage } from './math';
import type { Avail, Dimension, DrillFigure, GroupRow, ReportFilters, ReportResult, TechnicianRow } from './schemas';

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
export const legalBreach = (f: FactRow, w: ReportWindow) => f.firstReadyAt !== null && seconds(f.receivedAt, f.firstReadyAt) > w.legalLimitDays * 86_400;
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

export function computeReport(
  facts: readonly FactRow[],
  w: ReportWindow,
  meta: { from: string; to: string; timeZone: string; generatedAt: string; filters: ReportFilters; groupBy: Dimension | null; userNames: Map<string, string> },
  side: SideFigures,
): ReportResult {
  let received = 0;
  let completed = 0;
  let collected = 0;
  let cancelled = 0;
  let reopened = 0;
  let ftfEligible = 0;
  let ftfOk = 0;
  let windowOpen = 0;
  let repeats = 0;
  let firstReady = 0;
  let legal = 0;
  let promise = 0;
  let claimedW = 0;
  let claimedP = 0;
  const e2e: number[] = [];
  const toReady: number[] = [];
  const stages: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as unknown as Record<Stage, number[]>;
  const windowMs = w.ftfDays * 86_400_000;
  const nowMs = Date.parse(w.nowIso);

  interface Acc { received: number; completed: number; collected: number; e2e: number[]; ftfOk: number; ftfN: number; repair: number[] }
  const newAcc = (): Acc => ({ received: 0, completed: 0, collected: 0, e2e: [], ftfOk: 0, ftfN: 0, repair: [] });
  const groups = new Map<string, Acc>();
  const techs = new Map<string, Acc>();
  const acc = (m: Map<string, Acc>, k: string) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = newAcc()));
    return a;
  };

  for (const f of facts) {
    const g = meta.groupBy ? acc(groups, groupKeyOf(f, meta.groupBy)) : null;
    const t = f.techId ? techs.get(f.techId) ?? null : null;
    const tech = f.techId ? t ?? acc(techs, f.techId) : null;
    if (isReceived(f, w)) {
      received++;
      if (f.isReturn) repeats++;
      if (f.warrantyClaimed) claimedW++;
      else claimedP++;
      if (g) g.received++;
    }
    if (isCompleted(f, w)) {
      completed++;
      if (g) g.completed++;
      if (tech) tech.completed++;
    }
    if (isCollected(f, w)) {
      collected++;
      if (g) g.collected++;
      if (tech) tech.collected++;
    }
    if (inRange(f.cancelledAt, w)) cancelled++;
    if (inRange(f.lastReopenedAt, w)) reopened++;
    if (isFirstReady(f, w)) {
      firstReady++;
      toReady.push(seconds(f.receivedAt, f.firstReadyAt!));
      if (legalBreach(f, w)) legal++;
      if (promiseBreach(f, w)) promise++;
    }
    if (isFirstCollected(f, w)) {
      const d = seconds(f.receivedAt, f.firstCollectedAt!);
      e2e.push(d);
      for (const s of STAGES) if (f.stageSeconds[s] > 0) stages[s].push(f.stageSeconds[s]);
      ftfEligible++;
      const ok = !ftfFailed(f);
      if (ok) ftfOk++;
      if (Date.parse(f.firstCollectedAt!) + windowMs > nowMs) windowOpen++;
      if (g) {
        g.e2e.push(d);
        g.ftfN++;
        if (ok) g.ftfOk++;
      }
      if (tech) {
        tech.ftfN++;
        if (ok) tech.ftfOk++;
        if (f.stageSeconds.repairing > 0) tech.repair.push(f.stageSeconds.repairing);
      }
    }
  }

  const groupRows: GroupRow[] = [...groups.entries()]
    .map(([key, a]) => ({
      key,
      label: meta.groupBy === 'technician' ? (key ? meta.userNames.get(key) ?? key : '') : key,
      received: a.received,
      completed: a.completed,
      collected: a.collected,
      turnaround: spreadOfSeconds(a.e2e),
      ftfRate: rate(a.ftfOk, a.ftfN),
    }))
    .sort((a, b) => b.received - a.received || b.collected - a.collected || a.key.localeCompare(b.key));

  const techIds = new Set<string>([...techs.keys(), ...(side.hoursByUser ? side.hoursByUser.keys() : [])]);
  if (meta.filters.technicianId) for (const id of [...techIds]) if (id !== meta.filters.technicianId) techIds.delete(id);
  const technicianRows: TechnicianRow[] = [...techIds]
    .map((id) => {
      const a = techs.get(id) ?? newAcc();
      return {
        userId: id,
        name: meta.userNames.get(id) ?? id,
        completed: a.completed,
        collected: a.collected,
        ftfRate: rate(a.ftfOk, a.ftfN),
        repairHours: spreadOfSeconds(a.repair),
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
    volume: { received, completed, collected, cancelled, reopened },
    turnaround: {
      endToEnd: spreadOfSeconds(e2e),
      toReady: spreadOfSeconds(toReady),
      stages: Object.fromEntries(STAGES.map((s) => [s, spreadOfSeconds(stages[s])])) as ReportResult['turnaround']['stages'],
    },
    quality: {
      firstTimeFix: { count: ftfOk, of: ftfEligible, rate: rate(ftfOk, ftfEligible), windowOpen },
      repeatRepair: { count: repeats, of: received, rate: rate(repeats, received) },
      legalBreaches: { count: legal, of: firstReady, rate: rate(legal, firstReady), openNow: side.openLegalNow },
      promiseBreaches: { count: promise, of: firstReady, rate: rate(promise, firstReady), openNow: side.openPromiseNow },
    },
    mix: { claimedAtIntake: { warranty: claimedW, paid: claimedP }, quotes: side.quotesMix },
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

/** The UTC instant a local calendar day starts in a time zone. */
export function zonedDayStartIso(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at the guess, then once more at the corrected instant (DST edges).
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t).toISOString();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A memoized `promiseEnds` for a zone: the start of the day after the promised date. */
export function promiseEndsIn(timeZone: string, addDays: (d: string, n: number) => string): (date: string) => string {
  const cache = new Map<string, string>();
  return (date) => {
    let v = cache.get(date);
    if (v === undefined) cache.set(date, (v = zonedDayStartIso(addDays(date, 1), timeZone)));
    return v;
  };
}
