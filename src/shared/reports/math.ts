/**
 * The pure arithmetic of the reports: percentiles, per-ticket facts from an event list, the
 * first-time-fix rule. No I/O: the shop (SQLite), head office (SQLite or PostgreSQL) and the
 * tests all go through these functions, so a figure means the same wherever it is computed.
 */
import type { TicketStatus } from '../tickets/statuses';

/**
 * The q-th percentile (0–100) of a list, by linear interpolation between the closest ranks
 * (the definition of SQLite's percentile(), PostgreSQL's percentile_cont and Excel's
 * PERCENTILE.INC). Null for an empty list.
 */
export function percentile(values: ArrayLike<number>, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return percentileOfSorted(sorted, q);
}

export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = (Math.min(100, Math.max(0, q)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export function median(values: ArrayLike<number>): number | null {
  return percentile(values, 50);
}

/** Median and 90th percentile (in hours, one decimal) of durations given in seconds. */
export interface Spread {
  n: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** The spread of n durations from their median and 90th percentile in seconds (wherever those were worked out). */
export function spreadOfPercentiles(n: number, p50: number | null, p90: number | null): Spread {
  const h = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
  return { n, medianHours: h(p50), p90Hours: h(p90) };
}

export function spreadOfSeconds(seconds: ArrayLike<number>): Spread {
  // (new Float64Array(list) copies an array directly; Float64Array.from goes through its iterator)
  const a = seconds instanceof Float64Array ? seconds.slice() : new Float64Array(seconds as ArrayLike<number>);
  if (a.length < 64) {
    a.sort();
    return spreadOfPercentiles(a.length, percentileOfSorted(a, 50), percentileOfSorted(a, 90));
  }
  // Large lists: the two order statistics each percentile needs by selection (linear time), the
  // same values a full sort would put at those ranks, so the same figures as percentileOfSorted.
  const p50 = selectedPercentile(a, 0, 50);
  const p90 = selectedPercentile(a, Math.floor((50 / 100) * (a.length - 1)), 90);
  return spreadOfPercentiles(a.length, p50, p90);
}

/**
 * percentileOfSorted's value without sorting: `a` is reordered in place (elements below index
 * `from` must already be the smallest ones, as after an earlier selection at a lower rank).
 */
function selectedPercentile(a: Float64Array, from: number, q: number): number {
  const rank = (Math.min(100, Math.max(0, q)) / 100) * (a.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const x = select(a, from, a.length - 1, lo);
  let y = x;
  if (hi !== lo) {
    // Everything after lo is >= a[lo]: the next order statistic is their minimum.
    y = a[lo + 1]!;
    for (let i = lo + 2; i < a.length; i++) if (a[i]! < y) y = a[i]!;
  }
  return x + (y - x) * (rank - lo);
}

/** Hoare's selection: puts the k-th smallest of a[l..r] at a[k], smaller ones before, larger after. */
function select(a: Float64Array, l: number, r: number, k: number): number {
  while (r > l) {
    const mid = (l + r) >>> 1;
    // median of three as the pivot
    let p = a[mid]!;
    const x = a[l]!;
    const z = a[r]!;
    if ((x <= p && p <= z) || (z <= p && p <= x)) {
      /* p */
    } else if ((p <= x && x <= z) || (z <= x && x <= p)) p = x;
    else p = z;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < p) i++;
      while (a[j]! > p) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return a[k]!;
}

/** A rate as a share 0–1 rounded to four decimals, null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

/** The statuses whose time a ticket accumulates (the stages of turnaround). */
export const STAGES = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready'] as const;
export type Stage = (typeof STAGES)[number];
/** Statuses in which the shop works on the device: leaving ready/collected for one of them is a reopen (rework). */
const REWORK_TARGETS: readonly TicketStatus[] = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'];

/** One status event as the facts need it (a ticket's events, oldest first). */
export interface StatusEvent {
  at: string;
  toStatus: TicketStatus | null;
  fromStatus?: TicketStatus | null;
  userId: string | null;
}

/** What a ticket's event stream says about it (the projection `report_facts` keeps per ticket). */
export interface TimelineFacts {
  receivedAt: string | null;
  firstReadyAt: string | null;
  lastReadyAt: string | null;
  firstCollectedAt: string | null;
  lastCollectedAt: string | null;
  cancelledAt: string | null;
  status: TicketStatus | null;
  statusAt: string | null;
  /** Whole seconds spent in each stage over the ticket's life (rework included). */
  stageSeconds: Record<Stage, number>;
  /** Times the ticket went from ready/collected back to work. */
  reopens: number;
  lastReopenedAt: string | null;
  /** Who finished the repair: the user of the last move out of `repairing` to qc/ready. */
  creditUserId: string | null;
}

const secondsBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 1000);

export function emptyStages(): Record<Stage, number> {
  return { received: 0, diagnosing: 0, awaiting_approval: 0, repairing: 0, awaiting_parts: 0, qc: 0, ready: 0 };
}

/**
 * Folds a ticket's events (oldest first) into its timeline facts. Events without a to_status
 * (notes, assignments) change nothing. The SQL trigger of migration 9 applies the same step to
 * each inserted event; tests/integration/reports checks that the two agree.
 */
export function factsFromEvents(events: readonly StatusEvent[]): TimelineFacts {
  const f: TimelineFacts = {
    receivedAt: null,
    firstReadyAt: null,
    lastReadyAt: null,
    firstCollectedAt: null,
    lastCollectedAt: null,
    cancelledAt: null,
    status: null,
    statusAt: null,
    stageSeconds: emptyStages(),
    reopens: 0,
    lastReopenedAt: null,
    creditUserId: null,
  };
  for (const e of events) {
    const to = e.toStatus;
    if (!to) continue;
    if (f.status === null) {
      f.receivedAt = e.at;
    } else {
      const prev = f.status;
      if ((STAGES as readonly string[]).includes(prev)) f.stageSeconds[prev as Stage] += secondsBetween(f.statusAt!, e.at);
      if ((prev === 'ready' || prev === 'collected') && REWORK_TARGETS.includes(to)) {
        f.reopens += 1;
        f.lastReopenedAt = e.at;
      }
      if (prev === 'repairing' && (to === 'qc' || to === 'ready') && e.userId) f.creditUserId = e.userId;
    }
    if (to === 'ready') {
      f.firstReadyAt ??= e.at;
      f.lastReadyAt = e.at;
    }
    if (to === 'collected') {
      f.firstCollectedAt ??= e.at;
      f.lastCollectedAt = e.at;
    }
    if (to === 'cancelled') f.cancelledAt = e.at;
    f.status = to;
    f.statusAt = e.at;
  }
  return f;
}

/** The same-fault rule: two visits share a fault code; a visit without codes matches any. */
export function sameFault(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

/** A visit of a device, for the return (first-time fix) rule. */
export interface Visit {
  ticketId: string;
  deviceId: string;
  receivedAt: string;
  firstCollectedAt: string | null;
  faultKey: string;
}

/**
 * First-time fix: a collected ticket is fixed the first time when the same device does not
 * come back for the same fault within `days` days of its collection (and the ticket was not
 * reopened). Returns, per ticket id, whether a return followed (`returned`) and whether the
 * ticket itself is such a return (`isReturn`).
 */
export function returnFlags(visits: readonly Visit[], days: number): Map<string, { returned: boolean; isReturn: boolean }> {
  const out = new Map<string, { returned: boolean; isReturn: boolean }>();
  const byDevice = new Map<string, Visit[]>();
  for (const v of visits) {
    out.set(v.ticketId, { returned: false, isReturn: false });
    const list = byDevice.get(v.deviceId);
    if (list) list.push(v);
    else byDevice.set(v.deviceId, [v]);
  }
  const windowMs = days * 86_400_000;
  for (const list of byDevice.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (!p.firstCollectedAt) continue;
      const from = Date.parse(p.firstCollectedAt);
      for (let j = i + 1; j < list.length; j++) {
        const g = list[j]!;
        const at = Date.parse(g.receivedAt);
        if (at <= from) continue;
        if (at - from > windowMs) break;
        if (sameFault(p.faultKey, g.faultKey)) {
          out.get(p.ticketId)!.returned = true;
          out.get(g.ticketId)!.isReturn = true;
        }
      }
    }
  }
  return out;
}

/** Per ticket, the gaps the return rule compares with its window (milliseconds, null = none). */
export interface ReturnGaps {
  /** From this ticket's first collection to the next same-fault visit of the device. */
  returnedAfterMs: number | null;
  /** From the latest earlier same-fault visit's first collection to this ticket's receipt. */
  returnAfterMs: number | null;
}

/**
 * The window-free form of returnFlags, which the shop keeps per ticket (report_facts
 * returned_after_ms / return_after_ms): a ticket was returned within N days when
 * returnedAfterMs <= N days, and is a return when returnAfterMs <= N days.
 */
export function returnGaps(visits: readonly Visit[]): Map<string, ReturnGaps> {
  const out = new Map<string, ReturnGaps>();
  const byDevice = new Map<string, Visit[]>();
  for (const v of visits) {
    out.set(v.ticketId, { returnedAfterMs: null, returnAfterMs: null });
    if (!v.deviceId) continue;
    const list = byDevice.get(v.deviceId);
    if (list) list.push(v);
    else byDevice.set(v.deviceId, [v]);
  }
  for (const list of byDevice.values()) {
    if (list.length < 2) continue;
    for (const p of list) {
      if (!p.firstCollectedAt) continue;
      const from = Date.parse(p.firstCollectedAt);
      for (const g of list) {
        if (!(g.receivedAt > p.firstCollectedAt && g.receivedAt > p.receivedAt) || !sameFault(p.faultKey, g.faultKey)) continue;
        const gap = Date.parse(g.receivedAt) - from;
        const a = out.get(p.ticketId)!;
        const b = out.get(g.ticketId)!;
        if (a.returnedAfterMs === null || gap < a.returnedAfterMs) a.returnedAfterMs = gap;
        if (b.returnAfterMs === null || gap < b.returnAfterMs) b.returnAfterMs = gap;
      }
    }
  }
  return out;
}

/** The first fault code of a ticket's list (JSON text or array), '' when none. */
export function faultKeyOf(codes: string | readonly string[] | null | undefined): string {
  if (!codes) return '';
  const list = typeof codes === 'string' ? (JSON.parse(codes) as unknown) : codes;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : '';
}
