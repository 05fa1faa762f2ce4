import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkReport } from '../../../src/shared/hq-console/figures';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from './console-client';
import { NOW, threeShops } from './network-figures-fixture';

/**
 * The network report counted in the engine (HQ 016: counts and percentiles in SQL, follow-ups
 * projected), over real HTTP on SQLite and PostgreSQL: every breakdown of the hand-worked
 * fixture (network-figures-fixture.ts, listed in network-figures.test.ts), then a fourth shop
 * with technicians, stages and follow-up calls, the technician breakdown, and the filters
 * (a technician, a brand in another case) applied to the calls and the takings.
 *
 * Durations in hours, November 2026 in Asia/Shanghai (UTC+8; the range is 10-31 16:00 to 11-30 16:00 UTC):
 *   A1 (SZ01, 华南, phone Huawei): to ready 48, repairing 48, ready 24, end to end 72.
 *   A2 (SZ01, laptop Lenovo): received 11-10, still in repair, promised 11-12 (overdue now).
 *   B1 (GZ01, 华南, phone Xiaomi) and C1 (SH01, 华东, phone Apple): to ready 24, repairing 24, ready 24, end to end 48.
 *   Percentiles interpolate between ranks: of 48, 48, 72 the median is 48 and the 90th 48 + 0.8 × 24 = 67.2.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

type Group = NetworkReport['shops'][number]['report']['groups'][number];
const row = (g: Group) => [g.key, g.received, g.completed, g.collected, g.turnaround.n, g.turnaround.medianHours, g.turnaround.p90Hours, g.ftfRate];

/** A shop's synced rows as a push leaves them (any table), its sequence moved on. */
async function pushRows(hq: TestHq, shopId: string, rows: [table: string, data: Record<string, unknown>][], seq: number): Promise<void> {
  const at = new Date(NOW).toISOString();
  for (const [table, data] of rows) {
    await hq.service.db
      .insertInto('hq_rows')
      .values({ shop_id: shopId, table_name: table, row_id: String(data.id), version: seq, deleted: 0, data: JSON.stringify(data), updated_at: at })
      .execute();
  }
  await hq.service.db.updateTable('hq_shops').set({ last_seq: seq, high_version: seq, schema_version: 19, last_push_at: at }).where('id', '=', shopId).execute();
}

/**
 * CD01 (西南): D1 phone Honor, received 11-02 02:00, diagnosing 04:00, repairing 06:00, ready 11-04 06:00 by 刘工 (u1,
 * credited though 陈工 was assigned), collected 11-05 06:00: received 2 h, diagnosing 2 h, repairing 48 h, ready 24 h,
 * end to end 76 h; promised 11-03, ready after that day ended (a breach). D2 tablet Honor by 陈工 (u2), received
 * 11-15 02:00, repairing, ready 11-16, collected 11-17 02:00 (48 h). Calls: F1 (D1) due 11-08 done, score 4; F2 (D2)
 * due 11-20 done, score 2, a problem reported; F3 (D1) due 11-21 still open (overdue on the 22nd); F4 (D2) due 12-03.
 */
function fourthShop(): [string, Record<string, unknown>][] {
  const ev = (t: string, i: number, at: string, to: string, user: string | null = null): [string, Record<string, unknown>] => ['ticket_events', { id: `${t}-e${i}`, ticket_id: t, at, to_status: to, user_id: user }];
  return [
    ['users', { id: 'u1', username: 'liu', display_name: '刘工', role: 'technician' }],
    ['users', { id: 'u2', username: 'chen', display_name: '陈工', role: 'technician' }],
    ['devices', { id: 'D1-d', category: 'phone', brand: 'Honor', model: 'X1' }],
    ['devices', { id: 'D2-d', category: 'tablet', brand: 'Honor', model: 'P1' }],
    ['tickets', { id: 'D1', number: 'D1', device_id: 'D1-d', technician_id: 'u2', service_type: 'carry_in', promised_date: '2026-11-03', warranty_claimed: 1, fault_codes_json: '[]' }],
    ['tickets', { id: 'D2', number: 'D2', device_id: 'D2-d', technician_id: 'u2', service_type: 'mail_in', promised_date: '2026-11-20', warranty_claimed: 0, fault_codes_json: '[]' }],
    ev('D1', 0, '2026-11-02T02:00:00.000Z', 'received'),
    ev('D1', 1, '2026-11-02T04:00:00.000Z', 'diagnosing'),
    ev('D1', 2, '2026-11-02T06:00:00.000Z', 'repairing'),
    ev('D1', 3, '2026-11-04T06:00:00.000Z', 'ready', 'u1'),
    ev('D1', 4, '2026-11-05T06:00:00.000Z', 'collected'),
    ev('D2', 0, '2026-11-15T02:00:00.000Z', 'received'),
    ev('D2', 1, '2026-11-15T02:00:00.000Z', 'repairing'),
    ev('D2', 2, '2026-11-16T02:00:00.000Z', 'ready', 'u2'),
    ev('D2', 3, '2026-11-17T02:00:00.000Z', 'collected'),
    ['follow_ups', { id: 'F1', ticket_id: 'D1', due_date: '2026-11-08', status: 'done', reached: 1, score: 4, problem_reported: 0 }],
    ['follow_ups', { id: 'F2', ticket_id: 'D2', due_date: '2026-11-20', status: 'done', reached: 1, score: 2, problem_reported: 1 }],
    ['follow_ups', { id: 'F3', ticket_id: 'D1', due_date: '2026-11-21', status: 'open', reached: 0, score: null, problem_reported: 0 }],
    ['follow_ups', { id: 'F4', ticket_id: 'D2', due_date: '2026-12-03', status: 'open', reached: 0, score: null, problem_reported: 0 }],
  ];
}

describe.each(['sqlite', 'postgres'] as HqDialect[])('the network report counted in the engine, head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('every breakdown, technicians, stages, follow-up calls and filters as worked out by hand', async () => {
    const hq = await openTestHq(dialect, { now: () => new Date(NOW) });
    try {
      const { base, token } = await consoleHq(hq);
      await threeShops(hq, token);
      await addUser(token, 'li', 'analyst');
      const analyst = new ConsoleClient(base, { locale: 'en' });
      await analyst.signIn('li', PASSWORDS.other);
      const report = async (input: Record<string, unknown>) => {
        const r = await analyst.call<NetworkReport>('figures.network', { ...NOVEMBER, ...input });
        expect(r.status).toBe(200);
        return r.body;
      };

      // The fixture, every breakdown: [key, received, completed, collected, n, median h, p90 h, first-time-fix rate].
      const byRegion = await report({ groupBy: 'region' });
      expect(byRegion.total!.groups.map(row)).toEqual([['华南', 3, 2, 2, 2, 60, 69.6, 1], ['华东', 1, 1, 1, 1, 48, 48, 1]]);
      expect(byRegion.shops.map((s) => [s.code, s.report.groups.map(row)])).toEqual([
        ['GZ01', [['华南', 1, 1, 1, 1, 48, 48, 1]]],
        ['SH01', [['华东', 1, 1, 1, 1, 48, 48, 1]]],
        ['SZ01', [['华南', 2, 1, 1, 1, 72, 72, 1]]],
      ]);
      const byShop = await report({ groupBy: 'shop' });
      expect(byShop.total!.groups.map((g) => [...row(g), g.label])).toEqual([
        ['SZ01', 2, 1, 1, 1, 72, 72, 1, '深圳店'],
        ['GZ01', 1, 1, 1, 1, 48, 48, 1, '广州店'],
        ['SH01', 1, 1, 1, 1, 48, 48, 1, '上海店'],
      ]);
      expect((await report({ groupBy: 'category' })).total!.groups.map(row)).toEqual([['phone', 3, 3, 3, 3, 48, 67.2, 1], ['laptop', 1, 0, 0, 0, null, null, null]]);
      expect((await report({ groupBy: 'brand' })).total!.groups.map(row)).toEqual([
        ['Apple', 1, 1, 1, 1, 48, 48, 1],
        ['Huawei', 1, 1, 1, 1, 72, 72, 1],
        ['Xiaomi', 1, 1, 1, 1, 48, 48, 1],
        ['Lenovo', 1, 0, 0, 0, null, null, null],
      ]);
      // No ticket names a technician: one row under the empty key.
      const byTech = (await report({ groupBy: 'technician' })).total!;
      expect(byTech.groups.map(row)).toEqual([['', 4, 3, 3, 3, 48, 67.2, 1]]);
      expect(byTech.technicians).toEqual([]);
      // The network's totals over the four tickets of November (C0 was collected in October).
      expect(byTech.volume).toEqual({ received: 4, completed: 3, collected: 3, cancelled: 0, reopened: 0 });
      expect(byTech.turnaround.endToEnd).toEqual({ n: 3, medianHours: 48, p90Hours: 67.2 });
      expect(byTech.turnaround.toReady).toEqual({ n: 3, medianHours: 24, p90Hours: 43.2 });
      expect(byTech.turnaround.stages.repairing).toEqual({ n: 3, medianHours: 24, p90Hours: 43.2 });
      expect(byTech.turnaround.stages.ready).toEqual({ n: 3, medianHours: 24, p90Hours: 24 });
      expect(byTech.turnaround.stages.diagnosing).toEqual({ n: 0, medianHours: null, p90Hours: null });
      expect(byTech.quality).toEqual({
        firstTimeFix: { count: 3, of: 3, rate: 1, windowOpen: 3 },
        repeatRepair: { count: 0, of: 4, rate: 0 },
        legalBreaches: { count: 0, of: 3, rate: 0, openNow: 0 },
        // A2, in repair, was promised for 12 November
        promiseBreaches: { count: 0, of: 3, rate: 0, openNow: 1 },
      });
      expect(byTech.mix).toEqual({ claimedAtIntake: { warranty: 0, paid: 4 }, quotes: { available: true, value: { warranty: 0, paid: 3, mixed: 0, noQuote: 0 } } });
      expect(byTech.revenue.byCategory).toEqual({ available: true, value: [{ key: 'phone', count: 3, amountFen: 65_000 }] });
      // A brand in another case keeps Apple's ticket, its payment and nothing else.
      const apple = (await report({ filters: { brand: 'APPLE' } })).total!;
      expect([apple.volume.received, apple.revenue.byTender, apple.revenue.byCategory]).toEqual([1, { available: true, value: [{ key: 'alipay', count: 1, amountFen: 30_000 }] }, { available: true, value: [{ key: 'phone', count: 1, amountFen: 30_000 }] }]);

      // A fourth shop with technicians and follow-up calls.
      const cd = (await token.call<{ shop: { id: string } }>('shops.create', { code: 'CD01', name: '成都店' })).body.shop.id;
      expect((await token.call('shops.setRegion', { shopId: cd, region: '西南' })).status).toBe(200);
      await pushRows(hq, cd, fourthShop(), 1);
      const net = (await report({ groupBy: 'technician' })).total!;
      expect(net.groups.map((g) => [...row(g), g.label])).toEqual([
        ['', 4, 3, 3, 3, 48, 67.2, 1, ''],
        ['u1', 1, 1, 1, 1, 76, 76, 1, '刘工'],
        ['u2', 1, 1, 1, 1, 48, 48, 1, '陈工'],
      ]);
      // (hours logged: 0, not absent — the other shops' quotes make the network's time figures available)
      const tech = (id: string) => net.technicians.find((t) => t.userId === id);
      expect(tech('u1')).toEqual({ userId: 'u1', name: '刘工', completed: 1, collected: 1, ftfRate: 1, repairHours: { n: 1, medianHours: 48, p90Hours: 48 }, hoursLogged: 0 });
      expect(tech('u2')).toEqual({ userId: 'u2', name: '陈工', completed: 1, collected: 1, ftfRate: 1, repairHours: { n: 1, medianHours: 24, p90Hours: 24 }, hoursLogged: 0 });
      // End to end over 72, 48, 48, 76, 48: median 48, 90th 72 + 0.6 × 4 = 74.4; D1 alone spent time received and diagnosing.
      expect(net.turnaround.endToEnd).toEqual({ n: 5, medianHours: 48, p90Hours: 74.4 });
      expect(net.turnaround.stages.received).toEqual({ n: 1, medianHours: 2, p90Hours: 2 });
      expect(net.turnaround.stages.repairing).toEqual({ n: 5, medianHours: 24, p90Hours: 48 });
      expect(net.quality.promiseBreaches).toEqual({ count: 1, of: 5, rate: 0.2, openNow: 1 });
      expect(net.mix.claimedAtIntake).toEqual({ warranty: 1, paid: 5 });
      // The calls due in November: F1–F3 (F4 is due in December); F3 overdue on the 22nd.
      expect(net.satisfaction).toEqual({ due: 3, done: 2, reached: 2, scored: 2, averageScore: 3, scores: [0, 1, 0, 1, 0], problems: 1, overdueNow: 1 });
      const cdReport = (await report({ groupBy: 'region', filters: { shop: 'CD01' } })).shops[0]!.report;
      expect(cdReport.groups.map(row)).toEqual([['西南', 2, 2, 2, 2, 62, 73.2, 1]]);
      expect(cdReport.mix.quotes).toEqual({ available: false, reasonKey: 'reports.na.quotes' });
      // 刘工's tickets: D1 and its two calls (F1 done with 4, F3 overdue).
      const liu = (await report({ filters: { technicianId: 'u1' } })).total!;
      expect(liu.volume.received).toBe(1);
      expect(liu.satisfaction).toEqual({ due: 2, done: 1, reached: 1, scored: 1, averageScore: 4, scores: [0, 0, 0, 1, 0], problems: 0, overdueNow: 1 });
      expect(liu.technicians.map((t) => t.userId)).toEqual(['u1']);
      const honor = (await report({ groupBy: 'category', filters: { brand: 'honor' } })).total!;
      expect(honor.groups.map(row)).toEqual([['phone', 1, 1, 1, 1, 76, 76, 1], ['tablet', 1, 1, 1, 1, 48, 48, 1]]);
      expect(honor.satisfaction.due).toBe(3);
    } finally {
      await hq.close();
    }
  }, 120_000);
});
