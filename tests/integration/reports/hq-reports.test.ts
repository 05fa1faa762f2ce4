import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { hqReports, hqComplaints } from '../../../src/hq/reports';
import { shopsWithHistory } from './fixture';

const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());
const NOW = new Date('2026-12-01T02:00:00.000Z');

describe.each(['sqlite', 'postgres'] as HqDialect[])('head-office reports on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('the same figures as each shop, per shop and across shops, from the synced rows', async () => {
    const hq = await openTestHq(dialect);
    try {
      const shops = await shopsWithHistory(hq, 2);
      for (const shop of shops) await shop.engine.runNow();
      const res = await hqReports(hq.service, { from: '2026-11-01', to: '2026-11-30', groupBy: 'category' }, NOW);
      expect(res.shops).toHaveLength(2);
      for (const [i, shop] of shops.entries()) {
        const token = (await shop.backend.call('auth.login', { username: 'manager', password: 'correct-horse' })).token;
        const local = await shop.backend.call('reports.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'category' }, { token });
        const remote = res.shops.find((s) => s.shopId === shop.hqShopId)!.report;
        // users belong to head office's provisioning, not the shop's synced rows: technicians are compared by id
        const noName = (rows: { name: string }[]) => rows.map(({ name: _n, ...r }) => r);
        expect(noName(remote.technicians)).toEqual(noName(local.technicians));
        for (const k of ['volume', 'turnaround', 'quality', 'satisfaction', 'complaints', 'groups', 'hoursLogged', 'revenue', 'claims'] as const) {
          expect(remote[k], `${dialect} shop ${i} ${k}`).toEqual(local[k]);
        }
        expect(remote.parts.costFen).toBe(local.parts.costFen);
        expect(remote.mix.claimedAtIntake).toEqual(local.mix.claimedAtIntake);
      }
      const a = res.shops[0]!.report;
      const b = res.shops[1]!.report;
      expect(res.total!.volume.received).toBe(a.volume.received + b.volume.received);
      expect(res.total!.complaints.opened).toBe(a.complaints.opened + b.complaints.opened);
      expect(res.total!.quality.firstTimeFix.of).toBe(a.quality.firstTimeFix.of + b.quality.firstTimeFix.of);

      // one shop by code; escalated complaints are visible to head office
      const one = await hqReports(hq.service, { from: '2026-11-01', to: '2026-11-30', shop: res.shops[0]!.code }, NOW);
      expect(one.shops).toHaveLength(1);
      const esc = await hqComplaints(hq.service, 'escalated', NOW);
      expect(esc.complaints.length).toBeGreaterThanOrEqual(2);
      expect(esc.complaints.every((c) => c.escalation === 'head_office')).toBe(true);

      // the admin API: the route, and bad input as translated field errors
      const ok = await hq.app.inject({ method: 'GET', url: '/admin/v1/reports?from=2026-11-01&to=2026-11-30', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().shops).toHaveLength(2);
      const bad = await hq.app.inject({ method: 'GET', url: '/admin/v1/reports?from=2026-11-30&to=2026-11-01&locale=en', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields).toEqual([{ path: 'to', message: 'The end date is before the start date' }]);
      const unknown = await hq.app.inject({ method: 'GET', url: '/admin/v1/reports?from=2026-11-01&to=2026-11-30&shop=NOPE&locale=en', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(unknown.json().error.details.fields).toEqual([{ path: 'filters.shop', message: 'There is no "NOPE"' }]);
      for (const s of shops) await s.backend.close();
    } finally {
      await hq.close();
    }
  }, 120_000);
});
