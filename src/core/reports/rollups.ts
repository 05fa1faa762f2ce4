/**
 * Hourly and daily rollups of the append-only money ledgers, the follow-ups and the time logs
 * (migration 10), kept by trigger in the writer's transaction like report_facts. A report over a
 * year would otherwise read every payment and every part issued of the range and look each one's
 * ticket up (a filter, the revenue's category): seconds on a 1,000,000-ticket shop. The rollups
 * are derived, not synced, hold no figure of their own (each row is a sum of ledger rows, proven
 * by `verifyReportRollups`), and a report uses them only where they give exactly the raw answer:
 * range ends on whole UTC hours (every whole-hour time zone); otherwise it reads the ledgers.
 *
 * Each ledger row counts once per dimension of its ticket (report_facts): under ('', '') for the
 * shop-wide figures and under ('tech', credited technician), ('category', …), ('brand', lower
 * case), ('service', …) for a report with one filter; a ticket without facts yet counts only
 * shop-wide. Once more in `<table>_combo` with the four dimensions as columns, for two filters or
 * more.
 * - report_payments_hourly: payments by UTC hour of `at`, tender and the ticket's category.
 * - report_parts_hourly: stock issued to / returned from tickets by UTC hour and the part's
 *   category: movements, issue lines, quantity and cost (issues positive).
 * - report_follow_ups_daily: follow-ups by due day and outcome (status, reached, score, problem).
 * - report_time_hourly: finished time logs by UTC hour of their start and who logged them
 *   (under 'tech', the logger: hours are credited to who did the work).
 *
 * When a ticket's dimensions change (the credited technician, an edited device) or a part's
 * category does, its rows' sums move from the old keys to the new; `n`/`moves` count rows so a
 * key left with none drops out of a report.
 */
import type Database from 'better-sqlite3';
import type { ReportFilters } from '../../shared/reports/schemas';
import { tuples } from '../db/statements';
import { foldedDays, foldedHourSql, forgetFoldedDays } from './rollup-days';

const hour = (col: string) => `substr(${col}, 1, 13)`;
const DIMS = `(SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)`;

/**
 * Where a ticket's dimensions come from: the report_facts row joined on the ticket ('join'), a
 * trigger's OLD/NEW report_facts row, or none (shop-wide only, category '').
 */
type Facts = 'join' | 'OLD' | 'NEW' | 'none';

/**
 * 'dims': one row per dimension (dim, value, keys…), for no filter or one; 'combo': the ticket's
 * four dimensions as columns after the time key (`<table>_combo`), for two filters or more: a
 * report scans the range's rows and filters them in place instead of looking each ticket up.
 */
type Shape = 'dims' | 'combo';
const SHAPES: Shape[] = ['dims', 'combo'];
const COMBO_DIMS = ['tech_id', 'category', 'brand', 'service_type'];

/** The facts' category as a key ('' without facts). */
const CATEGORY = '$CATEGORY';

/**
 * The signed contribution of some ledger rows to a rollup, one row per dimension: `from` yields
 * the ledger rows (`(SELECT 1)` for a trigger's NEW/OLD row), `keys` group them after the
 * dimension, `sums` add them up. Ends in GROUP BY, so an upsert after it parses unambiguously.
 */
function contribution(o: { shape: Shape; from: string; ticket: string; facts: Facts; keys: string[]; sums: string[]; sign: 1 | -1; where?: string; tech?: string }): string | null {
  const f = o.facts === 'join' ? 'f' : o.facts;
  const tech = o.tech ?? `${f}.tech_id`;
  const category = o.facts === 'none' ? `''` : o.facts === 'join' ? `coalesce(f.category, '')` : `${f}.category`;
  const keys = o.keys.map((k) => k.replaceAll(CATEGORY, category));
  const sums = o.sums.map((s) => (o.sign === 1 ? s : `-(${s})`));
  if (o.shape === 'combo') {
    // Only tickets with facts: without dimensions no filter can match them.
    if (o.facts === 'none') return null;
    const cols = [keys[0]!, tech, `${f}.category`, `lower(${f}.brand)`, `${f}.service_type`, ...keys.slice(1)];
    return `SELECT ${cols.join(', ')}, ${sums.join(', ')}
      FROM ${o.from} ${o.facts === 'join' ? `JOIN report_facts f ON f.ticket_id = ${o.ticket}` : ''}
      WHERE ${o.where ?? '1'} GROUP BY ${cols.map((_, i) => i + 1).join(', ')}`;
  }
  const value =
    o.facts === 'none' ? `''` : `CASE d.i WHEN 0 THEN '' WHEN 1 THEN ${tech} WHEN 2 THEN ${f}.category WHEN 3 THEN lower(${f}.brand) ELSE ${f}.service_type END`;
  const on = o.facts === 'join' ? `d.i = 0 OR f.ticket_id IS NOT NULL` : o.facts === 'none' ? `d.i = 0` : '1';
  return `SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, ${value}, ${keys.join(', ')}, ${sums.join(', ')}
    FROM ${o.from} ${o.facts === 'join' ? `LEFT JOIN report_facts f ON f.ticket_id = ${o.ticket}` : ''} JOIN ${DIMS} d ON ${on}
    WHERE ${o.where ?? '1'} GROUP BY ${[...Array(2 + keys.length).keys()].map((i) => i + 1).join(', ')}`;
}

interface Rollup {
  table: string;
  keys: string[];
  counts: string[];
  /** A stored row that sums to nothing (its ledger rows moved to other keys) equals no row. */
  something: string;
  /** The contribution of ledger rows `where` (on the source alias), with `facts` for their tickets. */
  rows(shape: Shape, facts: Facts, where: string, sign: 1 | -1): string | null;
}

const movementWhere = `m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return')`;
const ROLLUPS = {
  payments: {
    table: 'report_payments_hourly',
    keys: ['hour', 'tender', 'ticket_category'],
    counts: ['n', 'amount_fen'],
    something: 'n <> 0 OR amount_fen <> 0',
    rows: (shape, facts, where, sign) =>
      contribution({ shape, from: 'payments p', ticket: 'p.ticket_id', facts, where, sign, keys: [hour('p.at'), 'p.tender', CATEGORY], sums: ['count(*)', 'sum(p.amount_fen)'] }),
  },
  parts: {
    table: 'report_parts_hourly',
    keys: ['hour', 'part_category'],
    counts: ['moves', 'lines', 'qty', 'cost_fen'],
    something: 'moves <> 0 OR lines <> 0 OR qty <> 0 OR cost_fen <> 0',
    rows: (shape, facts, where, sign) =>
      contribution({
        shape, from: 'stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id', ticket: 'm.ticket_id', facts, where: `${movementWhere} AND ${where}`, sign,
        keys: [hour('m.at'), `coalesce(pt.category, '')`], sums: ['count(*)', `sum(m.kind = 'issue')`, '-sum(m.qty)', '-sum(m.qty * m.unit_cost)'],
      }),
  },
  followUps: {
    table: 'report_follow_ups_daily',
    keys: ['due_date', 'status', 'reached', 'score', 'problem'],
    counts: ['n'],
    something: 'n <> 0',
    rows: (shape, facts, where, sign) =>
      contribution({ shape, from: 'follow_ups u', ticket: 'u.ticket_id', facts, where, sign, keys: ['u.due_date', 'u.status', 'coalesce(u.reached, -1)', 'coalesce(u.score, 0)', 'u.problem_reported'], sums: ['count(*)'] }),
  },
  time: {
    table: 'report_time_hourly',
    keys: ['hour', 'user_id'],
    counts: ['n', 'minutes'],
    something: 'n <> 0 OR minutes <> 0',
    // Hours belong to who did the work: a technician filter picks the logger, not the ticket's credit.
    rows: (shape, facts, where, sign) =>
      contribution({
        shape, from: 'time_logs l', ticket: 'l.ticket_id', facts, where: `l.ended_at IS NOT NULL AND ${where}`, sign, tech: 'l.user_id',
        keys: [hour('l.started_at'), 'l.user_id'], sums: ['count(*)', 'sum(l.minutes)'],
      }),
  },
} satisfies Record<string, Rollup>;
type RollupName = keyof typeof ROLLUPS;
const NAMES = Object.keys(ROLLUPS) as RollupName[];

const tableOf = (r: Rollup, shape: Shape) => (shape === 'dims' ? r.table : `${r.table}_combo`);
const keyColumns = (r: Rollup, shape: Shape) => (shape === 'dims' ? ['dim', 'value', ...r.keys] : [r.keys[0]!, ...COMBO_DIMS, ...r.keys.slice(1)]);

/** Upsert that adds a contribution to the rows already there ('' when there is nothing to add). */
const add = (r: Rollup, shape: Shape, select: string | null) =>
  select === null
    ? ''
    : `INSERT INTO ${tableOf(r, shape)} (${keyColumns(r, shape).join(', ')}, ${r.counts.join(', ')}) ${select}
  ON CONFLICT (${keyColumns(r, shape).join(', ')}) DO UPDATE SET ${r.counts.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;

const ALIAS: Record<RollupName, string> = { payments: 'p', parts: 'm', followUps: 'u', time: 'l' };
const SOURCE: Record<RollupName, string> = { payments: 'payments', parts: 'stock_movements', followUps: 'follow_ups', time: 'time_logs' };

/** A trigger's NEW/OLD ledger row, as the one-row source `rows` reads (alias p / m / u), into both shapes. */
const single = (r: RollupName, row: 'NEW' | 'OLD', sign: 1 | -1) => {
  const cols: Record<RollupName, string> = {
    payments: `SELECT ${row}.ticket_id AS ticket_id, ${row}.at AS at, ${row}.tender AS tender, ${row}.amount_fen AS amount_fen`,
    parts: `SELECT ${row}.ticket_id AS ticket_id, ${row}.at AS at, ${row}.kind AS kind, ${row}.qty AS qty, ${row}.unit_cost AS unit_cost, ${row}.part_id AS part_id`,
    followUps: `SELECT ${row}.ticket_id AS ticket_id, ${row}.due_date AS due_date, ${row}.status AS status, ${row}.reached AS reached, ${row}.score AS score, ${row}.problem_reported AS problem_reported`,
    time: `SELECT ${row}.ticket_id AS ticket_id, ${row}.user_id AS user_id, ${row}.started_at AS started_at, ${row}.ended_at AS ended_at, ${row}.minutes AS minutes`,
  };
  return SHAPES.map((shape) => add(ROLLUPS[r], shape, ROLLUPS[r].rows(shape, 'join', '1', sign)?.replace(`${SOURCE[r]} ${ALIAS[r]}`, `(${cols[r]}) ${ALIAS[r]}`) ?? null)).join('\n');
};

/** Every ledger row of one ticket moved between two sets of dimensions, in both shapes. */
const moveTicket = (ticket: string, from: Facts, to: Facts) =>
  NAMES.flatMap((r) =>
    SHAPES.flatMap((shape) => {
      const where = `${ALIAS[r]}.ticket_id = ${ticket}`;
      return [add(ROLLUPS[r], shape, ROLLUPS[r].rows(shape, from, where, -1)), add(ROLLUPS[r], shape, ROLLUPS[r].rows(shape, to, where, 1))];
    }),
  ).join('\n');

export const REPORT_ROLLUP_TABLES_SQL = NAMES.flatMap((r) =>
  SHAPES.map((shape) => {
    const { counts } = ROLLUPS[r];
    const keys = keyColumns(ROLLUPS[r], shape);
    const types: Record<string, string> = { reached: 'INTEGER', score: 'INTEGER', problem: 'INTEGER' };
    return `CREATE TABLE ${tableOf(ROLLUPS[r], shape)} (
    ${keys.map((k) => `${k} ${types[k] ?? 'TEXT'} NOT NULL`).join(',\n    ')},
    ${counts.map((c) => `${c} INTEGER NOT NULL`).join(',\n    ')},
    PRIMARY KEY (${keys.join(', ')})
  ) STRICT, WITHOUT ROWID;`;
  }),
).join('\n');

const partsMoved = (category: string, sign: 1 | -1) =>
  SHAPES.map((shape) => add(ROLLUPS.parts, shape, ROLLUPS.parts.rows(shape, 'join', `m.part_id = NEW.id`, sign)!.replace(`coalesce(pt.category, '')`, category))).join('\n');

/** Insert, update and delete triggers of a ledger whose rows change (follow-ups, time logs). */
const changingRows = (name: string, r: RollupName, columns: string) => `
  CREATE TRIGGER report_rollup_${name}_in AFTER INSERT ON ${SOURCE[r]} BEGIN
    ${single(r, 'NEW', 1)}
  END;
  CREATE TRIGGER report_rollup_${name}_up AFTER UPDATE OF ${columns} ON ${SOURCE[r]} BEGIN
    ${single(r, 'OLD', -1)}
    ${single(r, 'NEW', 1)}
  END;
  CREATE TRIGGER report_rollup_${name}_del AFTER DELETE ON ${SOURCE[r]} BEGIN
    ${single(r, 'OLD', -1)}
  END;`;

export const REPORT_ROLLUP_TRIGGERS_SQL = `
  CREATE TRIGGER report_rollup_payment AFTER INSERT ON payments BEGIN
    ${single('payments', 'NEW', 1)}
  END;
  CREATE TRIGGER report_rollup_movement AFTER INSERT ON stock_movements WHEN NEW.ticket_id IS NOT NULL AND NEW.kind IN ('issue', 'return') BEGIN
    ${single('parts', 'NEW', 1)}
  END;
  CREATE TRIGGER report_rollup_part_category AFTER UPDATE OF category ON parts WHEN OLD.category IS NOT NEW.category BEGIN
    ${partsMoved('OLD.category', -1)}
    ${partsMoved('NEW.category', 1)}
  END;
  ${changingRows('follow_up', 'followUps', 'ticket_id, due_date, status, reached, score, problem_reported')}
  ${changingRows('time', 'time', 'ticket_id, user_id, started_at, ended_at, minutes')}
  CREATE TRIGGER report_rollup_facts_in AFTER INSERT ON report_facts
    -- a ticket's first event comes before its ledger rows but for rare cases: check, don't scan
    WHEN EXISTS (SELECT 1 FROM payments WHERE ticket_id = NEW.ticket_id) OR EXISTS (SELECT 1 FROM stock_movements WHERE ticket_id = NEW.ticket_id)
      OR EXISTS (SELECT 1 FROM follow_ups WHERE ticket_id = NEW.ticket_id) OR EXISTS (SELECT 1 FROM time_logs WHERE ticket_id = NEW.ticket_id) BEGIN
    ${moveTicket('NEW.ticket_id', 'none', 'NEW')}
  END;
  CREATE TRIGGER report_rollup_facts_dims AFTER UPDATE OF tech_id, category, brand, service_type ON report_facts
    WHEN OLD.tech_id IS NOT NEW.tech_id OR OLD.category IS NOT NEW.category OR OLD.brand IS NOT NEW.brand OR OLD.service_type IS NOT NEW.service_type BEGIN
    ${moveTicket('NEW.ticket_id', 'OLD', 'NEW')}
  END;
  CREATE TRIGGER report_rollup_facts_out AFTER DELETE ON report_facts BEGIN
    ${moveTicket('OLD.ticket_id', 'OLD', 'none')}
  END;
`;
export const REPORT_ROLLUP_TRIGGER_NAMES = [...REPORT_ROLLUP_TRIGGERS_SQL.matchAll(/CREATE TRIGGER (\w+)/g)].map((m) => m[1]!);

/** Empties the rollups and sums the ledgers into them again (upgrade, seed, repair). */
export function rebuildReportRollups(db: Database.Database): void {
  forgetFoldedDays(db);
  for (const r of NAMES) {
    for (const shape of SHAPES) {
      db.exec(`DELETE FROM ${tableOf(ROLLUPS[r], shape)}`);
      db.exec(add(ROLLUPS[r], shape, ROLLUPS[r].rows(shape, 'join', '1', 1)));
    }
  }
}

/**
 * The rollup rows that differ from a fresh sum of the ledgers, as "table key…" strings. Where
 * whole days were folded (rollup-days.ts) both sides are compared per day: a day row plus the
 * hourly rows written into that day since must sum to the day's ledger rows.
 */
export function verifyReportRollups(db: Database.Database, limit = 20): string[] {
  const out: string[] = [];
  const folded = foldedDays(db);
  for (const r of NAMES) {
    for (const shape of SHAPES) {
      const { counts, something } = ROLLUPS[r];
      const keys = keyColumns(ROLLUPS[r], shape);
      const table = tableOf(ROLLUPS[r], shape);
      const hourly = keys.includes('hour') && folded !== null;
      const perDay = (from: string) =>
        `SELECT * FROM (SELECT ${keys.map((k) => (k === 'hour' ? `${foldedHourSql('hour', folded)} AS hour` : k)).join(', ')}, ${counts.map((c) => `sum(${c}) AS ${c}`).join(', ')}
           FROM ${from} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}) WHERE ${something}`;
      const columns = `(${[...keys, ...counts].join(', ')})`;
      const stored = hourly ? perDay(table) : `SELECT ${[...keys, ...counts].join(', ')} FROM ${table} WHERE ${something}`;
      const fresh = hourly ? `SELECT * FROM (WITH fresh${columns} AS (${ROLLUPS[r].rows(shape, 'join', '1', 1)!}) ${perDay('fresh')})` : ROLLUPS[r].rows(shape, 'join', '1', 1)!;
      const rows = tuples<unknown[]>(db, `SELECT * FROM (SELECT * FROM (${stored}) EXCEPT SELECT * FROM (${fresh}) UNION ALL SELECT * FROM (SELECT * FROM (${fresh}) EXCEPT SELECT * FROM (${stored}))) LIMIT ?`).all(limit);
      for (const row of rows) if (out.length < limit) out.push(`${table} ${row.slice(0, keys.length).join(' ')}`);
    }
  }
  return out;
}

/**
 * Where the rollups answer a report with these filters over [s, e): the 'dims' row key for no
 * filter or one, the 'combo' column conditions for more; null when only the ledgers can (range
 * ends not on whole UTC hours).
 */
export type RollupKey =
  | { shape: 'dims'; params: { dim: string; dimValue: string; sh: string; eh: string } }
  | { shape: 'combo'; where: string; params: Record<string, string> };

export function rollupKey(filters: ReportFilters, s: string, e: string): RollupKey | null {
  if (!/T\d\d:00:00\.000Z$/.test(s) || !/T\d\d:00:00\.000Z$/.test(e)) return null;
  const set = [
    filters.technicianId ? (['tech', 'tech_id', filters.technicianId] as const) : null,
    filters.category ? (['category', 'category', filters.category] as const) : null,
    // SQLite's lower() and NOCASE fold ASCII letters only
    filters.brand ? (['brand', 'brand', filters.brand.replace(/[A-Z]/g, (c) => c.toLowerCase())] as const) : null,
    filters.serviceType ? (['service', 'service_type', filters.serviceType] as const) : null,
  ].filter((x) => x !== null);
  const sh = s.slice(0, 13);
  const eh = e.slice(0, 13);
  if (set.length <= 1) return { shape: 'dims', params: { dim: set[0]?.[0] ?? '', dimValue: set[0]?.[2] ?? '', sh, eh } };
  const params: Record<string, string> = { sh, eh };
  for (const [dim, , value] of set) params[`c_${dim}`] = value;
  return { shape: 'combo', where: set.map(([dim, col]) => `${col} = $c_${dim}`).join(' AND '), params };
}
