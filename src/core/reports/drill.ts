/** Drill-down: the tickets behind one figure of the report. */
import type Database from 'better-sqlite3';
import type { ReportWindow } from '../../shared/reports/compute';
import type { Dimension, DrillFigure, ReportFilters } from '../../shared/reports/schemas';
import { DIM_COLUMN, factFilterSql, promiseBreachSql } from './fact-filters';
import { column, tuples } from '../db/statements';

/** The SQL condition on report_facts `f` of a drill-down figure. */
function drillSql(figure: DrillFigure, p: Record<string, unknown>, w: ReportWindow, from: string, to: string): { cond: string; cte: string | null; join: string } {
  const inR = (c: string) => `(f.${c} >= $s AND f.${c} < $e)`;
  switch (figure) {
    case 'received':
      return { cond: inR('received_at'), cte: null, join: '' };
    case 'completed':
      return { cond: `(${inR('first_ready_at')} OR ${inR('last_ready_at')})`, cte: null, join: '' };
    case 'collected':
      return { cond: `(${inR('first_collected_at')} OR ${inR('last_collected_at')})`, cte: null, join: '' };
    case 'cancelled':
      return { cond: inR('cancelled_at'), cte: null, join: '' };
    case 'reopened':
      return { cond: inR('last_reopened_at'), cte: null, join: '' };
    case 'ftfFailed':
      return { cond: `${inR('first_collected_at')} AND (f.reopens > 0 OR f.returned_after_ms <= $window)`, cte: null, join: '' };
    case 'repeat':
      return { cond: `${inR('received_at')} AND f.return_after_ms <= $window`, cte: null, join: '' };
    case 'legalBreach':
      p.legalMs = w.legalLimitDays * 86_400_000;
      return { cond: `${inR('first_ready_at')} AND f.ready_ms > $legalMs`, cte: null, join: '' };
    case 'promiseBreach': {
      const pr = promiseBreachSql(w, from, to, p);
      return { cond: `${inR('first_ready_at')} AND ${pr.expr}`, cte: pr.cte, join: pr.join };
    }
    case 'claimedWarranty':
      return { cond: `${inR('received_at')} AND f.warranty_claimed = 1`, cte: null, join: '' };
    case 'claimedPaid':
      return { cond: `${inR('received_at')} AND f.warranty_claimed <> 1`, cte: null, join: '' };
  }
}

export interface DrillFact {
  ticketId: string;
  receivedAt: string;
  firstReadyAt: string | null;
  firstCollectedAt: string | null;
  techId: string | null;
}

/** The tickets behind a figure (one row of a breakdown), newest first: the total and one page. */
export function drillFacts(
  sqlite: Database.Database,
  w: ReportWindow,
  input: { from: string; to: string; filters: ReportFilters; figure: DrillFigure; groupBy?: Dimension | undefined; groupKey?: string | undefined; offset: number; limit: number },
): { total: number; rows: DrillFact[] } {
  const p: Record<string, unknown> = { s: w.startIso, e: w.endIso, window: w.ftfDays * 86_400_000 };
  const fw = factFilterSql(input.filters, p, 'f.');
  const d = drillSql(input.figure, p, w, input.from, input.to);
  let cond = `${d.cond} AND ${fw}`;
  if (input.groupBy && input.groupKey !== undefined) {
    cond += ` AND f.${DIM_COLUMN[input.groupBy]} = $groupKey`;
    p.groupKey = input.groupKey;
  }
  const from = `${d.cte ? `WITH ${d.cte} ` : ''}SELECT %s FROM report_facts f ${d.join} WHERE ${cond}`;
  const total = column<number>(sqlite, from.replace('%s', 'count(*)')).get(p)!;
  p.limit = input.limit;
  p.offset = input.offset;
  const rows = tuples<[string, string, string | null, string | null, string]>(sqlite, `${from.replace('%s', `f.ticket_id, f.received_at, f.first_ready_at, f.first_collected_at, f.tech_id`)} ORDER BY f.received_at DESC, f.n DESC LIMIT $limit OFFSET $offset`).all(p);
  return { total, rows: rows.map(([ticketId, receivedAt, firstReadyAt, firstCollectedAt, tech]) => ({ ticketId, receivedAt, firstReadyAt, firstCollectedAt, techId: tech || null })) };
}
