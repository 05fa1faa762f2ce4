/**
 * The reports' past days folded (core/reports/rollup-days.ts) on a generated shop: every report
 * over whole days answers exactly what the ledgers answer, before the fold, after it, after a
 * later write into a folded day and in another time zone; the fold shrinks the rows it reads,
 * goes on a day at a time, and a rebuild from the ledgers forgets it.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/core';
import { runReport } from '../../../src/core/reports/report';
import { foldRollupDays, foldedDays } from '../../../src/core/reports/rollup-days';
import { rebuildReportRollups, verifyReportRollups } from '../../../src/core/reports/rollups';
import type { ReportInput } from '../../../src/shared/reports/schemas';
import { seed } from '../../../scripts/seed';
import { tempDir } from '../../helpers/backend';
import { ManualClock, testDate } from '../../helpers/clock';

const clock = new ManualClock();
const DAY = 86_400_000;
let dir: string;
let backend: Backend;
const sql = () => backend.services.sqlite;
const n = (q: string) => sql().prepare(q).pluck().get() as number;
const shopWideParts = () => n(`SELECT count(*) FROM report_parts_hourly WHERE dim = ''`);

let tech: string;
/** Ranges of whole days (a day, a week, a month, the year) with no filter, one and two. */
const inputs = (): ReportInput[] => {
  const ranges: [string, string][] = [
    [testDate(-40), testDate(-40)],
    [testDate(-13), testDate(-7)],
    [testDate(-120), testDate(-90)],
    [testDate(-364), testDate(0)],
  ];
  const filters: ReportInput['filters'][] = [{}, { technicianId: tech }, { category: 'phone' }, { category: 'phone', technicianId: tech }];
  return ranges.flatMap(([from, to]) => filters.map((f) => ({ from, to, filters: f, groupBy: 'technician' as const })));
};
/** The report from the rollups beside the same report from the ledgers. */
const both = (input: ReportInput) => [runReport({ sqlite: sql(), clock }, input), runReport({ sqlite: sql(), clock }, input, false)];

beforeAll(async () => {
  dir = tempDir('fixpoint-fold-');
  const file = await seed({ dataDir: dir, tickets: 1500, years: 1, quiet: true, endMs: clock.now().getTime() });
  backend = openBackend({ file, clock, escalations: { autoStart: false } });
  tech = sql().prepare(`SELECT tech_id FROM report_facts WHERE tech_id <> '' GROUP BY tech_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string;
}, 120_000);

afterAll(async () => {
  await backend?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('folded days of the report rollups', () => {
  it('the generator leaves its shop folded up to yesterday; a rebuild from the ledgers makes every row hourly again', () => {
    expect(foldedDays(sql())).toEqual({ zone: 'Asia/Shanghai', offsetMinutes: 480, until: `${testDate(-1)}T16` });
    const folded = shopWideParts();
    sql().transaction(() => rebuildReportRollups(sql()))();
    expect(foldedDays(sql())).toBeNull();
    expect(shopWideParts()).toBeGreaterThan(folded * 2);
    expect(verifyReportRollups(sql())).toEqual([]);
  });

  it('answers every report exactly as the ledgers do before and after the fold, from far fewer rows', () => {
    const before = inputs().map(both);
    for (const [rolled, ledgers] of before) expect(rolled).toEqual(ledgers);
    const hourly = shopWideParts();
    // a year in batches of a month: 12 months and the days left, then nothing more to do today
    let days = 0;
    let batches = 0;
    for (let d; (d = foldRollupDays(sql(), 'Asia/Shanghai', clock.now(), 31)) > 0; batches++) days += d;
    expect(batches).toBeGreaterThanOrEqual(12);
    expect(foldRollupDays(sql(), 'Asia/Shanghai', clock.now(), 31)).toBe(0);
    expect(days).toBeGreaterThanOrEqual(364);
    expect(shopWideParts()).toBeLessThan(hourly / 2);
    // a folded day's rows all sit at its first hour, 16:00 UTC (midnight in Shenzhen)
    expect(n(`SELECT count(*) FROM report_payments_hourly WHERE hour < '${testDate(-1)}T16' AND substr(hour, 12, 2) <> '16'`)).toBe(0);
    expect(verifyReportRollups(sql())).toEqual([]);
    const after = inputs().map(both);
    for (const [rolled, ledgers] of after) expect(rolled).toEqual(ledgers);
    expect(after.map(([r]) => r)).toEqual(before.map(([r]) => r));
  });

  it('a later write into a folded day (a device recategorised moves its old payments) keeps reports and rollups exact', () => {
    const old = testDate(-60);
    const ticket = sql()
      .prepare(`SELECT p.ticket_id FROM payments p JOIN report_facts f ON f.ticket_id = p.ticket_id WHERE p.at < ? AND f.category = 'phone' LIMIT 1`)
      .pluck()
      .get(`${old}T00:00:00.000Z`) as string;
    sql().prepare(`UPDATE devices SET category = 'tablet' WHERE id = (SELECT device_id FROM tickets WHERE id = ?)`).run(ticket);
    expect(sql().prepare(`SELECT category FROM report_facts WHERE ticket_id = ?`).pluck().get(ticket)).toBe('tablet');
    // the trigger wrote hourly rows into folded days: they sum with the day rows
    expect(n(`SELECT count(*) FROM report_payments_hourly WHERE hour < '${testDate(-1)}T16' AND substr(hour, 12, 2) <> '16'`)).toBeGreaterThan(0);
    expect(verifyReportRollups(sql())).toEqual([]);
    for (const [rolled, ledgers] of [...inputs(), { from: testDate(-364), to: testDate(0), filters: { category: 'tablet' as const } }].map(both)) expect(rolled).toEqual(ledgers);
  });

  it('goes on a day at a time as the days pass, and not at all in another zone than it started in', () => {
    const until = foldedDays(sql())!.until;
    clock.advance(DAY);
    expect(foldRollupDays(sql(), 'Asia/Shanghai', clock.now())).toBe(1);
    expect(foldedDays(sql())!.until).toBe(`${testDate(0)}T16`);
    expect(until).toBe(`${testDate(-1)}T16`);
    expect(foldRollupDays(sql(), 'Asia/Tokyo', new Date(clock.now().getTime() + 3 * DAY))).toBe(0);
    clock.advance(-DAY);
  });

  it('a shop whose time zone changed after the fold reads its reports from the ledgers, still exact', () => {
    const row = sql().prepare('SELECT settings_json FROM shop').pluck().get() as string;
    sql().prepare('UPDATE shop SET settings_json = ?').run(JSON.stringify({ ...JSON.parse(row), timeZone: 'Asia/Tokyo' }));
    try {
      for (const [rolled, ledgers] of inputs().map(both)) expect(rolled).toEqual(ledgers);
    } finally {
      sql().prepare('UPDATE shop SET settings_json = ?').run(row);
    }
  });
});
