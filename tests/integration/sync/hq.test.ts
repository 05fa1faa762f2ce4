import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, compareShop, enrolledShop, injectTransport, openTestHq, sharedPostgres, stopSharedPostgres, ShopWriter, type HqDialect, type TestHq } from '../../helpers/hq';
import { HEADER_PROTOCOL, HEADER_SCHEMA, PATHS, PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { LATEST_SHOP_SCHEMA, OLDEST_SHOP_SCHEMA } from '../../../src/hq/shapes';
import type { SyncTransport } from '../../../src/core/sync/transport';
import type { Backend } from '../../../src/core';

/**
 * The head-office suite, run on SQLite and on a real PostgreSQL server started for this file
 * (skipped, with a message, only when Debian's PostgreSQL binaries are missing).
 */
const pgAvailable = await sharedPostgres().then((p) => p !== null);
if (!pgAvailable) console.warn('[sync tests] PostgreSQL binaries not found under /usr/lib/postgresql: the PostgreSQL run is skipped');
afterAll(() => stopSharedPostgres());

const dialects: HqDialect[] = ['sqlite', 'postgres'];
const open: Backend[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function rawPush(hq: TestHq, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await hq.app.inject({
    method: 'POST',
    url: PATHS.push,
    payload: zlib.gzipSync(JSON.stringify(body)),
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: `Bearer ${token}`,
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA),
      ...headers,
    },
  });
  return { status: res.statusCode, body: res.json() as { lastSeq?: number; duplicate?: boolean; error?: { code: string; details: Record<string, unknown> } } };
}

/** Enrolls a bare token at HQ (no shop backend) for raw protocol tests. */
async function rawShop(hq: TestHq, code: string) {
  const created = await hq.service.createShop({ code, name: code });
  const token = 'x'.repeat(20) + code.padEnd(30, '0');
  const r = await hq.app.inject({
    method: 'POST',
    url: PATHS.enroll,
    payload: { code: created.enrollmentCode, token, shop: { uid: `uid-${code}`, code, name: code }, baseSeq: 0 },
    headers: { [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA) },
  });
  expect(r.statusCode).toBe(200);
  return { shopId: created.shop.id, token, code: created.enrollmentCode };
}

const customerRow = (id: string, over: Record<string, unknown> = {}) => ({
  n: 1,
  id,
  name: '张三',
  name_rev: '三张',
  address: '',
  company: '',
  note: '',
  preferred_contact: 'phone',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe.each(dialects)('head office on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgAvailable;
  let hq: TestHq;
  beforeAll(async () => {
    if (!skip) hq = await openTestHq(dialect);
  });
  afterAll(async () => {
    await hq?.close();
  });

  it.skipIf(skip)('enrolls with a one-time code, pushes every synced table (attachments included) and pulls head-office data', async () => {
    const shop = await enrolledShop(hq);
    open.push(shop.backend);
    const w = new ShopWriter(shop);
    for (let i = 0; i < 60; i++) await w.step();
    await hq.service.publish({ kind: 'users', shopId: shop.hqShopId, items: [{ id: '0190a000-0000-7000-8000-000000000001', data: { username: 'hq.li', displayName: '李总部', role: 'manager' } }] });
    await hq.service.publish({ kind: 'shop.settings', shopId: shop.hqShopId, items: [{ id: 'settings', data: { name: '总部命名店', hotline: '400-800-8000' } }] });
    const st = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter });
    expect(st.lastError).toBeNull();
    expect(st.waiting).toBe(0);
    expect(st.enrolled).toBe(true);
    const cmp = await compareShop(hq, shop);
    expect(cmp.diff).toEqual([]);
    expect(cmp.shop).toBeGreaterThan(10);
    const s = await shop.backend.call('shop.get', {}, { token: shop.tokens.counter });
    expect(s.settings.name).toBe('总部命名店');
    expect(s.settings.enrolled).toBe(true);
    const users = await shop.backend.call('users.list', {}, { token: shop.tokens.admin });
    expect(users.find((u) => u.username === 'hq.li')?.role).toBe('manager');
    // the code was for one use
    const again = await hq.app.inject({
      method: 'POST',
      url: PATHS.enroll,
      payload: { code: 'AAAA-BBBB-CCCC', token: 'y'.repeat(50), shop: { uid: 'u', code: 'X', name: 'X' }, baseSeq: 0 },
      headers: { [HEADER_PROTOCOL]: '1', [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA) },
    });
    expect(again.json().error.code).toBe('BAD_ENROLLMENT_CODE');
    // enrolled: head-office data is read-only and the flag cannot be patched away
    await expect(shop.backend.call('shop.update', { enrolled: false } as never, { token: shop.tokens.admin })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it.skipIf(skip)('marks records not yet at head office, and shows the last error in words', async () => {
    let down = false;
    const inner = injectTransport(hq.app);
    const transport: SyncTransport = { post: (...a) => (down ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) : inner.post(...a)) };
    const shop = await enrolledShop(hq, { transport });
    open.push(shop.backend);
    down = true;
    const w = new ShopWriter(shop);
    await w.step();
    const ids = (shop.backend.services.sqlite.prepare('SELECT id FROM customers').all() as { id: string }[]).map((r) => r.id);
    expect((await shop.backend.call('sync.pending', { table: 'customers', ids }, { token: shop.tokens.counter })).pending.length).toBeGreaterThan(0);
    const st = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter, locale: 'zh-CN' });
    expect(st.lastError?.message).toContain('连不上总部');
    expect(st.lastError?.message).toContain('ECONNREFUSED');
    const en = await shop.backend.call('sync.status', {}, { token: shop.tokens.counter, locale: 'en' });
    expect(en.lastError?.message).toMatch(/cannot be reached/);
    down = false;
    const ok = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter });
    expect(ok.lastError).toBeNull();
    expect((await shop.backend.call('sync.pending', { table: 'customers', ids }, { token: shop.tokens.counter })).pending).toEqual([]);
  });

  it.skipIf(skip)('a lost reply after commit, a duplicated batch and a replayed batch change nothing twice', async () => {
    let mode: 'ok' | 'lose' | 'dup' = 'ok';
    const inner = injectTransport(hq.app);
    const seen: Buffer[] = [];
    const transport: SyncTransport = {
      async post(url, body, headers, t) {
        if (url.endsWith(PATHS.push)) seen.push(body);
        if (mode === 'lose' && url.endsWith(PATHS.push)) {
          await inner.post(url, body, headers, t);
          throw new Error('socket hang up');
        }
        if (mode === 'dup' && url.endsWith(PATHS.push)) {
          const [a] = await Promise.all([inner.post(url, body, headers, t), inner.post(url, body, headers, t)]);
          return a;
        }
        return inner.post(url, body, headers, t);
      },
    };
    const shop = await enrolledShop(hq, { transport });
    open.push(shop.backend);
    const w = new ShopWriter(shop);
    for (let i = 0; i < 20; i++) await w.step();
    mode = 'lose';
    let st = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter });
    expect(st.lastError?.code).toBe('UNREACHABLE');
    expect(st.waiting).toBeGreaterThan(0); // the shop did not advance without an answer
    const before = (await hq.service.shop(shop.hqShopId))!.lastSeq;
    expect(before).toBeGreaterThan(0); // but head office committed
    mode = 'dup';
    for (let i = 0; i < 10; i++) await w.step();
    st = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter });
    expect(st.lastError).toBeNull();
    expect(st.waiting).toBe(0);
    expect((await compareShop(hq, shop)).diff).toEqual([]);
    // a replay of an old batch is acknowledged as a duplicate and applies nothing
    const replay = await inner.post(`http://hq.test${PATHS.push}`, seen[0]!, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: `Bearer ${shop.engine['token'](shop.backend.services.sqlite.prepare('SELECT * FROM sync_state').get() as never)}`,
      [HEADER_PROTOCOL]: '1',
      [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA),
    }, 1000);
    expect(JSON.parse(replay.body.toString())).toMatchObject({ duplicate: true, lastSeq: st.ackedSeq });
    expect((await compareShop(hq, shop)).diff).toEqual([]);
  });

  it.skipIf(skip)('refuses bad input with typed errors and applies nothing of a refused batch', async () => {
    const a = await rawShop(hq, `BA${dialect === 'sqlite' ? 'S' : 'P'}1`);
    const b = await rawShop(hq, `BA${dialect === 'sqlite' ? 'S' : 'P'}2`);
    const good = { op: 'upsert', t: 'customers', id: 'c1', v: 1, d: customerRow('c1') };
    // b holds a customer of its own: a may not push that id
    const ofB = { op: 'upsert', t: 'customers', id: 'cb', v: 1, d: customerRow('cb') };
    expect((await rawPush(hq, b.token, { shopId: b.shopId, fromSeq: 1, toSeq: 1, rows: [ofB] })).body).toMatchObject({ lastSeq: 1 });
    const bBefore = JSON.stringify([...(await hq.service.dumpShop(b.shopId))]);
    // a raw JSON key `__proto__` (JSON.parse makes it an own key; zod's record would drop it)
    const protoBody = JSON.parse(
      `{"shopId":${JSON.stringify(a.shopId)},"fromSeq":1,"toSeq":2,"rows":[${JSON.stringify(good)},` +
        `{"op":"upsert","t":"customers","id":"c2","v":2,"d":${JSON.stringify(customerRow('c2')).slice(0, -1)},"__proto__":{"n":2}}}]}`,
    ) as unknown;
    const cases: [string, unknown, string][] = [
      ['malformed', { shopId: a.shopId, fromSeq: 1, toSeq: 1, rows: [{ op: 'upsert', t: 'customers' }] }, 'MALFORMED'],
      ['another shop', { shopId: b.shopId, fromSeq: 1, toSeq: 1, rows: [good] }, 'WRONG_SHOP'],
      ['unknown table', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'upsert', t: 'secrets', id: 'x', v: 2, d: { id: 'x' } }] }, 'UNKNOWN_TABLE'],
      ['row failing validation', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'upsert', t: 'customers', id: 'c2', v: 2, d: customerRow('c2', { name: 42 }) }] }, 'ROW_INVALID'],
      ['extra column', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'upsert', t: 'customers', id: 'c2', v: 2, d: customerRow('c2', { evil: 'x' }) }] }, 'ROW_INVALID'],
      ['id mismatch', { shopId: a.shopId, fromSeq: 1, toSeq: 1, rows: [{ ...good, id: 'c9' }] }, 'ROW_INVALID'],
      ['gap', { shopId: a.shopId, fromSeq: 5, toSeq: 6, rows: [{ ...good, v: 5 }] }, 'SEQUENCE_GAP'],
      ['key __proto__', protoBody, 'ROW_INVALID'],
      ['version beyond the batch', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'upsert', t: 'customers', id: 'c2', v: 900, d: customerRow('c2') }] }, 'VERSION_OUT_OF_BATCH'],
      ['version below the batch', { shopId: a.shopId, fromSeq: 2, toSeq: 3, rows: [{ ...good, v: 1 }] }, 'VERSION_OUT_OF_BATCH'],
      ['delete beyond the batch', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'delete', t: 'customers', id: 'c3', v: 3 }] }, 'VERSION_OUT_OF_BATCH'],
      ['an id of another shop', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { ...ofB, v: 2 }] }, 'FOREIGN_ROW'],
      ['a tombstone of another shop\'s id', { shopId: a.shopId, fromSeq: 1, toSeq: 2, rows: [good, { op: 'delete', t: 'customers', id: 'cb', v: 2 }] }, 'FOREIGN_ROW'],
    ];
    for (const [name, body, code] of cases) {
      const r = await rawPush(hq, a.token, body);
      expect(r.body.error?.code, name).toBe(code);
      expect((await hq.service.dumpShop(a.shopId)).size, name).toBe(0);
      expect((await hq.service.shop(a.shopId))!.lastSeq, name).toBe(0);
      expect(JSON.stringify([...(await hq.service.dumpShop(b.shopId))]), name).toBe(bBefore);
    }
    const proto = await rawPush(hq, a.token, protoBody);
    expect(proto.body.error?.details).toMatchObject({ table: 'customers', id: 'c2', reason: 'unknown column __proto__' });
    const beyond = await rawPush(hq, a.token, cases[8]![1]);
    expect(beyond.body.error?.details).toMatchObject({ table: 'customers', id: 'c2', version: 900, fromSeq: 1, toSeq: 2 });
    const foreign = await rawPush(hq, a.token, cases[11]![1]);
    expect(foreign.status).toBe(409);
    expect(foreign.body.error?.details).toMatchObject({ table: 'customers', id: 'cb' });
    const gap = await rawPush(hq, a.token, { shopId: a.shopId, fromSeq: 5, toSeq: 6, rows: [{ ...good, v: 5 }] });
    expect(gap.body.error?.details).toMatchObject({ expected: 1, lastSeq: 0 });
    // not JSON, bad gzip, no token, a wrong token, an admin call with a shop token
    const notJson = await hq.app.inject({ method: 'POST', url: PATHS.push, payload: '{nope', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` } });
    expect(notJson.json().error.code).toBe('MALFORMED');
    const badGzip = await hq.app.inject({ method: 'POST', url: PATHS.push, payload: 'xx', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${a.token}` } });
    expect(badGzip.json().error.code).toBe('MALFORMED');
    expect((await rawPush(hq, '', { shopId: a.shopId })).body.error?.code).toBe('UNAUTHENTICATED');
    expect((await rawPush(hq, 'z'.repeat(60), { shopId: a.shopId })).body.error?.code).toBe('UNAUTHENTICATED');
    const adminWithShop = await hq.app.inject({ method: 'GET', url: '/admin/v1/shops', headers: { authorization: `Bearer ${a.token}` } });
    expect(adminWithShop.statusCode).toBe(401);
    const unknown = await hq.app.inject({ method: 'GET', url: '/anything' });
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    // a body over the size limit (a gzip bomb) is refused
    const bomb = zlib.gzipSync(Buffer.alloc(70 * 1024 * 1024, 32));
    const big = await hq.app.inject({ method: 'POST', url: PATHS.push, payload: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${a.token}` } });
    expect(big.json().error.code).toBe('TOO_LARGE');
    // the good row alone goes through afterwards
    const ok = await rawPush(hq, a.token, { shopId: a.shopId, fromSeq: 1, toSeq: 1, rows: [good] });
    expect(ok.body).toMatchObject({ lastSeq: 1, duplicate: false });
    expect((await hq.service.dumpShop(a.shopId)).size).toBe(1);
    expect(JSON.stringify([...(await hq.service.dumpShop(b.shopId))])).toBe(bBefore);
  });

  it.skipIf(skip)('checks versions: the previous schema is accepted, an older shop is told to update, a newer one to wait for head office', async () => {
    const a = await rawShop(hq, `VV${dialect === 'sqlite' ? 'S' : 'P'}`);
    const body = { shopId: a.shopId, fromSeq: 1, toSeq: 1, rows: [] };
    expect((await rawPush(hq, a.token, body, { [HEADER_SCHEMA]: String(OLDEST_SHOP_SCHEMA) })).status).toBe(200);
    const old = await rawPush(hq, a.token, body, { [HEADER_SCHEMA]: String(OLDEST_SHOP_SCHEMA - 1) });
    expect(old.body.error).toMatchObject({ code: 'SHOP_OUTDATED', details: { minSchema: OLDEST_SHOP_SCHEMA } });
    expect((await rawPush(hq, a.token, body, { [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA + 1) })).body.error?.code).toBe('HQ_OUTDATED');
    expect((await rawPush(hq, a.token, body, { [HEADER_PROTOCOL]: '0' })).body.error?.code).toBe('PROTOCOL_MISMATCH');
    // the shop turns it into words
    const { SyncFailure } = await import('../../../src/core/sync/failure');
    const { t } = await import('../../../src/shared/i18n/translate');
    const f = new SyncFailure('SHOP_OUTDATED', 'sync.error.SHOP_OUTDATED', { shopSchema: 3, minSchema: OLDEST_SHOP_SCHEMA });
    expect(t('zh-CN', f.key, f.params)).toContain('请更新 Fixpoint');
    expect(t('en', f.key, f.params)).toContain('update Fixpoint');
  });

  it.skipIf(skip)('revokes tokens; a shop token reaches only its own shop; admin API lists shops with their last sync and figures', async () => {
    const shop = await enrolledShop(hq);
    open.push(shop.backend);
    await new ShopWriter(shop).step();
    await shop.engine.runNow();
    const other = await rawShop(hq, `OT${dialect === 'sqlite' ? 'S' : 'P'}`);
    await hq.service.publish({ kind: 'users', shopId: shop.hqShopId, items: [{ id: '0190a000-0000-7000-8000-0000000000aa', data: { username: 'only.mine', displayName: 'x', role: 'counter' } }] });
    const pull = await hq.app.inject({
      method: 'POST',
      url: PATHS.pull,
      payload: { cursor: 0 },
      headers: { authorization: `Bearer ${other.token}`, [HEADER_PROTOCOL]: '1', [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA) },
    });
    expect(JSON.stringify(pull.json())).not.toContain('only.mine');
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const list = (await hq.app.inject({ method: 'GET', url: '/admin/v1/shops', headers: admin })).json().shops as { id: string; lastPushAt: string | null; lastSeq: number }[];
    const mine = list.find((s) => s.id === shop.hqShopId)!;
    expect(mine.lastPushAt).not.toBeNull();
    expect(mine.lastSeq).toBeGreaterThan(0);
    const figures = (await hq.app.inject({ method: 'GET', url: `/admin/v1/figures/${shop.hqShopId}`, headers: admin })).json();
    expect(figures.shops[0].tables.customers).toBeGreaterThan(0);
    const all = (await hq.app.inject({ method: 'GET', url: '/admin/v1/figures', headers: admin })).json();
    expect(all.total.tables.customers).toBeGreaterThanOrEqual(figures.shops[0].tables.customers);
    expect(all.total).toHaveProperty('claims');
    const revoked = await hq.app.inject({ method: 'POST', url: `/admin/v1/shops/${shop.hqShopId}/revoke`, headers: admin });
    expect(revoked.json().shop.revoked).toBe(true);
    for (let i = 0; i < 6; i++) await new ShopWriter(shop).step();
    const st = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter });
    expect(st.lastError?.code).toBe('TOKEN_REVOKED');
    expect(st.waiting).toBeGreaterThan(0);
    // a new code re-enrolls the same database; it continues where it was
    const code = (await hq.app.inject({ method: 'POST', url: `/admin/v1/shops/${shop.hqShopId}/code`, headers: admin })).json().enrollmentCode as string;
    await shop.backend.call('sync.enroll', { url: 'http://hq.test', code }, { token: shop.tokens.admin });
    await shop.engine.runNow();
    expect((await shop.backend.call('sync.status', {}, { token: shop.tokens.counter })).waiting).toBe(0);
    expect((await compareShop(hq, shop)).diff).toEqual([]);
  });

  it.skipIf(skip)('head office down for a day while the shop works: backoff, nothing lost, one sync catches up', async () => {
    let now = Date.parse('2026-03-02T08:00:00Z');
    const clock = { now: () => new Date(now) };
    let down = false;
    let attempts = 0;
    const inner = injectTransport(hq.app);
    const transport: SyncTransport = {
      post(...a) {
        if (down) {
          attempts++;
          return Promise.reject(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
        }
        return inner.post(...a);
      },
    };
    const shop = await enrolledShop(hq, { transport, clock });
    open.push(shop.backend);
    const w = new ShopWriter(shop);
    down = true;
    const end = now + 24 * 3600_000;
    let writes = 0;
    while (now < end) {
      now += 60_000; // a minute of shop time
      if (writes < 300) {
        await w.step();
        writes++;
      }
      await shop.engine.tick();
    }
    // backoff: far fewer attempts than one a minute (1,440) or one per interval (288)
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(80);
    const st = await shop.engine.status('en'); // (the fake day outlived the sessions)
    expect(st.waiting).toBeGreaterThan(300);
    expect(st.failures).toBe(attempts);
    down = false;
    now += 31 * 60_000;
    await shop.engine.tick();
    const after = await shop.engine.status('en');
    expect(after.lastError).toBeNull();
    expect(after.waiting).toBe(0);
    expect((await compareShop(hq, shop)).diff).toEqual([]);
  });
});
