/**
 * Whole past days of the hourly rollups folded into one row per day. A report's range always
 * starts and ends on the shop's midnights, so the 24 hourly rows of a local day are only ever
 * read together: summed into one row keyed by the day's first hour (UTC), every report over
 * whole days gives exactly the answer it gave before, from up to 24 times fewer rows (a
 * five-year report read every hour of five years, then sorted them by category). The triggers
 * keep writing hourly rows, also into folded days (a ticket whose technician changes moves its
 * old payments' hours): a day row and stray hourly rows of the same day still sum to the day.
 *
 * Only a shop whose zone keeps one offset over the folded days is folded (China has no summer
 * time); the fold stops before an offset change, and a report in another zone than the one the
 * days were folded in reads the ledgers (report.ts, sideFigures). The state lives in `meta`.
 */
import type Database from 'better-sqlite3';
import { zonedDayStartIso } from '../../shared/reports/compute';
import { addDaysToDate, localDate } from '../../shared/time/local-date';
import { column, prepared, run, tuples } from '../db/statements';

const META_KEY = 'report_rollup_days';

/** The folded rollups: [first hour…until) of `zone`, each day's rows under its first hour. */
export interface FoldedDays {
  zone: string;
  offsetMinutes: number;
  /** The first hour not folded (UTC, 'YYYY-MM-DDTHH'). */
  until: string;
}

/** The hourly rollups, their key columns (the hour first after the dimension columns) and sums. */
const HOURLY: { table: string; lead: string[]; keys: string[]; counts: string[] }[] = [
  { table: 'report_payments_hourly', lead: ['dim', 'value'], keys: ['tender', 'ticket_category'], counts: ['n', 'amount_fen'] },
  { table: 'report_parts_hourly', lead: ['dim', 'value'], keys: ['part_category'], counts: ['moves', 'lines', 'qty', 'cost_fen'] },
  { table: 'report_time_hourly', lead: ['dim', 'value'], keys: ['user_id'], counts: ['n', 'minutes'] },
  { table: 'report_payments_hourly_combo', lead: [], keys: ['tech_id', 'category', 'brand', 'service_type', 'tender', 'ticket_category'], counts: ['n', 'amount_fen'] },
  { table: 'report_parts_hourly_combo', lead: [], keys: ['tech_id', 'category', 'brand', 'service_type', 'part_category'], counts: ['moves', 'lines', 'qty', 'cost_fen'] },
  { table: 'report_time_hourly_combo', lead: [], keys: ['tech_id', 'category', 'brand', 'service_type', 'user_id'], counts: ['n', 'minutes'] },
];

/** The first hour of the shop's day that `col` (a UTC hour) falls in, for a fixed offset. */
export const dayHourSql = (col: string, offsetMinutes: number) =>
  `strftime('%Y-%m-%dT%H', substr(${col}, 1, 10) || ' ' || substr(${col}, 12, 2) || ':00', '${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes', 'start of day', '${-offsetMinutes >= 0 ? '+' : ''}${-offsetMinutes} minutes')`;

/** An hour key as stored after the fold: the day's first hour before `until`, the hour itself after. */
export const foldedHourSql = (col: string, f: FoldedDays | null) => (f ? `CASE WHEN ${col} < '${f.until}' THEN ${dayHourSql(col, f.offsetMinutes)} ELSE ${col} END` : col);

export function foldedDays(sqlite: Database.Database): FoldedDays | null {
  const v = column<string | undefined>(sqlite, `SELECT value FROM meta WHERE key = '${META_KEY}'`).get();
  return v ? (JSON.parse(v) as FoldedDays) : null;
}

/** After a rebuild from the ledgers every row is hourly again. */
export function forgetFoldedDays(sqlite: Database.Database): void {
  run(sqlite, `DELETE FROM meta WHERE key = ?`, META_KEY);
}

const hourOf = (iso: string) => iso.slice(0, 13);
const isWholeHour = (iso: string) => /T\d\d:00:00\.000Z$/.test(iso);

/**
 * Folds the whole days before `now`'s local day, at most `maxDays` of them (in one transaction
 * per call; the maintenance tick calls again until it answers 0). Answers the days folded.
 */
export function foldRollupDays(sqlite: Database.Database, timeZone: string, now: Date, maxDays = 62): number {
  const state = foldedDays(sqlite);
  if (state && state.zone !== timeZone) return 0;
  const today = localDate(now, timeZone);
  let from: string;
  if (state) from = localDate(new Date(`${state.until}:00:00.000Z`), timeZone);
  else {
    const first = column<string | null>(sqlite, `SELECT min(hour) FROM (SELECT min(hour) AS hour FROM report_payments_hourly_combo UNION ALL SELECT min(hour) FROM report_parts_hourly_combo UNION ALL SELECT min(hour) FROM report_time_hourly_combo UNION ALL SELECT min(hour) FROM report_payments_hourly WHERE dim = '' AND value = '' UNION ALL SELECT min(hour) FROM report_parts_hourly WHERE dim = '' AND value = '' UNION ALL SELECT min(hour) FROM report_time_hourly WHERE dim = '' AND value = '')`).get();
    if (!first) return 0;
    from = localDate(new Date(`${first}:00:00.000Z`), timeZone);
  }
  // The days to fold: whole hours, 24 of them, all at the offset of the first (or of the state).
  const start = zonedDayStartIso(from, timeZone);
  if (!isWholeHour(start)) return 0;
  const offsetMinutes = state?.offsetMinutes ?? Math.round((Date.parse(`${from}T00:00:00Z`) - Date.parse(start)) / 60_000);
  let days = 0;
  let end = start;
  for (let d = from; d < today && days < maxDays; d = addDaysToDate(d, 1)) {
    const next = zonedDayStartIso(addDaysToDate(d, 1), timeZone);
    if (Date.parse(next) - Date.parse(end) !== 86_400_000 || (Date.parse(`${addDaysToDate(d, 1)}T00:00:00Z`) - Date.parse(next)) / 60_000 !== offsetMinutes) break;
    end = next;
    days++;
  }
  if (days === 0) return 0;
  const a = hourOf(start);
  const b = hourOf(end);
  sqlite.transaction(() => {
    for (const t of HOURLY) foldTable(sqlite, t, a, b, offsetMinutes);
    const next: FoldedDays = { zone: timeZone, offsetMinutes, until: b };
    run(sqlite, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, META_KEY, JSON.stringify(next));
  })();
  return days;
}

/** One table's rows in [a, b) summed per day and written back, rows that sum to nothing dropped. */
function foldTable(sqlite: Database.Database, t: (typeof HOURLY)[number], a: string, b: string, offsetMinutes: number): void {
  const cols = [...t.lead, 'hour', ...t.keys];
  const sums = t.counts.map((c) => `sum(${c})`);
  const groups = [...t.lead, dayHourSql('hour', offsetMinutes), ...t.keys];
  const insert = prepared(sqlite, `INSERT INTO ${t.table} (${[...cols, ...t.counts].join(', ')}) VALUES (${[...cols, ...t.counts].map(() => '?').join(', ')})`);
  const foldRange = (where: string, params: unknown[]) => {
    const rows = tuples<unknown[]>(sqlite, `SELECT ${groups.join(', ')}, ${sums.join(', ')} FROM ${t.table} WHERE ${where} GROUP BY ${groups.map((_, i) => i + 1).join(', ')}`).all(...params);
    run(sqlite, `DELETE FROM ${t.table} WHERE ${where}`, ...params);
    for (const r of rows) if (r.slice(cols.length).some((x) => x !== 0)) insert.run(...r);
  };
  if (t.lead.length === 0) return foldRange(`hour >= ? AND hour < ?`, [a, b]);
  // Each (dim, value) is its own range of the primary key: found a seek at a time, never a scan.
  const next = tuples<[string, string]>(sqlite, `SELECT dim, value FROM ${t.table} WHERE (dim, value) > (?, ?) ORDER BY dim, value LIMIT 1`);
  let key: [string, string] | undefined = tuples<[string, string]>(sqlite, `SELECT dim, value FROM ${t.table} ORDER BY dim, value LIMIT 1`).get();
  while (key) {
    foldRange(`dim = ? AND value = ? AND hour >= ? AND hour < ?`, [key[0], key[1], a, b]);
    key = next.get(key[0], key[1]);
  }
}
