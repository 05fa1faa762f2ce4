import { afterAll, describe, expect, it } from 'vitest';
import { compareShop, enrolledShop, injectTransport, openTestHq, sharedPostgres, stopSharedPostgres, ShopWriter, type HqDialect, type TestHq, type TestShop } from '../../helpers/hq';
import type { SyncTransport } from '../../../src/core/sync/transport';
import { PATHS } from '../../../src/shared/sync/protocol';

/**
 * A randomized run of 1,000 fault schedules. Each schedule writes to a shop, publishes
 * head-office data now and then, and syncs through a transport that drops requests, drops
 * replies after head office committed, duplicates requests, delays them past later ones
 * (reordering; delivered stale later) and makes head office crash before commit. Then the faults
 * stop, the delayed requests land, one clean sync runs, and the shop and head office must hold
 * identical data, row by row, in both directions.
 */

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = 'none' | 'dropRequest' | 'dropReply' | 'duplicate' | 'delay' | 'crash';

class FaultTransport implements SyncTransport {
  active = false;
  delayed: { url: string; body: Buffer; headers: Record<string, string> }[] = [];
  counts: Record<Fault, number> = { none: 0, dropRequest: 0, dropReply: 0, duplicate: 0, delay: 0, crash: 0 };
  /** The head-office shop id, known once the shop enrolled. */
  shopId: string | null = null;
  constructor(
    private readonly inner: SyncTransport,
    private readonly hq: TestHq,
    private readonly rnd: () => number,
  ) {}

  private pick(): Fault {
    if (!this.active) return 'none';
    const r = this.rnd();
    return r < 0.4 ? 'none' : r < 0.5 ? 'dropRequest' : r < 0.62 ? 'dropReply' : r < 0.74 ? 'duplicate' : r < 0.87 ? 'delay' : 'crash';
  }

  async deliverDelayed(n = this.delayed.length): Promise<void> {
    for (const d of this.delayed.splice(0, n)) await this.inner.post(d.url, d.body, d.headers, 5000).catch(() => undefined);
  }

  async post(url: string, body: Buffer, headers: Record<string, string>, timeoutMs: number) {
    if (this.active && this.delayed.length && this.rnd() < 0.4) await this.deliverDelayed(1); // an old request overtakes
    const fault = this.pick();
    this.counts[fault]++;
    switch (fault) {
      case 'dropRequest':
        throw Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' });
      case 'dropReply':
        await this.inner.post(url, body, headers, timeoutMs);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      case 'duplicate': {
        const [a] = await Promise.all([this.inner.post(url, body, headers, timeoutMs), this.inner.post(url, body, headers, timeoutMs)]);
        return a;
      }
      case 'delay':
        this.delayed.push({ url, body, headers });
        throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
      case 'crash':
        // Only this shop's push crashes: ten shops sync side by side against one head office, and a
        // crash armed for anyone would hit another shop's clean (healing) sync.
        if (url.endsWith(PATHS.push) && this.shopId) this.hq.faults.crashShops.set(this.shopId, 1);
        try {
          return await this.inner.post(url, body, headers, timeoutMs);
        } finally {
          if (this.shopId) this.hq.faults.crashShops.delete(this.shopId);
        }
      default:
        return this.inner.post(url, body, headers, timeoutMs);
    }
  }
}

async function checkPulled(hq: TestHq, shop: TestShop): Promise<string[]> {
  const diff: string[] = [];
  const items = await hq.service.db.selectFrom('hq_items').selectAll().where('scope', '=', shop.hqShopId).execute();
  const sqlite = shop.backend.services.sqlite;
  for (const it of items) {
    if (it.kind === 'users') {
      const u = sqlite.prepare('SELECT username, display_name, role, disabled FROM users WHERE id = ?').get(it.id) as
        | { username: string; display_name: string; role: string; disabled: number }
        | undefined;
      const d = it.data ? (JSON.parse(it.data) as { username: string; displayName: string; role: string; disabled: boolean }) : null;
      if (it.deleted) {
        if (u && u.disabled !== 1) diff.push(`user ${it.id} should be disabled`);
      } else if (!u || u.username !== d!.username || u.display_name !== d!.displayName || u.role !== d!.role || u.disabled !== (d!.disabled ? 1 : 0)) {
        diff.push(`user ${it.id} differs`);
      }
    } else if (it.kind === 'shop.settings') {
      const name = (sqlite.prepare('SELECT name FROM shop').get() as { name: string }).name;
      const newest = items.filter((x) => x.kind === 'shop.settings').sort((a, b) => Number(b.change_no) - Number(a.change_no))[0]!;
      if (name !== (JSON.parse(newest.data!) as { name: string }).name) diff.push('shop name differs');
    }
  }
  const cursor = (sqlite.prepare('SELECT pull_cursor FROM sync_state').get() as { pull_cursor: number }).pull_cursor;
  const max = Math.max(0, ...items.map((i) => Number(i.change_no)));
  if (cursor < max) diff.push(`pull cursor ${cursor} < ${max}`);
  return diff;
}

const SCHEDULES = Number(process.env.SYNC_FAULT_SCHEDULES ?? 1000);
const SHOPS = 10;

export async function defineFaultRun(dialect: HqDialect): Promise<void> {
  const pgAvailable = dialect === 'sqlite' || (await sharedPostgres().then((p) => p !== null));
  if (!pgAvailable) console.warn('[sync tests] PostgreSQL binaries not found under /usr/lib/postgresql: the PostgreSQL fault run is skipped');
  afterAll(() => stopSharedPostgres());
  describe(`${SCHEDULES} fault schedules on ${dialect}`, () => {
  it.skipIf(!pgAvailable)(
    'shop and head office end identical, row by row, after every schedule',
    async () => {
      const seed = Number(process.env.SYNC_FAULT_SEED ?? 20260512) + (dialect === 'postgres' ? 1000 : 0);
      const hq = await openTestHq(dialect);
      const shops: { shop: TestShop; transport: FaultTransport; writer: ShopWriter; rnd: () => number; index: number }[] = [];
      for (let i = 0; i < SHOPS; i++) {
        const rnd = mulberry32(seed + i);
        const transport = new FaultTransport(injectTransport(hq.app), hq, rnd);
        const shop = await enrolledShop(hq, { transport, sync: { batchMaxEntries: 12, pullPageSize: 4 } });
        transport.shopId = shop.hqShopId;
        shops.push({ shop, transport, writer: new ShopWriter(shop, rnd), rnd, index: i });
      }
      const totals: Record<string, number> = {};
      try {
        // Shops run their schedules side by side (each shop's schedules in order, with its own seed).
        await Promise.all(
          shops.map(async ({ shop, transport, writer, rnd, index }) => {
            let users = 0;
            for (let n = index; n < SCHEDULES; n += SHOPS) {
              const ctx = `seed ${seed + index}, schedule ${n}`;
              transport.active = true;
              const rounds = 1 + Math.floor(rnd() * 2);
              for (let r = 0; r < rounds; r++) {
                const writes = Math.floor(rnd() * 6);
                for (let i = 0; i < writes; i++) await writer.step();
                if (rnd() < 0.15) {
                  const id = `0190b000-0000-7000-8${String(index).padStart(3, '0')}-${String(users++ % 20).padStart(12, '0')}`;
                  await hq.service.publish(
                    rnd() < 0.2
                      ? { kind: 'users', shopId: shop.hqShopId, items: [{ id, deleted: true }] }
                      : { kind: 'users', shopId: shop.hqShopId, items: [{ id, data: { username: `u${index}x${id.slice(-3)}`, displayName: `员工${n}`, role: rnd() < 0.5 ? 'counter' : 'technician', disabled: rnd() < 0.1 } }] },
                  );
                }
                if (rnd() < 0.05) await hq.service.publish({ kind: 'shop.settings', shopId: shop.hqShopId, items: [{ id: 'settings', data: { name: `店名${n}` } }] });
                // a sync now and then while a write is in flight
                await Promise.all([shop.engine.runNow(), rnd() < 0.3 ? writer.step() : Promise.resolve()]);
              }
              // heal: stale requests land, faults stop, a clean sync converges
              transport.active = false;
              await transport.deliverDelayed();
              for (let i = 0; i < 3; i++) {
                await shop.engine.runNow();
                const st = await shop.engine.status('en');
                if (st.waiting === 0 && !st.lastError) break;
              }
              const st = await shop.engine.status('en');
              expect(st.lastError, ctx).toBeNull();
              expect(st.waiting, ctx).toBe(0);
              const cmp = await compareShop(hq, shop);
              expect(cmp.diff, ctx).toEqual([]);
              expect(await checkPulled(hq, shop), ctx).toEqual([]);
            }
          }),
        );
        for (const s of shops) for (const [k, v] of Object.entries(s.transport.counts)) totals[k] = (totals[k] ?? 0) + v;
        console.log(`[sync faults ${dialect}] ${SCHEDULES} schedules, seed ${seed}, injected: ${JSON.stringify(totals)}`);
        expect(totals.dropReply).toBeGreaterThan(SCHEDULES / 20);
        expect(totals.crash).toBeGreaterThan(SCHEDULES / 20);
        expect(totals.delay).toBeGreaterThan(SCHEDULES / 20);
      } finally {
        for (const s of shops) await s.shop.backend.close();
        await hq.close();
      }
    },
    240_000,
  );
});
}
