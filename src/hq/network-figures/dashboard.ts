/**
 * The network dashboard (pure): a shop's day and week as its own dashboard shows them — today's and
 * the last seven days' received, completed and collected by the report's rules, the week's
 * turnaround and first-time fix, and what is open now by status and past its promised day.
 */
import { ftfFailed, isCollected, isCompleted, isFirstCollected, isReceived, type FactRow, type ReportWindow } from '../../shared/reports/compute';
import { rate, spreadOfSeconds } from '../../shared/reports/math';
import type { DashboardFigures } from '../../shared/hq-console/figures';

export interface DashboardWindows {
  /** The last seven local days, oldest first, each [date, startIso, endIso). */
  days: { date: string; startIso: string; endIso: string }[];
  nowIso: string;
  today: string;
}

const win = (startIso: string, endIso: string, nowIso: string): ReportWindow => ({ startIso, endIso, nowIso, ftfDays: 90, legalLimitDays: 30, promiseEnds: () => '' });

export function dashboardFigures(week: readonly FactRow[], open: readonly FactRow[], d: DashboardWindows): DashboardFigures {
  const w = win(d.days[0]!.startIso, d.days[d.days.length - 1]!.endIso, d.nowIso);
  const days = d.days.map((x) => {
    const dw = win(x.startIso, x.endIso, d.nowIso);
    let received = 0;
    let completed = 0;
    let collected = 0;
    for (const f of week) {
      if (isReceived(f, dw)) received++;
      if (isCompleted(f, dw)) completed++;
      if (isCollected(f, dw)) collected++;
    }
    return { date: x.date, received, completed, collected };
  });
  const e2e: number[] = [];
  let ftfOk = 0;
  let ftfN = 0;
  for (const f of week) {
    if (!isFirstCollected(f, w)) continue;
    e2e.push((Date.parse(f.firstCollectedAt!) - Date.parse(f.receivedAt)) / 1000);
    ftfN++;
    if (!ftfFailed(f)) ftfOk++;
  }
  const openByStatus: Record<string, number> = {};
  for (const f of open) openByStatus[f.status] = (openByStatus[f.status] ?? 0) + 1;
  const sum = (k: 'received' | 'completed' | 'collected') => days.reduce((a, x) => a + x[k], 0);
  const last = days[days.length - 1]!;
  return {
    today: { received: last.received, completed: last.completed, collected: last.collected },
    week: { received: sum('received'), completed: sum('completed'), collected: sum('collected'), medianHours: spreadOfSeconds(e2e).medianHours, ftfRate: rate(ftfOk, ftfN) },
    days,
    openByStatus,
    open: open.length,
    // Open (not yet ready) work past its promised day, as the shop's dashboard counts it.
    overduePromises: open.filter((f) => ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'].includes(f.status) && f.promisedDate < d.today).length,
  };
}
