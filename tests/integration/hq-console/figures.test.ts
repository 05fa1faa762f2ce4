import { afterAll, describe, expect, it } from 'vitest';
import type { EscalatedComplaint, NetworkReport } from '../../../src/shared/hq-console/contract';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { shopsWithHistory } from '../reports/fixture';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';

/**
 * The console's figures and escalated complaints over real HTTP, against real shops that synced:
 * an analyst reads every shop's figures and their total, the same as each shop's own report; a
 * service manager reads the complaints the shops escalated, personal data masked; the analyst
 * and the claims reviewer may not read complaints; bad input gets the translated field error.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());
const NOW = Date.parse('2026-12-01T02:00:00.000Z');

describe.each(['sqlite', 'postgres'] as HqDialect[])('figures and complaints in the console, head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('per shop and for the network; escalated complaints for who runs the service', async () => {
    const hq = await openTestHq(dialect, { now: () => new Date(NOW) });
    try {
      const shops = await shopsWithHistory(hq, 2);
      // One more complaint at the first shop, with the customer's phone typed into it, left unanswered
      // until it escalates to head office (a day to the manager, another to head office).
      const first = shops[0]!;
      const tok = async (u: string) => (await first.backend.call('auth.login', { username: u, password: 'correct-horse' })).token;
      first.clock.set('2026-11-20T02:00:00.000Z');
      const c3 = await first.backend.call('complaints.open', { channel: 'phone', category: 'delay', severity: 'high', description: '客户13812345678催了三次还没修好' }, { token: await tok('counter') });
      first.clock.set('2026-11-21T03:00:00.000Z');
      await first.backend.call('complaints.checkEscalations', {}, { token: await tok('manager') });
      first.clock.set('2026-11-22T04:00:00.000Z');
      await first.backend.call('complaints.checkEscalations', {}, { token: await tok('manager') });
      for (const s of shops) await s.engine.runNow();

      const { base, token } = await consoleHq(hq);
      for (const [name, role] of [['li', 'analyst'], ['wang', 'service_manager'], ['zhao', 'claims_reviewer']] as const) await addUser(token, name, role);
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const analyst = await as('li');
      const range = { from: '2026-11-01', to: '2026-11-30', groupBy: 'category' as const };
      const res = await analyst.call<NetworkReport>('figures.network', range);
      expect(res.status).toBe(200);
      expect(res.body.shops.map((s) => s.shopId).sort()).toEqual(shops.map((s) => s.hqShopId).sort());
      const codeOf = (id: string) => res.body.shops.find((x) => x.shopId === id)!.code;
      // each shop's row is that shop's own report, asked at the shop
      for (const s of shops) {
        const local = await s.backend.call('reports.run', range, { token: (await s.backend.call('auth.login', { username: 'manager', password: 'correct-horse' })).token });
        const remote = res.body.shops.find((x) => x.shopId === s.hqShopId)!.report;
        expect(remote.volume).toEqual(local.volume);
        expect(remote.turnaround.endToEnd).toEqual(local.turnaround.endToEnd);
        expect(remote.quality.firstTimeFix).toEqual(local.quality.firstTimeFix);
        expect(remote.revenue).toEqual(local.revenue);
      }
      // the network: the two shops added up (the fixture receives five tickets a shop in November)
      expect(res.body.total!.volume.received).toBe(10);
      expect(res.body.total!.volume.received).toBe(res.body.shops.reduce((a, s) => a + s.report.volume.received, 0));
      // broken down by category, the network's total: the fixture's phones, and the laptop taken in
      // in September and finished in November
      const byCategory = (await analyst.call<NetworkReport>('figures.network', { ...range, groupBy: 'category' })).body.total!;
      expect(byCategory.groups.map((g) => g.key).sort()).toEqual(['laptop', 'phone']);
      expect(byCategory.groups.reduce((a, g) => a + g.received, 0)).toBe(byCategory.volume.received);
      // one shop by its code
      const one = await analyst.call<NetworkReport>('figures.network', { ...range, filters: { shop: codeOf(first.hqShopId) } });
      expect(one.body.shops.map((s) => s.shopId)).toEqual([first.hqShopId]);
      // a range backwards, in the reader's language
      const bad = await (await as('li', 'zh-CN')).call('figures.network', { from: '2026-11-30', to: '2026-11-01' });
      expect(bad.status).toBe(400);
      expect(bad.body.error!.code).toBe('VALIDATION');

      // complaints: for the service manager, not for the analyst or the claims reviewer
      expect((await analyst.call('complaints.escalated', {})).status).toBe(403);
      expect((await (await as('zhao')).call('complaints.escalated', {})).status).toBe(403);
      const manager = await as('wang');
      const esc = (await manager.call<{ complaints: EscalatedComplaint[] }>('complaints.escalated', { view: 'escalated' })).body.complaints;
      // C2 of the fixture at both shops, and C3 at the first
      expect(esc).toHaveLength(3);
      expect(esc.every((c) => c.escalation === 'head_office')).toBe(true);
      const mine = esc.find((c) => c.id === c3.id)!;
      expect(mine).toMatchObject({ shopCode: codeOf(first.hqShopId), category: 'delay', severity: 'high', status: 'open', overdue: true });
      expect(mine.description).not.toContain('13812345678');
      expect(mine.description).toContain('催了三次还没修好');
      const open = (await manager.call<{ complaints: EscalatedComplaint[] }>('complaints.escalated', { view: 'open' })).body.complaints;
      expect(open.map((c) => c.id)).toEqual([c3.id]);
      for (const s of shops) await s.backend.close();
    } finally {
      await hq.close();
    }
  }, 180_000);
});
