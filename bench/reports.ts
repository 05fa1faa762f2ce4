/**
 * Report benchmarks on the generated shop (bench/.cache): the dashboard, a year of one shop and
 * five years (the whole generated history), each through the procedure beside the plain SQL
 * aggregate over the same range (count of collections with the median turnaround) in the same run.
 */
import Database from 'better-sqlite3';
import { openBackend } from '../src/core';
import { addDaysToDate } from '../src/shared/time/local-date';
import { measure, measureSync, type BenchResult, type BenchSuite } from './lib';

export function reportsSuite(dbFile: string, label: string): BenchSuite {
  return {
    name: 'reports',
    async run(): Promise<BenchResult[]> {
      const backend = openBackend({ file: dbFile });
      const token = (await backend.call('auth.login', { username: 'wang', password: 'manager-demo' })).token;
      const raw = new Database(dbFile, { readonly: true });
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const results: BenchResult[] = [];
      const plain = (from: string, to: string) => {
        const s = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
        const e = new Date(Date.parse(`${addDaysToDate(to, 1)}T00:00:00+08:00`)).toISOString();
        return () =>
          raw
            .prepare(
              `SELECT count(*) AS n, median(unixepoch(first_collected_at) - unixepoch(received_at)) AS m FROM report_facts WHERE first_collected_at >= ? AND first_collected_at < ?`,
            )
            .get(s, e);
      };

      const dash = await measure(() => backend.call('reports.dashboard', {}, { token }), { iterations: 20, warmup: 3 });
      const dashBase = measureSync(plain(addDaysToDate(today, -6), today), { iterations: 20, warmup: 3 });
      results.push({
        suite: 'reports', name: `reports.dashboard (${label})`, unit: 'ms', median: dash.median, p95: dash.p95,
        baseline: { name: 'plain SQL: collections and median turnaround, last 7 days', median: dashBase.median, p95: dashBase.p95 },
        target: 'median < 300 ms', met: dash.median < 300,
      });

      // Shop-wide by technician (the manager's usual view), then filtered (rollups keyed by the
      // filter's dimension) and with two filters (the ledgers read directly).
      const tech = raw.prepare(`SELECT tech_id FROM report_facts WHERE tech_id <> '' GROUP BY tech_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string;
      const variants: [string, string, number, Record<string, string>][] = [
        ['one year', addDaysToDate(today, -364), 1000, {}],
        ['five years', addDaysToDate(today, -(5 * 365 - 1)), 3000, {}],
        ['one year, phones only', addDaysToDate(today, -364), 1000, { category: 'phone' }],
        ['one year, one technician', addDaysToDate(today, -364), 1000, { technicianId: tech }],
        ['one year, phones of one brand', addDaysToDate(today, -364), 1000, { category: 'phone', brand: '华为' }],
        ['five years, phones only', addDaysToDate(today, -(5 * 365 - 1)), 3000, { category: 'phone' }],
      ];
      for (const [name, from, target, filters] of variants) {
        const input = { from, to: today, groupBy: 'technician' as const, filters };
        const r = await measure(() => backend.call('reports.run', input, { token }), { iterations: 3, warmup: 1 });
        const base = measureSync(plain(from, today), { iterations: 5, warmup: 1 });
        const span = name.startsWith('five') ? 'five years' : 'one year';
        results.push({
          suite: 'reports', name: `reports.run, ${name}, by technician (${label})`, unit: 'ms', median: r.median, p95: r.p95,
          baseline: { name: `plain SQL: collections and median turnaround, ${span}`, median: base.median, p95: base.p95 },
          target: `median < ${target} ms`, met: r.median < target,
        });
      }
      const drill = await measure(() => backend.call('reports.tickets', { from: addDaysToDate(today, -364), to: today, figure: 'ftfFailed', limit: 50 }, { token }), { iterations: 2, warmup: 0 });
      results.push({ suite: 'reports', name: `reports.tickets (drill-down), one year (${label})`, unit: 'ms', median: drill.median, p95: drill.p95 });
      raw.close();
      await backend.close();
      return results;
    },
  };
}
