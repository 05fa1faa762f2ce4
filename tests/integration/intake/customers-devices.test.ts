import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import type { Backend } from '../../../src/core';
import { count, imei, intakeInput } from './helpers';

let backend: Backend;
afterEach(async () => backend?.close());

const audits = (b: Backend, action: string) =>
  (b.services.sqlite.prepare(`SELECT details_json FROM audit_log WHERE action = ? ORDER BY id`).all(action) as { details_json: string }[]).map((r) => JSON.parse(r.details_json));

describe('customers', () => {
  it('stores phones normalized and shows them the local way', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    const r = await backend.call('customers.create', { name: '李娜', phones: ['+86 139-0000-1234', '0755 8321 6688'], company: '福田区第一小学' }, { token: t.counter });
    expect(r.duplicateOf).toEqual([]);
    expect(r.customer!.phones).toEqual([
      { e164: '+8613900001234', display: '139 0000 1234', kind: 'mobile' },
      { e164: '+8675583216688', display: '0755-8321 6688', kind: 'landline' },
    ]);
    const found = await backend.call('customers.findByPhone', { phone: '1234' }, { token: t.technician });
    expect(found.map((c) => c.name)).toEqual(['李娜']);
    expect(await backend.call('customers.findByPhone', { phone: '13900001234' }, { token: t.counter })).toHaveLength(1);
  });

  it('warns about a second customer with the same phone and saves only when confirmed', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    const first = await backend.call('customers.create', { name: '张伟', phones: ['13800138000'] }, { token: t.counter });
    const again = await backend.call('customers.create', { name: '张伟伟', phones: ['138 0013 8000'] }, { token: t.counter });
    expect(again.customer).toBeNull();
    expect(again.duplicateOf).toEqual([{ id: first.customer!.id, name: '张伟', phones: ['138 0013 8000'], company: '' }]);
    expect(count(backend, 'customers')).toBe(1);
    const confirmed = await backend.call('customers.create', { name: '张伟伟', phones: ['13800138000'], confirmDuplicate: true }, { token: t.counter });
    expect(confirmed.customer).not.toBeNull();
    expect(count(backend, 'customers')).toBe(2);
  });

  it('audits edits with before and after, and warns when an edit adds someone else\'s phone', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    const a = (await backend.call('customers.create', { name: '陈静', phones: ['13600000001'] }, { token: t.counter })).customer!;
    await backend.call('customers.create', { name: '刘洋', phones: ['13600000002'] }, { token: t.counter });
    const updated = await backend.call('customers.update', { id: a.id, address: '深南大道 1 号', note: '只接受微信联系', preferredContact: 'wechat' }, { token: t.manager });
    expect(updated.customer).toMatchObject({ address: '深南大道 1 号', preferredContact: 'wechat', name: '陈静' });
    const [entry] = audits(backend, 'customers.update');
    expect(entry.before).toMatchObject({ address: '', preferredContact: 'phone' });
    expect(entry.after).toMatchObject({ address: '深南大道 1 号', preferredContact: 'wechat' });
    const clash = await backend.call('customers.update', { id: a.id, phones: ['13600000001', '13600000002'] }, { token: t.counter });
    expect(clash.customer).toBeNull();
    expect(clash.duplicateOf.map((c) => c.name)).toEqual(['刘洋']);
  });

  it('refuses a malformed phone at the field, translated', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    const r = await backend.callWire('customers.create', { name: '王芳', phones: ['1380013800'] }, { token: t.counter, locale: 'zh-CN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'phones.0', message: '不是有效的中国手机或固话号码' }] } } });
  });

  it('lets only the front desk create or edit customers', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    expect(await backend.callWire('customers.create', { name: 'x', phones: ['13800138000'] }, { token: t.technician })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('devices', () => {
  it('checks the IMEI check digit and dates against the shop\'s today', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const c = (await backend.call('customers.create', { name: '黄磊', phones: ['13700000000'] }, { token: t.counter })).customer!;
    const bad = await backend.callWire('devices.create', { ownerCustomerId: c.id, category: 'phone', brand: 'OPPO', model: 'Find X7', imei: '490154203237517' }, { token: t.counter, locale: 'en' });
    expect(bad).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'imei', message: expect.stringContaining('check digit') }] } } });
    const future = await backend.callWire('devices.create', { ownerCustomerId: c.id, category: 'tv', brand: '海信', model: '65E7K', serial: 'HX1234567', purchaseDate: '2026-11-24' }, { token: t.counter, locale: 'en' });
    expect(future).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'purchaseDate' }] } } });
    expect(count(backend, 'devices')).toBe(0);
  });

  it('refuses a second registration of the same IMEI, naming the existing device', async () => {
    ({ backend } = makeBackend());
    const t = await setupShop(backend);
    const c = (await backend.call('customers.create', { name: '黄磊', phones: ['13700000000'] }, { token: t.counter })).customer!;
    const code = imei();
    const d = await backend.call('devices.create', { ownerCustomerId: c.id, category: 'phone', brand: 'vivo', model: 'X100 Pro', imei: code }, { token: t.counter });
    const again = await backend.callWire('devices.create', { ownerCustomerId: c.id, category: 'phone', brand: 'vivo', model: 'X100 Pro', imei2: code, imei: imei() }, { token: t.counter });
    expect(again).toMatchObject({ ok: false, error: { details: { existingDeviceId: d.id, fields: [{ path: 'imei2' }] } } });
  });

  it('keeps one history across tickets and owners', async () => {
    const clock = new ManualClock();
    ({ backend } = makeBackend({ clock }));
    const t = await setupShop(backend);
    const first = await backend.call('tickets.intake', intakeInput(), { token: t.counter });
    const deviceId = first.ticket!.device.id;
    const buyer = (await backend.call('customers.create', { name: '二手买家', phones: ['13511112222'] }, { token: t.counter })).customer!;
    clock.advance(30 * 60_000);
    const second = await backend.call('tickets.intake', intakeInput({ customer: undefined, customerId: buyer.id, device: undefined, deviceId }), { token: t.counter });
    const h = await backend.call('devices.history', { id: deviceId }, { token: t.technician });
    expect(h.tickets.map((x) => x.id)).toEqual([second.ticket!.id, first.ticket!.id]);
    expect(h.owners.map((o) => [o.customerName, o.to === null, o.ticketId])).toEqual([
      ['王小明', false, null],
      ['二手买家', true, second.ticket!.id],
    ]);
    expect(h.device.ownerCustomerId).toBe(buyer.id);
    await backend.call('devices.update', { id: deviceId, colour: '黑色', ownerCustomerId: first.ticket!.customer.id }, { token: t.counter });
    expect((await backend.call('devices.history', { id: deviceId }, { token: t.counter })).owners).toHaveLength(3);
    const [entry] = audits(backend, 'devices.update');
    expect(entry.before.colour).toBe('雅川青');
    expect(entry.after.colour).toBe('黑色');
  });
});

describe('demo shop', () => {
  it('has customers with valid phones, devices with valid IMEIs, tickets over two weeks and every bench state', async () => {
    const { seedDemo } = await import('../../../src/core/demo');
    const { parseCnPhone } = await import('../../../src/shared/customers/phone');
    const { isValidImei } = await import('../../../src/shared/devices/imei');
    ({ backend } = makeBackend());
    expect(await seedDemo(backend)).toBe(true);
    const { sqlite } = backend.services;
    expect(count(backend, 'customers')).toBeGreaterThanOrEqual(20);
    // 30 from intake, 2 more taken in "yesterday" by the collection demo
    expect(count(backend, 'tickets')).toBe(32);
    for (const p of sqlite.prepare('SELECT e164 FROM customer_phones').all() as { e164: string }[]) expect(parseCnPhone(p.e164), p.e164).not.toBeNull();
    for (const d of sqlite.prepare('SELECT imei FROM devices WHERE imei IS NOT NULL').all() as { imei: string }[]) expect(isValidImei(d.imei)).toBe(true);
    const days = sqlite.prepare('SELECT count(DISTINCT substr(received_at, 1, 10)) n FROM tickets').get() as { n: number };
    expect(days.n).toBeGreaterThan(5);
    // later capabilities move some demo tickets on (bench states, collected); most wait at the counter
    const statuses = (sqlite.prepare(`SELECT status, count(*) n FROM tickets GROUP BY status`).all() as { status: string; n: number }[]);
    expect(statuses.find((r) => r.status === 'received')!.n).toBeGreaterThan(10);
    expect(statuses.map((r) => r.status)).toEqual(expect.arrayContaining(['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready']));
  });
});
