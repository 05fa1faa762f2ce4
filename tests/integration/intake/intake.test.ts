import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import type { Backend } from '../../../src/core';
import { MAX_ATTACHMENT_BYTES } from '../../../src/shared/tickets/schemas';
import { appendEvent } from '../../../src/core/tickets/events';
import { count, imei, intakeInput } from './helpers';

let backend: Backend;
afterEach(async () => backend?.close());

const WRITTEN = ['customers', 'customer_phones', 'devices', 'device_owners', 'tickets', 'ticket_events', 'attachments', 'attachment_blobs', 'ticket_counters', 'payments'];
const snapshot = (b: Backend) => Object.fromEntries([...WRITTEN, 'outbox'].map((t) => [t, count(b, t)]));
const fieldPaths = (r: { ok: boolean; error?: { details: Record<string, unknown> } }) =>
  ((r.error?.details.fields ?? []) as { path: string }[]).map((f) => f.path).sort();

describe('tickets.intake', () => {
  it('registers customer, device and ticket in one call: numbered, received, first event, outbox rows', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const before = count(backend, 'outbox');
    const r = await backend.call('tickets.intake', intakeInput({ photos: [{ name: 'front.jpg', mime: 'image/jpeg', dataBase64: Buffer.from('jpeg bytes').toString('base64') }] }), { token: t.counter });
    const ticket = r.ticket!;
    expect(ticket.number).toBe('TS01-2611-0001');
    expect(ticket.status).toBe('received');
    expect(ticket.events).toEqual([expect.objectContaining({ kind: 'created', fromStatus: null, toStatus: 'received', userName: 'counter' })]);
    expect(ticket.passcode).toEqual({ hasPasscode: true, kind: 'pin', declined: false, none: false, erasedAt: null });
    expect(JSON.stringify(ticket)).not.toContain('246810');
    expect(ticket.flags).toEqual({ daysOpen: 0, daysToPromise: 7, overdue: false, legalDaysLeft: null }); // a paid repair runs against no 三包 limit
    expect(ticket.attachments).toEqual([expect.objectContaining({ name: 'front.jpg', mime: 'image/jpeg', size: 10 })]);
    const att = await backend.call('attachments.get', { id: ticket.attachments[0]!.id }, { token: t.technician });
    expect(Buffer.from(att.dataBase64, 'base64').toString()).toBe('jpeg bytes');
    expect(att.sha256).toMatch(/^[0-9a-f]{64}$/);
    // every synced table the intake wrote appended to the outbox in the same transaction
    const tables = (backend.services.sqlite.prepare('SELECT DISTINCT table_name FROM outbox WHERE seq > ?').all(before) as { table_name: string }[]).map((x) => x.table_name).sort();
    // the deposit taken at intake is a payment row (collection capability); the photo's bytes are a blob row
    expect(tables).toEqual(['attachment_blobs', 'attachments', 'customer_phones', 'customers', 'device_owners', 'devices', 'payments', 'ticket_counters', 'ticket_events', 'tickets']);
  });

  it('gates every bad field at once with a message at the field, and saves nothing', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const empty = snapshot(backend);
    const cases: [string, Parameters<typeof intakeInput>[0], string[]][] = [
      ['wrong IMEI check digit', { device: { category: 'phone', brand: 'Apple', model: 'iPhone 15', imei: '490154203237517' } }, ['device.imei']],
      ['malformed phone', { customer: { name: '王小明', phones: ['138 0013 800'] } }, ['customer.phones.0']],
      ['purchase date in the future', { device: { category: 'phone', brand: 'Apple', model: 'iPhone 15', imei: imei(), purchaseDate: '2026-11-24' } }, ['device.purchaseDate']],
      ['promised date in the past', { promisedDate: '2026-11-22' }, ['promisedDate']],
      ['negative deposit', { depositFen: -100 }, ['depositFen']],
      ['fractional deposit', { depositFen: 10.5 }, ['depositFen']],
      ['no data-loss acknowledgement', { dataLossAck: false as never }, ['dataLossAck']],
      ['no fault', { fault: { text: '', codes: [] } }, ['fault.text']],
      ['no passcode answer', { passcode: undefined as never }, ['passcode']],
      ['bad pattern', { passcode: { kind: 'pattern', value: '112' } }, ['passcode.value']],
      ['other accessory without text', { accessories: { items: ['other'] } }, ['accessories.other']],
      ['no device', { device: undefined }, ['device']],
      ['mail-in without tracking number', { service: { kind: 'mail_in', courier: '顺丰', trackingNo: '' } }, ['service.trackingNo']],
      ['unknown technician', { technicianId: 'nobody' }, ['technicianId']],
      ['several at once', { promisedDate: '2020-01-01', depositFen: -1, customer: { name: '', phones: ['x'] } }, ['customer.name', 'customer.phones.0', 'depositFen']],
    ];
    for (const [what, over, paths] of cases) {
      const r = await backend.callWire('tickets.intake', intakeInput(over), { token: t.counter, locale: 'en' });
      expect(r.ok, what).toBe(false);
      expect((r as { error: { code: string } }).error.code, what).toBe('VALIDATION');
      expect(fieldPaths(r as never), what).toEqual(paths);
    }
    expect(snapshot(backend)).toEqual(empty);
  });

  it('refuses a photo over the size limit with a translated message', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7).toString('base64');
    const r = await backend.callWire('tickets.intake', intakeInput({ photos: [{ mime: 'image/png', dataBase64: big }] }), { token: t.counter, locale: 'zh-CN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'photos.0.dataBase64', message: '照片不能超过 4 MB' }] } } });
    expect(count(backend, 'tickets')).toBe(0);
  });

  it('rolls back everything when a write fails midway: no customer, device, ticket or number used', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const before = snapshot(backend);
    backend.services.sqlite.exec(`CREATE TRIGGER test_fail BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const r = await backend.callWire('tickets.intake', intakeInput({ photos: [{ mime: 'image/png', dataBase64: 'aGVsbG8=' }] }), { token: t.counter });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshot(backend)).toEqual(before);
    backend.services.sqlite.exec(`DROP TRIGGER test_fail`);
    const ok = await backend.call('tickets.intake', intakeInput(), { token: t.counter });
    expect(ok.ticket!.number).toBe('TS01-2611-0001');
  });

  it('answers a duplicate phone with the existing customer, and saves on confirmation', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const first = await backend.call('tickets.intake', intakeInput(), { token: t.counter });
    const before = snapshot(backend);
    const dup = await backend.call('tickets.intake', intakeInput({ customer: { name: '王晓明', phones: ['+8613800138000'] } }), { token: t.counter });
    expect(dup).toEqual({ ticket: null, duplicateOf: [{ id: first.ticket!.customer.id, name: '王小明', phones: ['138 0013 8000'], company: '' }] });
    expect(snapshot(backend)).toEqual(before);
    const yes = await backend.call('tickets.intake', intakeInput({ customer: { name: '王晓明', phones: ['13800138000'] }, confirmDuplicate: true }), { token: t.counter });
    expect(yes.ticket!.customer.name).toBe('王晓明');
  });

  it('uses an existing customer and device', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const first = (await backend.call('tickets.intake', intakeInput(), { token: t.counter })).ticket!;
    const again = (await backend.call('tickets.intake', intakeInput({ customer: undefined, customerId: first.customer.id, device: undefined, deviceId: first.device.id, passcode: 'declined' }), { token: t.counter })).ticket!;
    expect(again.customer.id).toBe(first.customer.id);
    expect(again.device.id).toBe(first.device.id);
    expect(again.passcode).toMatchObject({ hasPasscode: false, declined: true });
    expect(count(backend, 'customers')).toBe(1);
    expect(count(backend, 'device_owners')).toBe(1);
  });

  it('refuses intake to technicians', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    expect(await backend.callWire('tickets.intake', intakeInput(), { token: t.technician })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('ticket numbers', () => {
  it('restart each month of the shop\'s calendar (Shanghai midnight, not UTC)', async () => {
    const clock = new ManualClock(Date.parse('2026-11-30T15:30:00Z'));
    ({ backend } = makeBackend({ clock }));
    const t = await setupShop(backend);
    clock.set('2026-11-30T15:58:00Z'); // 23:58 in Shenzhen
    const a = await backend.call('tickets.intake', intakeInput({ promisedDate: '2026-12-05' }), { token: t.counter });
    const b = await backend.call('tickets.intake', intakeInput({ promisedDate: '2026-12-05', confirmDuplicate: true }), { token: t.counter });
    clock.set('2026-11-30T16:01:00Z'); // 00:01 on 1 December
    const c = await backend.call('tickets.intake', intakeInput({ promisedDate: '2026-12-05', confirmDuplicate: true }), { token: t.counter });
    expect([a, b, c].map((x) => x.ticket!.number)).toEqual(['TS01-2611-0001', 'TS01-2611-0002', 'TS01-2612-0001']);
  });

  it('count per shop', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const other = makeBackend({ clock: new ManualClock() }).backend;
    try {
      const admin = await other.call('setup.run', { shop: { name: '南山店', code: 'SZ02' }, admin: { username: 'admin', displayName: 'A', password: 'password1' } });
      await backend.call('tickets.intake', intakeInput(), { token: t.counter });
      const x = await other.call('tickets.intake', intakeInput(), { token: admin.token });
      expect(x.ticket!.number).toBe('SZ02-2611-0001');
      expect((await backend.call('tickets.intake', intakeInput({ confirmDuplicate: true }), { token: t.counter })).ticket!.number).toBe('TS01-2611-0002');
    } finally {
      await other.close();
    }
  });

  it('never repeat under concurrent intakes', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const results = await Promise.all(Array.from({ length: 12 }, () => backend.call('tickets.intake', intakeInput({ customer: { name: '并发', phones: ['13912345678'] }, confirmDuplicate: true }), { token: t.counter })));
    const numbers = results.map((r) => r.ticket!.number).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `TS01-2611-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('status and events', () => {
  it('keeps tickets.status equal to the last status event, and ticket_events append-only', async () => {
    const clock = new ManualClock();
    ({ backend } = makeBackend({ clock }));
    const t = await setupShop(backend);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await backend.call('tickets.intake', intakeInput({ confirmDuplicate: true }), { token: t.counter })).ticket!.id);
    const s = backend.services;
    const ctx = { sqlite: s.sqlite, newId: s.newId, nowIso: () => s.clock.now().toISOString(), session: null };
    const moves = [['diagnosing', 'repairing', 'qc', 'ready'], ['diagnosing', 'cancelled'], []] as const;
    ids.forEach((id, i) => {
      let from = 'received';
      for (const to of moves[i]!) {
        clock.advance(60_000);
        s.sqlite.transaction(() => appendEvent(ctx, { ticketId: id, kind: 'status', fromStatus: from as never, toStatus: to }))();
        from = to;
      }
      s.sqlite.transaction(() => appendEvent(ctx, { ticketId: id, kind: 'note', note: '客户来电询问进度' }))();
    });
    const mismatched = s.sqlite
      .prepare(
        `SELECT t.id FROM tickets t WHERE t.status IS NOT (SELECT e.to_status FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1)`,
      )
      .all();
    expect(mismatched).toEqual([]);
    expect((await backend.call('tickets.get', { id: ids[0]! }, { token: t.counter })).status).toBe('ready');
    const events = await backend.call('tickets.events', { ticketId: ids[1]! }, { token: t.technician });
    expect(events.map((e) => [e.kind, e.toStatus])).toEqual([['created', 'received'], ['status', 'diagnosing'], ['status', 'cancelled'], ['note', null]]);
    expect(() => s.sqlite.prepare(`UPDATE ticket_events SET note = 'x'`).run()).toThrow(/append-only/);
    expect(() => s.sqlite.prepare(`DELETE FROM ticket_events`).run()).toThrow(/append-only/);
  });
});
