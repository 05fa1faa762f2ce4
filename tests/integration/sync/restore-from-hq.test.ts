import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/core';
import { syncEngineOf } from '../../../src/core/sync/engine';
import { dumpSynced } from '../../../src/core/sync/rows';
import { fetchTransport } from '../../../src/core/sync/transport';
import { killChildren, spawnNode } from '../../helpers/child';
import { compareShop, enrolledShop, fastTempDir, openTestHq, sharedPostgres, stopSharedPostgres, ShopWriter, type HqDialect } from '../../helpers/hq';

/**
 * Restore from head office (issue 16, point 3): the shop's PC is gone, no backup at all. A new
 * PC, an empty data folder, a re-enrollment code from head office: the CLI (a real process)
 * pulls back every record head office holds for the shop; the restored shop equals the
 * original row by row, signs in, and goes on working and syncing.
 */
const pgAvailable = await sharedPostgres().then((p) => p !== null);
if (!pgAvailable) console.warn('[sync tests] PostgreSQL binaries not found: the PostgreSQL runs are skipped');
afterAll(() => stopSharedPostgres());
afterAll(() => killChildren());

describe.each(['sqlite', 'postgres'] as HqDialect[])('restore from head office on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgAvailable;

  it.skipIf(skip)('a new PC re-enrolls as the shop and gets back every record, row by row, then works and syncs on', async () => {
    const hq = await openTestHq(dialect);
    const url = await hq.app.listen({ port: 0, host: '127.0.0.1' });
    const shop = await enrolledShop(hq, { transport: fetchTransport, url });
    try {
      const w = new ShopWriter(shop, mulberry(7));
      for (let i = 0; i < 300; i++) await w.step(); // customers, phones, photos (bytes), deletions, counters
      await shop.backend.call('customers.create', { name: '恢复测试顾客', phones: ['13800138000'] }, { token: shop.tokens.counter });
      expect((await shop.backend.call('sync.now', {}, { token: shop.tokens.counter })).waiting).toBe(0);
      const original = await shop.backend.services.db.connection().execute(async () => dumpSynced(shop.backend.services.sqlite));
      expect((await compareShop(hq, shop)).diff).toEqual([]);
      await shop.backend.close(); // the PC dies

      const { enrollmentCode } = await hq.service.newEnrollmentCode(shop.hqShopId);
      const newPc = fastTempDir('fixpoint-newpc-');
      const cli = spawnNode(['src/server/cli.ts', 'restore-from-hq', '--data-dir', newPc, '--url', url, '--code', enrollmentCode, '--admin-user', 'boss', '--admin-password', 'new-pc-password']);
      expect(await cli.exited, cli.output()).toBe(0);
      expect(cli.output()).toMatch(/RESTORED shop TS01: \d+ rows/);
      expect(cli.output()).toMatch(/0 unresolved references/);

      const restored = openBackend({ dataDir: newPc, sync: { autoStart: false, transport: fetchTransport } });
      const again = { ...shop, backend: restored, engine: syncEngineOf(restored.services), dataDir: newPc };
      try {
        const back = await restored.services.db.connection().execute(async () => dumpSynced(restored.services.sqlite));
        expect(back.size).toBe(original.size);
        const differing = [...original].filter(([k, v]) => JSON.stringify(back.get(k)) !== JSON.stringify(v)).map(([k]) => k);
        expect(differing).toEqual([]);
        expect(restored.services.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((restored.services.sqlite.pragma('foreign_key_check') as unknown[]).length).toBe(0);
        // nothing of the restored records waits to go back to head office
        expect(restored.services.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
        // search works on the restored records (the FTS index was rebuilt by its triggers)
        const { token } = await restored.call('auth.login', { username: 'boss', password: 'new-pc-password' });
        const found = await restored.call('search.query', { q: '恢复测试' } as never, { token });
        expect(JSON.stringify(found)).toContain('恢复测试顾客');
        // the next edit arrives at head office
        const c = restored.services.sqlite.prepare(`SELECT id FROM customers WHERE name = '恢复测试顾客'`).pluck().get() as string;
        await restored.call('customers.update', { id: c, note: '新电脑上改的' }, { token });
        const st = await restored.call('sync.now', {}, { token });
        expect(st.lastError).toBeNull();
        expect(st.waiting).toBe(0);
        expect((await hq.service.dumpShop(shop.hqShopId)).get(`customers/${c}`)?.note).toBe('新电脑上改的');
        expect((await compareShop(hq, again)).diff).toEqual([]);
      } finally {
        await restored.close();
      }
    } finally {
      await shop.backend.close().catch(() => undefined);
      await hq.close();
    }
  }, 120_000);
});

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
