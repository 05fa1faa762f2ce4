/**
 * The reference the SQL aggregation is checked against: every fact that touches the range loaded
 * row by row (as the first version of the reports did) with the return flags worked out in
 * JavaScript, then computeReport — the same arithmetic head office runs.
 */
import type Database from 'better-sqlite3';
import { drillMatches, groupKeyOf, passesFilters, type FactRow, type ReportWindow } from '../../../src/shared/reports/compute';
import { STAGES, emptyStages, returnFlags } from '../../../src/shared/reports/math';
import type { Dimension, DrillFigure, ReportFilters } from '../../../src/shared/reports/schemas';

export function referenceFacts(sqlite: Database.Database, w: ReportWindow, filters: ReportFilters): FactRow[] {
  const all = (sqlite.prepare(`SELECT * FROM report_facts`).all() as Record<string, unknown>[]).map((r) => {
    const stageSeconds = emptyStages();
    for (const s of STAGES) stageSeconds[s] = r[`s_${s}`] as number;
    return {
      ticketId: r.ticket_id as string,
      receivedAt: r.received_at as string,
      firstReadyAt: r.first_ready_at as string | null,
      lastReadyAt: r.last_ready_at as string | null,
      firstCollectedAt: r.first_collected_at as string | null,
      lastCollectedAt: r.last_collected_at as string | null,
      cancelledAt: r.cancelled_at as string | null,
      status: r.status as string,
      stageSeconds,
      reopens: r.reopens as number,
      lastReopenedAt: r.last_reopened_at as string | null,
      techId: (r.credit_user_id ?? r.technician_id) as string | null,
      deviceId: (r.device_id ?? '') as string,
      category: r.category as string,
      brand: r.brand as string,
      serviceType: r.service_type as string,
      promisedDate: r.promised_date as string,
      faultKey: r.fault_key as string,
      warrantyClaimed: r.warranty_claimed === 1,
      returned: false,
      isReturn: false,
    } satisfies FactRow;
  });
  const flags = returnFlags(all, w.ftfDays);
  for (const f of all) Object.assign(f, flags.get(f.ticketId));
  const touches = (f: FactRow) =>
    [f.receivedAt, f.firstReadyAt, f.lastReadyAt, f.firstCollectedAt, f.lastCollectedAt, f.cancelledAt, f.lastReopenedAt].some((x) => x !== null && x >= w.startIso && x < w.endIso);
  return all.filter((f) => touches(f) && passesFilters(f, filters));
}

export function referenceDrill(facts: FactRow[], w: ReportWindow, figure: DrillFigure, groupBy?: Dimension, groupKey?: string): string[] {
  return facts
    .filter((f) => drillMatches(figure, f, w) && (!groupBy || groupKey === undefined || groupKeyOf(f, groupBy) === groupKey))
    .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0))
    .map((f) => f.ticketId);
}
