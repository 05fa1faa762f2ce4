import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/core';
import { syncEngineOf } from '../../../src/core/sync/engine';
import { fetchTransport, type SyncTransport } from '../../../src/core/sync/transport';
import { openHqDatabase } from '../../../src/hq/db';
import { HqService } from '../../../src/hq/service';
import type { NewShopCode, ShopStatus } from '../../../src/shared/hq-console/contract';
import { ADMIN_TOKEN, compareShop, fastTempDir, sharedPostgres, stopSharedPostgres, ShopWriter, type TestHq, type TestShop } from '../../helpers/hq';
import { setupShop } from '../../helpers/backend';
import { RunningClock } from '../../helpers/clock';
import { freePort, killChildren, spawnNode } from '../../helpers/child';
import { ConsoleClient, PASSWORDS, addUser } from './console-client';

/**
 * Point 9: two head-office processes on one PostgreSQL behind "one address" (each shop's requests
 * alternate between them, as a round-robin balancer sends them). Shops sync through both at once
 * while they write; afterwards head office holds every row of every shop exactly as the shop does.
 * A console session made by one process works on the other, and wrong passwords count on both.
 */
const pg = await sharedPostgres();
afterAll(() => (killChildren(), stopSharedPostgres()));

/** A balancer in the shop's transport: request n goes to process n mod 2. */
function roundRobin(bases: string[]): SyncTransport & { sent: number[] } {
  const sent = bases.map(() => 0);
  let n = 0;
  return {
    sent,
    post(url, body, headers, timeoutMs) {
      const i = n++ % bases.length;
      sent[i]!++;
      const u = new URL(url);
      return fetchTransport.post(bases[i] + u.pathname, body, headers, timeoutMs);
    },
  };
}

describe('two head-office processes on one PostgreSQL', () => {
  it.skipIf(!pg)('shops sync through both at once; every row matches; sessions and lockouts are shared', async () => {
    const databaseUrl = await pg!.createDatabase(`hq_scale_${process.pid}`);
    const env = { DATABASE_URL: databaseUrl, HQ_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'warn', HQ_RATE_LIMITS: 'signIn=100' };
    const ports = [await freePort(), await freePort()];
    const procs = ports.map((p) => spawnNode(['src/hq/cli.ts', '--port', String(p)], env));
    await Promise.all(procs.map((c) => c.waitFor(/HQ-LISTENING/, 60_000)));
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    const store = await openHqDatabase({ databaseUrl });
    const hq = { service: new HqService(store) } as TestHq;
    const shops: (TestShop & { transport: ReturnType<typeof roundRobin> })[] = [];
    try {
      // The console: the first admin through process A's admin token, signed in on A, working on B.
      const tokenA = new ConsoleClient(bases[0]!, { token: ADMIN_TOKEN });
      await addUser(tokenA, 'root', 'network_admin', PASSWORDS.admin);
      await addUser(tokenA, 'wang', 'service_manager');
      const onA = new ConsoleClient(bases[0]!);
      await onA.signIn('root', PASSWORDS.admin);
      const onB = new ConsoleClient(bases[1]!);
      onB.cookie = onA.cookie;
      expect((await onB.call<{ user: { username: string } }>('auth.me')).body.user.username).toBe('root');
      // Three wrong passwords on A and two on B lock the account on both.
      for (let i = 0; i < 5; i++) await new ConsoleClient(bases[i % 2]!).signIn('wang', `wrong-password-${i}`);
      expect((await new ConsoleClient(bases[0]!).signIn('wang', PASSWORDS.other)).status).toBe(423);
      expect((await new ConsoleClient(bases[1]!).signIn('wang', PASSWORDS.other)).status).toBe(423);

      // Three shops, created alternately on A and B, each enrolled and syncing through both.
      for (let i = 0; i < 3; i++) {
        const created = await (i % 2 ? onB : onA).call<NewShopCode>('shops.create', { code: `PG0${i}`, name: `分店${i}` });
        expect(created.status).toBe(200);
        const transport = roundRobin(bases);
        const dataDir = fastTempDir('fixpoint-shop-');
        const backend = openBackend({ dataDir, clock: new RunningClock(), sync: { autoStart: false, transport, backoffBaseMs: 30_000, batchMaxEntries: 40 } });
        const tokens = await setupShop(backend);
        const engine = syncEngineOf(backend.services);
        await backend.call('sync.enroll', { url: 'http://balancer.test', code: created.body.enrollmentCode }, { token: tokens.admin });
        await engine.runNow();
        shops.push({ backend, engine, tokens, hqShopId: created.body.shop.id, dataDir, transport });
      }

      // Rounds of writes, then every shop syncing at once, while head office publishes through B.
      const writers = shops.map((s, i) => new ShopWriter(s, mulberry(i + 1)));
      for (let round = 0; round < 4; round++) {
        for (const w of writers) for (let k = 0; k < 60; k++) await w.step();
        const publish = fetch(`${bases[1]}/admin/v1/items`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'shop.settings', shopId: shops[round % 3]!.hqShopId, items: [{ id: 'settings', data: { name: `分店 ${round}`, hotline: `400-800-000${round}` } }] }),
        });
        const results = await Promise.all([...shops.map((s) => s.engine.runNow()), publish]);
        expect((results.at(-1) as Response).status).toBe(200);
      }
      await Promise.all(shops.map((s) => s.engine.runNow()));

      for (const s of shops) {
        expect(s.transport.sent[0]).toBeGreaterThan(3);
        expect(s.transport.sent[1]).toBeGreaterThan(3);
        const cmp = await compareShop(hq, s);
        expect(cmp.diff).toEqual([]);
        expect(cmp.hq).toBe(cmp.shop);
        expect(cmp.shop).toBeGreaterThan(50);
        expect((await s.engine.status('en')).waiting).toBe(0);
      }
      // Each shop applied what head office published for it, whichever process took the publication.
      const names = await Promise.all(shops.map(async (s) => (await s.backend.call('shop.get', {}, { token: s.tokens.counter })).settings.name));
      expect(names).toEqual(['分店 3', '分店 1', '分店 2']);
      // The network as either process shows it: every shop fine, nothing waiting on either side.
      for (const c of [onA, onB]) {
        const list = (await c.call<{ shops: ShopStatus[] }>('shops.list')).body.shops;
        expect(list.map((s) => [s.code, s.state, s.waitingAtShop, s.waitingForShop])).toEqual([
          ['PG00', 'ok', 0, 0],
          ['PG01', 'ok', 0, 0],
          ['PG02', 'ok', 0, 0],
        ]);
      }
    } finally {
      for (const s of shops) await s.backend.close();
      await store.close();
      for (const c of procs) c.child.kill('SIGTERM');
      await Promise.all(procs.map((c) => c.exited));
    }
  }, 240_000);
});

/** A seeded generator: the shops' writes are the same on every run. */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
