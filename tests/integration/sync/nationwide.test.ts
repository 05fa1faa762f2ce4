import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, enrolledShop, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq, type TestShop } from '../../helpers/hq';
import { PASSWORD, makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { repairedPhone } from '../../helpers/nationwide';
import { imei, intakeInput } from '../intake/helpers';
import { fetchTransport } from '../../../src/core/sync/transport';
import { HEADER_PROTOCOL, HEADER_SCHEMA, PATHS, PROTOCOL_VERSION } from '../../../src/shared/sync/protocol';
import { LATEST_SHOP_SCHEMA } from '../../../src/hq/shapes';
import { AppError } from '../../../src/shared/api/errors';
import type { Backend } from '../../../src/core';
import type { DeviceLookup } from '../../../src/shared/sync/procedures';

/**
 * The nationwide service (全国联保), on SQLite and on a real PostgreSQL head office listening on
 * a loopback port (the shops reach it with fetch, as in a shop): shop A repairs and hands back a
 * dual-IMEI phone and takes it in again; shop B looks it up by either IMEI and by serial and sees
 * A's registration and visits; offline answers say why and the intake goes on.
 */
const pgAvailable = (await sharedPostgres()) !== null;
if (!pgAvailable) console.warn('[nationwide tests] PostgreSQL binaries not found under /usr/lib/postgresql: the PostgreSQL run is skipped');
afterAll(() => stopSharedPostgres());

type Online = Extract<DeviceLookup, { online: true }>;
const online = (r: DeviceLookup): Online => {
  expect(r.online, JSON.stringify(r)).toBe(true);
  return r as Online;
};

describe.each(['sqlite', 'postgres'] as HqDialect[])('nationwide device lookup, head office on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgAvailable;
  let hq: TestHq;
  let hqClosed = false;
  let url = '';
  let a: TestShop;
  let b: TestShop;
  const opened: Backend[] = [];
  const IMEI1 = imei();
  const IMEI2 = imei();
  const SERIAL = `NW${dialect === 'sqlite' ? 'S' : 'P'}${Date.now().toString(36).toUpperCase()}`;
  const tickets: { number: string; id: string }[] = [];
  let deviceId = '';

  beforeAll(async () => {
    if (skip) return;
    hq = await openTestHq(dialect);
    await hq.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(hq.app.server.address() as net.AddressInfo).port}`;
    const clock = new ManualClock(Date.parse('2026-10-08T02:00:00.000Z'));
    a = await enrolledShop(hq, { transport: fetchTransport, url, clock });
    // Shop B on a clock of its own (the intakes' promised dates stay ahead of it whatever the day).
    b = await enrolledShop(hq, { transport: fetchTransport, url, clock: new ManualClock(), sync: { lookupTimeoutMs: 1_000 } });
    opened.push(a.backend, b.backend);

    // Shop A: a dual-IMEI phone with its invoice, repaired (paid), handed back; in again a month later.
    const history = await repairedPhone(a.backend, clock, { imei: IMEI1, imei2: IMEI2, serial: SERIAL.toLowerCase() });
    deviceId = history.deviceId;
    tickets.push(...history.tickets);
    a.tokens.counter = (await a.backend.call('auth.login', { username: 'counter', password: PASSWORD })).token;
    const st = await a.backend.call('sync.now', {}, { token: a.tokens.counter });
    expect(st.lastError).toBeNull();
    expect(st.waiting).toBe(0);
  }, 120_000);

  afterAll(async () => {
    while (opened.length) await opened.pop()!.close();
    if (hq && !hqClosed) await hq.close();
  });

  const lookup = (shop: TestShop, input: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    shop.backend.call('sync.lookupDevice', input as never, { token: shop.tokens.counter, locale });

  it.skipIf(skip)('shop B finds shop A\'s registration and repair history by either IMEI and by serial, oldest visit first', async () => {
    const aCode = (await hq.service.shop(a.hqShopId))!.code;
    const r = online(await lookup(b, { imei: IMEI1 }));
    expect(r.devices).toHaveLength(1);
    expect(r.registration).toMatchObject({
      shop: { code: aCode, own: false },
      id: deviceId,
      matchedBy: 'imei',
      category: 'phone',
      brand: '华为',
      model: 'Mate 60',
      imei: IMEI1,
      imei2: IMEI2,
      serial: SERIAL,
      purchaseDate: '2025-01-05',
      proofKind: 'invoice',
      invoiceNo: 'FP-0001',
      invoiceDate: '2025-01-05',
      seller: '华为授权体验店（福田）',
      invoicePriceFen: 599_900,
    });
    expect(r.tickets.map((t) => t.number)).toEqual(tickets.map((t) => t.number));
    const [first, second] = r.tickets;
    expect(first).toMatchObject({
      shop: { code: aCode, own: false },
      status: 'collected',
      receivedAt: '2026-10-08T02:00:00.000Z',
      collectedAt: '2026-10-10T03:00:00.000Z',
      faultText: '屏幕碎裂，触摸失灵',
      faultCodes: ['screen_broken'],
      diagnosis: '屏幕排线断裂',
      outcome: 'repaired',
      warrantyClaimed: false,
      payment: 'paid',
      customerFen: 120_000,
      coveredFen: 0,
    });
    expect(first!.work).toEqual([{ description: '更换屏幕总成', qty: 1, status: 'not_covered', customerFen: 120_000 }]);
    expect(second).toMatchObject({ status: 'received', collectedAt: null, warrantyClaimed: true, payment: 'none', diagnosis: null, outcome: null, faultText: '换屏后触摸偶尔失灵' });
    // Device and repair facts only: nothing of A's customer travels.
    const wire = JSON.stringify(r);
    for (const secret of ['王小明', '13800138000', '138 0013 8000', '246810']) expect(wire).not.toContain(secret);

    const bySecond = online(await lookup(b, { imei: IMEI2 }));
    expect(bySecond.devices.map((d) => [d.id, d.matchedBy])).toEqual([[deviceId, 'imei2']]);
    expect(bySecond.tickets.map((t) => t.number)).toEqual(tickets.map((t) => t.number));
    // The serial as a label shows it or as typed: normalized either way.
    const bySerial = online(await lookup(b, { serial: ` ${SERIAL.toLowerCase()} ` }));
    expect(bySerial.devices.map((d) => [d.id, d.matchedBy])).toEqual([[deviceId, 'serial']]);
    expect(bySerial.tickets).toHaveLength(2);

    // Head office's admins ask the same through the admin API.
    const admin = await hq.app.inject({ method: 'GET', url: `/admin/v1/devices?imei=${IMEI2}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(admin.statusCode).toBe(200);
    expect((admin.json() as { devices: { id: string; shop: { own: boolean } }[] }).devices).toEqual([expect.objectContaining({ id: deviceId, shop: expect.objectContaining({ own: false }) })]);
    expect((await hq.app.inject({ method: 'GET', url: `/admin/v1/devices?imei=${IMEI2}` })).statusCode).toBe(401);
    expect((await hq.app.inject({ method: 'GET', url: '/admin/v1/devices?imei=1', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).statusCode).toBe(400);
  });

  it.skipIf(skip)('an unknown device is an empty answer; B\'s own visit joins the history and A\'s registration stays first', async () => {
    const none = online(await lookup(b, { imei: imei() }));
    expect(none).toMatchObject({ devices: [], tickets: [], registration: null, truncated: false });
    expect(online(await lookup(b, { serial: 'NO-SUCH-SERIAL-1' })).devices).toEqual([]);

    // B takes the phone in without a receipt (the customer lost it): B's record has no purchase data.
    const r = await b.backend.call(
      'tickets.intake',
      intakeInput({ customer: { name: '赵六', phones: ['139 0000 1111'] }, device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: IMEI1 } } as never),
      { token: b.tokens.counter },
    );
    expect(r.ticket).toBeTruthy();
    expect((await b.backend.call('sync.now', {}, { token: b.tokens.counter })).lastError).toBeNull();
    const fromA = online(await lookup(a, { imei: IMEI1 }));
    expect(fromA.devices).toHaveLength(2);
    expect(fromA.devices.find((d) => d.id === deviceId)!.shop.own).toBe(true);
    expect(fromA.devices.find((d) => d.id !== deviceId)!.shop.own).toBe(false);
    expect(fromA.registration!.id).toBe(deviceId);
    expect(fromA.tickets.map((t) => t.number)).toContain(r.ticket!.number);
    expect(fromA.tickets).toHaveLength(3);
  });

  it.skipIf(skip)('uses the lookup indexes (no table scan), on this dialect', async () => {
    const plans: string[] = [];
    if (dialect === 'sqlite') {
      const db = hq.service.store.sqlite!;
      for (const [field, idx] of [['imei', 'hq_rows_device_imei'], ['imei2', 'hq_rows_device_imei2'], ['serial', 'hq_rows_device_serial']]) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT data FROM hq_rows WHERE deleted = 0 AND table_name = 'devices' AND json_extract(data, '$.${field}') = ?`).all('x') as { detail: string }[];
        plans.push(plan.map((p) => p.detail).join(' '));
        expect(plans.at(-1)).toContain(idx);
      }
      const child = db
        .prepare(`EXPLAIN QUERY PLAN SELECT data FROM hq_rows WHERE table_name IN ('bench_tickets', 'collections', 'diagnoses', 'quotes', 'sanbao_outcomes') AND json_extract(data, '$.ticket_id') IN (?, ?)`)
        .all('x', 'y') as { detail: string }[];
      expect(child.map((p) => p.detail).join(' ')).toContain('hq_rows_ticket_child');
    } else {
      // The planner's choice depends on the numbers: give it a head office with many devices and
      // tickets (in a transaction rolled back afterwards), as a real one has.
      const client = await hq.service.store.pool!.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at)
           SELECT $1, t, t || '-' || g, 1, 0, json_build_object('id', t || '-' || g, 'imei', lpad(g::text, 15, '0'), 'device_id', 'd-' || g)::text, 'x'
           FROM generate_series(1, 5000) AS g, unnest(ARRAY['devices', 'tickets']) AS t`,
          [a.hqShopId],
        );
        await client.query('ANALYZE hq_rows');
        const plan = await client.query(`EXPLAIN SELECT data FROM hq_rows WHERE deleted = 0 AND table_name = 'devices' AND (data::jsonb ->> 'imei') = $1`, ['x']);
        expect(plan.rows.map((r: Record<string, string>) => Object.values(r)[0]).join(' ')).toContain('hq_rows_device_imei');
        const t = await client.query(`EXPLAIN SELECT data FROM hq_rows WHERE deleted = 0 AND table_name = 'tickets' AND (data::jsonb ->> 'device_id') IN ($1, $2)`, ['x', 'y']);
        expect(t.rows.map((r: Record<string, string>) => Object.values(r)[0]).join(' ')).toContain('hq_rows_ticket_device');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    }
  });

  it.skipIf(skip)('refuses malformed input with typed errors, at the shop and at head office', async () => {
    const refused = async (input: unknown) => {
      const e = await lookup(b, input as never, 'en').then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION');
      return (e as AppError).fields.map((f) => f.path);
    };
    expect(await refused({})).toEqual(['imei']);
    expect(await refused({ imei: '', serial: '' })).toEqual(['imei']);
    expect(await refused({ imei: '12345' })).toEqual(['imei']);
    expect(await refused({ imei: IMEI1.slice(0, 14) + String((Number(IMEI1[14]) + 1) % 10) })).toEqual(['imei']);
    expect(await refused({ serial: '!!' })).toEqual(['serial']);
    expect((await refused({ imei: IMEI1, customer: 'x' })).length).toBeGreaterThan(0);
    const wire = await b.backend.callWire('sync.lookupDevice', { imei: '12345' }, { token: b.tokens.counter, locale: 'en' });
    expect(wire.ok).toBe(false);

    // Head office: a shop token, the version headers, a validated and size-capped body.
    const headers = { [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA), 'content-type': 'application/json' };
    const raw = async (payload: unknown, extra: Record<string, string> = {}) => {
      const res = await hq.app.inject({ method: 'POST', url: PATHS.lookupDevice, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { ...headers, ...extra } });
      return { status: res.statusCode, code: (res.json() as { error?: { code: string } }).error?.code };
    };
    expect(await raw({ imei: IMEI1 })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await raw({ imei: IMEI1 }, { authorization: 'Bearer not-a-shop-token' })).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const created = await hq.service.createShop({ code: `NW${dialect === 'sqlite' ? 'S' : 'P'}RAW`, name: 'raw' });
    const token = 'n'.repeat(50);
    const en = await hq.app.inject({
      method: 'POST',
      url: PATHS.enroll,
      payload: { code: created.enrollmentCode, token, shop: { uid: 'raw-uid', code: 'RAW', name: 'raw' }, baseSeq: 0 },
      headers,
    });
    expect(en.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${token}` };
    expect((await raw({ imei: IMEI1 }, auth)).status).toBe(200);
    expect(await raw({ imei: '12345' }, auth)).toEqual({ status: 400, code: 'MALFORMED' });
    expect(await raw({}, auth)).toEqual({ status: 400, code: 'MALFORMED' });
    expect(await raw({ imei: IMEI1, table: 'customers' }, auth)).toEqual({ status: 400, code: 'MALFORMED' });
    expect(await raw({ serial: "x' OR 1=1 --" }, auth)).toEqual({ status: 400, code: 'MALFORMED' });
    expect(await raw('not json', auth)).toEqual({ status: 400, code: 'MALFORMED' });
    expect(await raw({ serial: 'A'.repeat(2000) }, auth)).toEqual({ status: 413, code: 'TOO_LARGE' });
    expect(await raw({ imei: IMEI1 }, { ...auth, [HEADER_PROTOCOL]: '0' })).toEqual({ status: 426, code: 'PROTOCOL_MISMATCH' });
    // A revoked shop's token is refused.
    await hq.service.revoke(created.shop.id);
    expect(await raw({ imei: IMEI1 }, auth)).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
  });

  it.skipIf(skip)('offline answers say why and never throw: not enrolled, revoked, timed out (the counter writes meanwhile), head office down', async () => {
    // Not enrolled.
    const { backend: lone } = makeBackend({ clock: new ManualClock() });
    opened.push(lone);
    const loneTokens = await setupShop(lone);
    const r0 = await lone.call('sync.lookupDevice', { imei: IMEI1 }, { token: loneTokens.counter, locale: 'en' });
    expect(r0).toEqual({ online: false, reason: 'not_enrolled', message: expect.stringMatching(/not joined head office.*continues on this shop's records/) });

    // Revoked.
    const c = await enrolledShop(hq, { transport: fetchTransport, url });
    opened.push(c.backend);
    online(await lookup(c, { imei: IMEI1 }));
    await hq.service.revoke(c.hqShopId);
    const r1 = await lookup(c, { imei: IMEI1 }, 'en');
    expect(r1).toMatchObject({ online: false, reason: 'revoked' });
    expect((r1 as { message: string }).message).toMatch(/revoked/);

    // Timed out: a head office that accepts the connection and never answers. The counter's intake
    // saves while the lookup waits.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((res) => silent.listen(0, '127.0.0.1', res));
    const sqlite = b.backend.services.sqlite;
    sqlite.prepare(`UPDATE sync_state SET hq_url = ? WHERE id = 1`).run(`http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
    try {
      const started = Date.now();
      let lookupDone = 0;
      const pending = lookup(b, { imei: IMEI1 }, 'en').then((r) => ((lookupDone = Date.now()), r));
      const intake = await b.backend.call('tickets.intake', intakeInput({ customer: { name: '钱七', phones: ['139 0000 2222'] } } as never), { token: b.tokens.counter });
      const intakeDone = Date.now();
      expect(intake.ticket).toBeTruthy();
      const r2 = await pending;
      expect(r2).toMatchObject({ online: false, reason: 'timeout' });
      expect((r2 as { message: string }).message).toMatch(/did not answer within a few seconds/);
      expect(intakeDone).toBeLessThan(lookupDone);
      expect(lookupDone - started).toBeGreaterThanOrEqual(900);
      expect(lookupDone - started).toBeLessThan(5_000);
    } finally {
      sqlite.prepare(`UPDATE sync_state SET hq_url = ? WHERE id = 1`).run(url);
      silent.close();
    }
    online(await lookup(b, { imei: IMEI1 }));

    // Head office down: unreachable in words; the intake of that very phone goes on at B.
    await hq.close();
    hqClosed = true;
    const zh = await lookup(b, { imei: IMEI1 }, 'zh-CN');
    expect(zh).toMatchObject({ online: false, reason: 'unreachable' });
    expect((zh as { message: string }).message).toContain('连不上总部');
    expect((zh as { message: string }).message).toContain('本次受理按本店记录继续');
    const en = await lookup(b, { imei: IMEI1 }, 'en');
    expect((en as { message: string }).message).toMatch(/^Head office unreachable \(.*ECONNREFUSED.*\); the intake continues on this shop's records$/);
    const dev = b.backend.services.sqlite.prepare(`SELECT id, owner_customer_id FROM devices WHERE imei = ?`).get(IMEI1) as { id: string; owner_customer_id: string };
    const again = await b.backend.call(
      'tickets.intake',
      { customerId: dev.owner_customer_id, deviceId: dev.id, fault: { text: '无法充电', codes: [] }, passcode: 'none', dataLossAck: true, promisedDate: '2026-12-30' },
      { token: b.tokens.counter },
    );
    expect(again.ticket?.number).toMatch(/^TS01-/);
    // The sync status is the sync's own business: a lookup does not record a sync failure.
    expect((await b.backend.call('sync.status', {}, { token: b.tokens.counter })).failures).toBe(0);
  }, 60_000);
});
