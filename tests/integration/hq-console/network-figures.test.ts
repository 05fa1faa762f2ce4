import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkDashboard, NetworkDrill, NetworkReport, ExportFile } from '../../../src/shared/hq-console/figures';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';
import { NOW, threeShops, writeShop } from './network-figures-fixture';

/**
 * The network's figures over real HTTP against head office on SQLite and PostgreSQL, from three
 * shops' synced rows written as a push leaves them (hq_rows), small enough that every expected
 * value below is worked out by hand: grouped by region, the drill-down of a region's tickets with
 * the customer masked, the CSV and XLSX of both (headers translated, numbers as numbers), the
 * dashboard, a push that moves a shop's figures, and who may read and set what.
 *
 * The histories (network-figures-fixture.ts; times UTC, Asia/Shanghai is +8):
 *   SZ01 (华南): A1 phone Huawei 王小明, received 11-03 02:00, ready 11-05 02:00, collected 11-06 02:00, paid ¥200 cash;
 *                A2 laptop Lenovo 李四, received 11-10 02:00, in repair, promised 11-12.
 *   GZ01 (华南): B1 phone Xiaomi Wang Fang, received 11-12 02:00, ready 11-13 02:00, collected 11-14 02:00, paid ¥150 WeChat.
 *   SH01 (华东): C1 phone Apple 张伟, received 11-20 02:00, ready 11-21 02:00, collected 11-22 02:00, paid ¥300 Alipay;
 *                C0 received 10-20, collected 10-23 (outside November).
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe.each(['sqlite', 'postgres'] as HqDialect[])('the network\'s figures, head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('by region, drill-down, exports, dashboard; roles', async () => {
    const hq = await openTestHq(dialect, { now: () => new Date(NOW) });
    try {
      const { base, token } = await consoleHq(hq);
      const ids = await threeShops(hq, token);

      for (const [name, role] of [['li', 'analyst'], ['wang', 'service_manager'], ['zhao', 'claims_reviewer']] as const) await addUser(token, name, role);
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const analyst = await as('li');

      // By region: 华南 = A1, A2, B1 received, A1 and B1 completed and collected (72 h and 48 h: median 60 h); 华东 = C1 (48 h).
      const byRegion = (await analyst.call<NetworkReport>('figures.network', { ...NOVEMBER, groupBy: 'region' })).body;
      expect(byRegion.groupBy).toBe('region');
      const groups = Object.fromEntries(byRegion.total!.groups.map((g) => [g.key, { received: g.received, completed: g.completed, collected: g.collected, median: g.turnaround.medianHours, ftf: g.ftfRate }]));
      expect(groups).toEqual({ 华南: { received: 3, completed: 2, collected: 2, median: 60, ftf: 1 }, 华东: { received: 1, completed: 1, collected: 1, median: 48, ftf: 1 } });
      expect(byRegion.total!.volume).toMatchObject({ received: 4, completed: 3, collected: 3 });
      // takings: ¥200 + ¥150 + ¥300
      expect(byRegion.total!.revenue.byTender).toEqual({ available: true, value: expect.arrayContaining([{ key: 'alipay', count: 1, amountFen: 30_000 }, { key: 'cash', count: 1, amountFen: 20_000 }, { key: 'wechat', count: 1, amountFen: 15_000 }]) });
      expect(byRegion.shops.map((s) => [s.code, s.region, s.report.volume.received])).toEqual([['GZ01', '华南', 1], ['SH01', '华东', 1], ['SZ01', '华南', 2]]);
      // by shop: keys are the codes, labels the names; by brand: the shop's own dimension
      const byShop = (await analyst.call<NetworkReport>('figures.network', { ...NOVEMBER, groupBy: 'shop' })).body.total!.groups;
      expect(byShop.map((g) => [g.key, g.label, g.received]).sort()).toEqual([['GZ01', '广州店', 1], ['SH01', '上海店', 1], ['SZ01', '深圳店', 2]]);
      const oneShop = (await analyst.call<NetworkReport>('figures.network', { ...NOVEMBER, groupBy: 'category', filters: { shop: 'SZ01' } })).body;
      expect(oneShop.shops.map((s) => s.code)).toEqual(['SZ01']);
      expect(oneShop.total!.groups.map((g) => [g.key, g.received]).sort()).toEqual([['laptop', 1], ['phone', 1]]);

      // Drill-down: 华南's received tickets, newest first; the customer masked, nothing else of them.
      const drill = (await analyst.call<NetworkDrill>('figures.tickets', { ...NOVEMBER, groupBy: 'region', figure: 'received', groupKey: '华南' })).body;
      expect(drill.total).toBe(3);
      expect(drill.rows.map((r) => [r.shopCode, r.number, r.status, r.customer, r.paidFen, r.quotedFen])).toEqual([
        ['GZ01', 'B1', 'collected', 'W*** F***', 15_000, 15_000],
        ['SZ01', 'A2', 'repairing', '李*', 0, null],
        ['SZ01', 'A1', 'collected', '王**', 20_000, 20_000],
      ]);
      expect(drill.rows[2]).toMatchObject({ receivedAt: '2026-11-03T02:00:00.000Z', firstReadyAt: '2026-11-05T02:00:00.000Z', firstCollectedAt: '2026-11-06T02:00:00.000Z', category: 'phone', brand: 'Huawei' });
      expect(JSON.stringify(drill)).not.toContain('13812345678');
      expect(JSON.stringify(drill)).not.toContain('王小明');
      const collected华东 = (await analyst.call<NetworkDrill>('figures.tickets', { ...NOVEMBER, groupBy: 'region', figure: 'collected', groupKey: '华东' })).body;
      expect(collected华东.rows.map((r) => r.number)).toEqual(['C1']);

      // XLSX of the report, in English: numbers are numbers (yuan, percent).
      const xlsx = (await analyst.call<ExportFile>('figures.export', { format: 'xlsx', report: { ...NOVEMBER, groupBy: 'region' } })).body;
      expect(xlsx.fileName).toBe('network-2026-11-01_2026-11-30.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
      const shopsSheet = wb.worksheets[0]!;
      expect(shopsSheet.name).toBe('Shops');
      expect((shopsSheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Shop', 'Name', 'Region', 'Received']);
      const sz = shopsSheet.getRow(4).values as unknown[];
      expect(sz.slice(1, 12)).toEqual(['SZ01', '深圳店', '华南', 2, 1, 1, 0, 100, 72, 200, 0]);
      const regionSheet = wb.worksheets[1]!;
      expect((regionSheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['华南', 3, 2, 2, 100, 60]);
      // XLSX of the drill-down: the paid amount in yuan as a number.
      const dx = (await analyst.call<ExportFile>('figures.export', { format: 'xlsx', report: { ...NOVEMBER, groupBy: 'region' }, drill: { figure: 'received', groupKey: '华南' } })).body;
      const dwb = new ExcelJS.Workbook();
      await dwb.xlsx.load(Buffer.from(dx.base64, 'base64') as unknown as ArrayBuffer);
      const dsheet = dwb.worksheets[0]!;
      expect(dsheet.rowCount).toBe(4);
      const a1 = dsheet.getRow(4).values as unknown[];
      expect([a1[1], a1[3], a1[4], a1[5], a1[12], a1[14]]).toEqual(['SZ01', 'A1', 'Collected', '2026-11-03 10:00', '王**', 200]);
      // CSV in Chinese: the reader's headers
      const csv = (await (await as('li', 'zh-CN')).call<ExportFile>('figures.export', { format: 'csv', report: { ...NOVEMBER, groupBy: 'region' } })).body;
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('门店,名称,区域,受理,完成,已取机,取消');
      expect(text).toContain('SZ01,深圳店,华南,2,1,1,0,100,72,200,0');

      // The dashboard on 22 November (Shanghai): C1 collected today; the week 16–22: C1 received, completed and collected;
      // A2 open in repair and past its promised 12 November.
      const dash = (await analyst.call<NetworkDashboard>('figures.dashboard', {})).body;
      expect(dash.today).toBe('2026-11-22');
      expect(dash.total).toMatchObject({ today: { received: 0, completed: 0, collected: 1 }, week: { received: 1, completed: 1, collected: 1, medianHours: 48, ftfRate: 1 }, open: 1, openByStatus: { repairing: 1 }, overduePromises: 1 });
      expect(dash.shops.find((s) => s.code === 'SZ01')!.figures).toMatchObject({ open: 1, overduePromises: 1, week: { received: 0 } });
      expect((await analyst.call<NetworkDashboard>('figures.dashboard', { shop: 'GZ01' })).body.shops.map((s) => s.code)).toEqual(['GZ01']);

      // SH01 pushes a new ticket: the next read counts it (the projection follows the shop's sequence).
      await writeShop(hq, ids.SH01!, [{ id: 'C2', customer: '钱七', category: 'tablet', brand: 'Apple', promised: '2026-11-25', steps: [['received', '2026-11-21T02:00:00.000Z']] }], 2);
      const after = (await analyst.call<NetworkReport>('figures.network', { ...NOVEMBER, groupBy: 'region' })).body.total!.groups;
      expect(after.find((g) => g.key === '华东')!.received).toBe(2);

      // Who: the service manager reads figures; the claims reviewer does not; only a network admin sets a region.
      const manager = await as('wang');
      expect((await manager.call('figures.tickets', { ...NOVEMBER, figure: 'received' })).status).toBe(200);
      const reviewer = await as('zhao');
      for (const p of ['figures.network', 'figures.dashboard', 'figures.tickets', 'figures.export']) expect((await reviewer.call(p, { ...NOVEMBER, figure: 'received', format: 'csv', report: NOVEMBER })).status).toBe(403);
      expect((await analyst.call('shops.setRegion', { shopId: ids.SZ01, region: '西南' })).status).toBe(403);
      expect((await manager.call('shops.setRegion', { shopId: ids.SZ01, region: '西南' })).status).toBe(403);
      // bad input: an unknown breakdown, a range backwards
      expect((await analyst.call('figures.network', { ...NOVEMBER, groupBy: 'city' })).status).toBe(400);
      const back = await (await as('li', 'zh-CN')).call('figures.tickets', { from: '2026-11-30', to: '2026-11-01', figure: 'received' });
      expect(back.status).toBe(400);
      expect(back.body.error!.code).toBe('VALIDATION');
    } finally {
      await hq.close();
    }
  }, 120_000);
});
