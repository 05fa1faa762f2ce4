import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/core';
import { syncEngineOf } from '../../../src/core/sync/engine';
import { LATEST_SHOP_SCHEMA } from '../../../src/hq/shapes';
import { injectTransport, fastTempDir, openTestHq, sharedPostgres, stopSharedPostgres, ShopWriter, type HqDialect } from '../../helpers/hq';
import { setupShop } from '../../helpers/backend';
import { ManualClock, RunningClock } from '../../helpers/clock';
import type { NewShopCode, ShopStatus } from '../../../src/shared/hq-console/contract';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from './console-client';

/**
 * The shops section against real shops: a service manager creates a shop and hands out its code,
 * a real shop backend enrolls and syncs, and the network list shows each thing a person relies on
 * — last sync, records waiting at the shop and for it, schema version, lag, the last error — as
 * the shop's sync goes well, fails, falls behind, is revoked and re-enrolls.
 */
const pgAvailable = await sharedPostgres().then((p) => p !== null);
afterAll(() => stopSharedPostgres());

describe.each(['sqlite', 'postgres'] as HqDialect[])('the network at a glance, head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('create, enroll, sync, fail, fall behind, revoke, re-enroll', async () => {
    const clock = new ManualClock();
    const hq = await openTestHq(dialect, { now: () => clock.now() });
    const { base, token } = await consoleHq(hq);
    await addUser(token, 'wang', 'service_manager');
    await addUser(token, 'root', 'network_admin', PASSWORDS.admin);
    const manager = new ConsoleClient(base);
    await manager.signIn('wang', PASSWORDS.other);
    const admin = new ConsoleClient(base);
    await admin.signIn('root', PASSWORDS.admin);
    const status = async (code: string) => (await manager.call<{ shops: ShopStatus[] }>('shops.list')).body.shops.find((s) => s.code === code)!;

    const created = await manager.call<NewShopCode>('shops.create', { code: 'SZ01', name: '福田店' });
    expect(created.status).toBe(200);
    expect(created.body.enrollmentCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(created.body.shop).toMatchObject({ code: 'SZ01', state: 'notEnrolled', lastSyncAt: null, waitingAtShop: null, lagSeconds: null, lastError: null });

    const dataDir = fastTempDir('fixpoint-shop-');
    const backend = openBackend({ dataDir, clock: new RunningClock(), sync: { autoStart: false, transport: injectTransport(hq.app), backoffBaseMs: 30_000 } });
    try {
      const tokens = await setupShop(backend);
      const engine = syncEngineOf(backend.services);
      await backend.call('sync.enroll', { url: 'http://hq.test', code: created.body.enrollmentCode }, { token: tokens.admin });
      await engine.runNow();
      let s = await status('SZ01');
      expect(s).toMatchObject({ state: 'ok', enrolled: true, waitingAtShop: 0, waitingForShop: 0, schemaVersion: LATEST_SHOP_SCHEMA, lagSeconds: 0, lastError: null });
      expect(s.lastSyncAt).toBe(clock.now().toISOString());

      // Head office publishes two things for the shop: they wait for it until its next pull.
      await hq.service.publish({ kind: 'shop.settings', shopId: s.id, items: [{ id: 'settings', data: { name: '福田店', hotline: '400-800-8000' } }] });
      await hq.service.publish({ kind: 'users', shopId: s.id, items: [{ id: '0190a000-0000-7000-8000-000000000001', data: { username: 'hq.li', displayName: '李', role: 'manager' } }] });
      expect((await status('SZ01')).waitingForShop).toBe(2);

      // The shop writes 30 changes; its push dies inside head office's transaction: failing, 30+ waiting at the shop.
      const writer = new ShopWriter({ backend, engine, tokens, hqShopId: s.id, dataDir });
      for (let i = 0; i < 30; i++) await writer.step();
      const waitingLocally = (await engine.status('en')).waiting;
      expect(waitingLocally).toBeGreaterThanOrEqual(30);
      clock.advance(5 * 60_000);
      hq.faults.crashNext = 1;
      await engine.runNow();
      s = await status('SZ01');
      expect(s.state).toBe('failing');
      expect(s.lastError).toEqual({ code: 'INTERNAL', at: clock.now().toISOString() });
      expect(s.waitingAtShop).toBe(waitingLocally);
      expect(s.lagSeconds).toBe(300);

      // The next sync succeeds: nothing waits on either side, the error stays listed but the shop is fine.
      clock.advance(60_000);
      await engine.runNow();
      s = await status('SZ01');
      expect(s).toMatchObject({ state: 'ok', waitingAtShop: 0, waitingForShop: 0, lagSeconds: 0, lastError: { code: 'INTERNAL' } });

      // Two hours without a sync: late, with its lag.
      clock.advance(2 * 3600_000);
      // (the console sessions went idle meanwhile)
      await manager.signIn('wang', PASSWORDS.other);
      await admin.signIn('root', PASSWORDS.admin);
      expect(await status('SZ01')).toMatchObject({ state: 'late', lagSeconds: 7200 });

      // Revoking is an admin's, not a service manager's; the revoked shop cannot sync.
      expect((await manager.call('shops.revoke', { shopId: s.id })).status).toBe(403);
      expect((await admin.call<{ shop: ShopStatus }>('shops.revoke', { shopId: s.id })).body.shop.state).toBe('revoked');
      await writer.step();
      await engine.runNow();
      expect((await engine.status('en')).lastError).toBeTruthy();

      // A re-enrollment code from the service manager; the same shop enrolls again and syncs.
      const again = await manager.call<NewShopCode>('shops.enrollmentCode', { shopId: s.id });
      await backend.call('sync.enroll', { url: 'http://hq.test', code: again.body.enrollmentCode }, { token: tokens.admin });
      await engine.runNow();
      expect(await status('SZ01')).toMatchObject({ state: 'ok', waitingAtShop: 0, lagSeconds: 0 });

      const log = (await admin.call<{ entries: { action: string; target: string; actorName: string }[] }>('audit.list')).body.entries;
      expect(log.filter((e) => e.action.startsWith('shop.')).map((e) => `${e.action} ${e.target} ${e.actorName}`).reverse()).toEqual([
        'shop.create SZ01 wang',
        'shop.revoke SZ01 root',
        'shop.enrollmentCode SZ01 wang',
      ]);
    } finally {
      await backend.close();
      await hq.close();
    }
  }, 60_000);
});
