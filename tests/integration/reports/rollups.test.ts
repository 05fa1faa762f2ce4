/**
 * The rollups of migration 10 (src/core/reports/rollups.ts) answer a report exactly as the
 * ledgers do: over the fixed history plus payments, refunds, a device and a part that change
 * category, a technician hand-over, a time log stopped later, follow-up outcomes, in whole-hour zones (rollups used) and a half-hour zone
 * (ledgers read). A tampered rollup is found by reports.verifyFacts; an upgrade from the landed
 * release sums its ledgers once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/core';
import { runReport } from '../../../src/core/reports/report';
import { rebuildReportFacts } from '../../../src/core/reports/facts';
import { verifyReportRollups } from '../../../src/core/reports/rollups';
import type { ReportFilters } from '../../../src/shared/reports/schemas';
import { makeBackend, setupShop, tempDir } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { buildHistory, type Fixture } from './fixture';

let backend: Backend;
let fx: Fixture;
let clock: ManualClock;
const opened: Backend[] = [];

function pay(ticket: string, kind: 'deposit' | 'settlement' | 'refund', tender: string, fen: number, at: string) {
  const { sqlite, newId } = backend.services;
  sqlite
    .prepare(`INSERT INTO payments (id, ticket_id, kind, tender, amount_fen, business_date, at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(newId(), ticket, kind, tender, fen, at.slice(0, 10), at);
}

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-09-01T02:00:00.000Z'));
  ({ backend } = makeBackend({ clock }));
  await setupShop(backend);
  fx = await buildHistory(backend, clock);
  const { sqlite, newId } = backend.services;
  pay(fx.ids.T1!, 'settlement', 'wechat', 35000, '2026-11-02T02:00:00.000Z');
  pay(fx.ids.T2!, 'deposit', 'cash', 5000, '2026-11-03T02:10:00.000Z');
  pay(fx.ids.T2!, 'settlement', 'card', 8000, '2026-11-04T02:00:00.000Z');
  pay(fx.ids.T2!, 'refund', 'card', -3000, '2026-11-08T09:30:00.000Z');
  // 23:30 local on 30 Nov in Shanghai: inside a range ending that day, outside one ending 29 Nov.
  pay(fx.ids.T7!, 'deposit', 'alipay', 2000, '2026-11-30T15:30:00.000Z');
  // T2's device turns out to be a tablet; the screen part is re-filed under batteries.
  sqlite.prepare(`UPDATE devices SET category = 'tablet' WHERE id = ?`).run(fx.ids['T2.device']!);
  sqlite.prepare(`UPDATE parts SET category = 'battery' WHERE sku = 'SCR-X'`).run();
  // T1's brand respelled (a brand filter ignores ASCII case); T7 handed to the manager.
  sqlite.prepare(`UPDATE devices SET brand = 'HUAWEI' WHERE id = ?`).run(fx.ids['T1.device']!);
  sqlite.prepare(`UPDATE tickets SET technician_id = ? WHERE id = ?`).run(fx.users.manager, fx.ids.T7!);
  // A time log started on T2 by the technician and stopped 45 minutes later (the row changes).
  const log = newId();
  sqlite.prepare(`INSERT INTO time_logs (id, ticket_id, user_id, started_at, minutes, created_at) VALUES (?, ?, ?, ?, 0, ?)`)
    .run(log, fx.ids.T2!, fx.users.technician, '2026-11-03T05:10:00.000Z', '2026-11-03T05:10:00.000Z');
  sqlite.prepare(`UPDATE time_logs SET ended_at = ?, minutes = 45 WHERE id = ?`).run('2026-11-03T05:55:00.000Z', log);
  // …and corrected to 42 minutes.
  sqlite.prepare(`UPDATE time_logs SET minutes = 42 WHERE id = ?`).run(log);
}, 60_000);
afterAll(async () => {
  await backend?.close();
  for (const b of opened) await b.close();
});

const RANGES: [string, string][] = [
  ['2026-11-01', '2026-11-30'],
  ['2026-11-01', '2026-11-29'],
  ['2026-09-01', '2026-12-01'],
  ['2026-11-04', '2026-11-08'],
];

describe.each(['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'])('rollups = ledgers (%s)', (timeZone) => {
  beforeAll(() => {
    const { sqlite } = backend.services;
    const row = sqlite.prepare(`SELECT settings_json FROM shop`).get() as { settings_json: string };
    sqlite.prepare(`UPDATE shop SET settings_json = ?`).run(JSON.stringify({ ...JSON.parse(row.settings_json), timeZone }));
  });

  it('revenue by tender and category, parts and satisfaction, for every range, shop-wide and filtered', () => {
    const ctx = { sqlite: backend.services.sqlite, clock };
    const filterSets: ReportFilters[] = [
      {}, { technicianId: fx.users.technician }, { technicianId: fx.users.manager }, { category: 'phone' }, { category: 'tablet' },
      { brand: 'huawei' }, { brand: '小米' }, { serviceType: 'carry_in' }, { category: 'phone', brand: 'HUAWEI' }, { technicianId: fx.users.technician, category: 'phone', serviceType: 'carry_in' },
    ];
    for (const [from, to] of RANGES) {
      for (const filters of filterSets) {
        const fast = runReport(ctx, { from, to, filters }, true);
        const slow = runReport(ctx, { from, to, filters }, false);
        expect(fast, `${from}..${to} ${JSON.stringify(filters)}`).toEqual(slow);
      }
    }
  });
});

describe('what the rollups hold', () => {
  it('the moved categories and the signed refund, as a manager reads them', () => {
    const { sqlite } = backend.services;
    const row = sqlite.prepare(`SELECT settings_json FROM shop`).get() as { settings_json: string };
    sqlite.prepare(`UPDATE shop SET settings_json = ?`).run(JSON.stringify({ ...JSON.parse(row.settings_json), timeZone: 'Asia/Shanghai' }));
    const r = runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-30', filters: {} });
    // T1 (phone) 35000 + T7 (phone) 2000; T2 (now a tablet) 5000 + 8000 − 3000.
    expect(r.revenue.byCategory).toEqual({ available: true, value: [
      { key: 'phone', count: 2, amountFen: 37000 },
      { key: 'tablet', count: 3, amountFen: 10000 },
    ] });
    expect(r.revenue.byTender).toEqual({ available: true, value: [
      { key: 'wechat', count: 1, amountFen: 35000 },
      // equal sums: by key
      { key: 'card', count: 2, amountFen: 5000 },
      { key: 'cash', count: 1, amountFen: 5000 },
      { key: 'alipay', count: 1, amountFen: 2000 },
    ] });
    // Two screens issued, one returned, at 12000 fen: one line of cost 12000, now under batteries.
    expect(r.parts.byCategory).toEqual([{ key: 'battery', count: 1, qty: 1, amountFen: 12000 }]);
    // Filtered by the technician T7 was handed to: its deposit moved with it.
    const manager = runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-30', filters: { technicianId: fx.users.manager } });
    expect(manager.revenue.byTender).toMatchObject({ value: expect.arrayContaining([{ key: 'alipay', count: 1, amountFen: 2000 }]) });
    const technician = runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-30', filters: { technicianId: fx.users.technician } });
    expect(technician.revenue.byTender).toMatchObject({ value: expect.not.arrayContaining([expect.objectContaining({ key: 'alipay' })]) });
    // Hours go to who logged them: the technician's 90 minutes on T1 and 42 on T2 (T2's credit is the manager's).
    const hours = (r: typeof technician, id: string) => r.technicians.find((x) => x.userId === id)?.hoursLogged;
    expect(hours(technician, fx.users.technician)).toBe(2.2); // 2.2 h
    expect(hours(r, fx.users.manager)).toBe(0.5);
    // T7's 23:30 deposit is outside a range that ends the day before.
    const before = runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-29', filters: {} });
    expect(before.revenue.byTender).toMatchObject({ value: expect.not.arrayContaining([expect.objectContaining({ key: 'alipay' })]) });
    expect(verifyReportRollups(sqlite)).toEqual([]);
  });

  it('reports.verifyFacts finds a tampered rollup row', async () => {
    const { sqlite } = backend.services;
    const tok = await fx.tok('manager');
    expect((await backend.call('reports.verifyFacts', {}, { token: tok })).mismatches).toEqual([]);
    sqlite.prepare(`UPDATE report_payments_hourly SET amount_fen = amount_fen + 1 WHERE tender = 'wechat'`).run();
    const { mismatches } = await backend.call('reports.verifyFacts', {}, { token: tok });
    expect(mismatches).toContain('report_payments_hourly   2026-11-02T02 wechat phone');
    sqlite.prepare(`UPDATE report_payments_hourly SET amount_fen = amount_fen - 1 WHERE tender = 'wechat'`).run();
  });

  it('a rebuilt projection (every ticket\'s facts deleted and folded again) leaves the rollups whole', () => {
    const { sqlite } = backend.services;
    const before = runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-30', filters: { category: 'tablet' } });
    sqlite.transaction(() => rebuildReportFacts(sqlite))();
    expect(verifyReportRollups(sqlite)).toEqual([]);
    expect(runReport({ sqlite, clock }, { from: '2026-11-01', to: '2026-11-30', filters: { category: 'tablet' } })).toEqual(before);
  });

  it('an upgrade from the landed release (schema 9) sums its ledgers once, then keeps them by trigger', async () => {
    const copy = path.join(tempDir(), 'shop.sqlite');
    fs.copyFileSync(path.resolve('tests/fixtures/releases/0.1.0-schema9.sqlite'), copy);
    const up = openBackend({ file: copy });
    opened.push(up);
    const { sqlite } = up.services;
    const n = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(n('report_payments_hourly')).toBeGreaterThan(0);
    expect(n('report_follow_ups_daily')).toBeGreaterThan(0);
    expect(verifyReportRollups(sqlite)).toEqual([]);
    sqlite.prepare(`UPDATE devices SET category = 'laptop' WHERE id = (SELECT t.device_id FROM payments p JOIN tickets t ON t.id = p.ticket_id LIMIT 1)`).run();
    expect(verifyReportRollups(sqlite)).toEqual([]);
  });
});
