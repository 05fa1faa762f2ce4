import type { NetworkReport } from '../../../shared/hq-console/contract';
import type { ReportResult } from '../../../shared/reports/schemas';

/** One line of the network table: what a service manager compares between shops. */
export interface FigureRow {
  code: string;
  name: string;
  received: number;
  completed: number;
  collected: number;
  /** 0–1, null when nothing was collected. */
  ftfRate: number | null;
  medianHours: number | null;
  revenueFen: number | null;
  complaints: number;
}

function row(code: string, name: string, r: ReportResult): FigureRow {
  return {
    code,
    name,
    received: r.volume.received,
    completed: r.volume.completed,
    collected: r.volume.collected,
    ftfRate: r.quality.firstTimeFix.rate,
    medianHours: r.turnaround.endToEnd.medianHours,
    revenueFen: r.revenue.byTender.available ? r.revenue.byTender.value.reduce((a, x) => a + x.amountFen, 0) : null,
    complaints: r.complaints.opened,
  };
}

/** Every shop's line, then the network's (code '' names the total). */
export function figureRows(res: NetworkReport): { shops: FigureRow[]; total: FigureRow | null } {
  return { shops: res.shops.map((s) => row(s.code, s.name, s.report)), total: res.total ? row('', '', res.total) : null };
}

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** The table as CSV (money in yuan with two decimals, rates in percent), headers in the reader's language. */
export function figuresCsv(rows: FigureRow[], headers: string[], totalLabel: string): string {
  const lines = [headers.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [r.code || totalLabel, r.name, r.received, r.completed, r.collected, r.ftfRate === null ? '' : (r.ftfRate * 100).toFixed(1), r.medianHours ?? '', r.revenueFen === null ? '' : (r.revenueFen / 100).toFixed(2), r.complaints]
        .map((v) => cell(String(v)))
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
