import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import { appendEvent } from '../../../src/core/tickets/events';
import { intakeInput } from './helpers';

let backend: Backend;
let t: Record<Role, string>;
const clock = new ManualClock();
const ids: Record<string, string> = {};
let techId = '';

beforeAll(async () => {
  ({ backend } = makeBackend({ clock }));
  t = await setupShop(backend);
  techId = (await backend.call('users.list', {}, { token: t.admin })).find((u) => u.username === 'technician')!.id;
  const add = async (key: string, over: Parameters<typeof intakeInput>[0]) => {
    clock.advance(60_000);
    ids[key] = (await backend.call('tickets.intake', intakeInput({ confirmDuplicate: true, ...over }), { token: t.counter })).ticket!.id;
  };
  await add('wang', {}); // 王小明 138 0013 8000, Huawei Mate 60 Pro, 屏幕碎裂
  await add('zhang', {
    customer: { name: '张伟', phones: ['0755-8321 6688'] },
    device: { category: 'laptop', brand: '联想', model: 'ThinkPad X1 Carbon', serial: 'PF3ABC12' },
    fault: { text: '键盘进水，部分按键失灵', codes: ['keyboard'] },
    technicianId: techId,
    warrantyClaimed: true,
  });
  await add('ouyang', {
    customer: { name: '欧阳娜娜', phones: ['13912340042'] },
    device: { category: 'air_conditioner', brand: '格力', model: 'KFR-35GW 云佳', serial: 'GL778899' },
    fault: { text: '空调不制冷，外机噪音大', codes: ['not_cooling'] },
    promisedDate: '2026-11-24',
  });
});
afterAll(async () => backend.close());

const q = (text: string) => backend.call('search.query', { q: text }, { token: t.technician });

describe('search.query finds anything from a fragment', () => {
  it('last 4+ digits of a mobile or landline', async () => {
    expect((await q('8000')).customers.map((c) => c.name)).toEqual(['王小明']);
    expect((await q('6688')).customers.map((c) => [c.name, c.match])).toEqual([['张伟', 'phone']]);
    expect((await q('138 0013 8000')).customers.map((c) => c.name)).toEqual(['王小明']);
  });

  it('part of an IMEI, or a serial', async () => {
    const detail = await backend.call('tickets.get', { id: ids.wang! }, { token: t.counter });
    const imei = detail.device.imei;
    const r = await q(imei.slice(4, 11));
    expect(r.devices.map((d) => d.id)).toEqual([detail.device.id]);
    expect((await q(imei)).best).toEqual({ kind: 'device', id: detail.device.id });
    expect((await q('pf3abc12')).devices.map((d) => d.model)).toEqual(['ThinkPad X1 Carbon']);
  });

  it('a ticket number with or without its prefix, exact match first', async () => {
    for (const text of ['TS01-2611-0002', 'ts01-2611-0002', '2611-0002']) {
      const r = await q(text);
      expect(r.best, text).toEqual({ kind: 'ticket', id: ids.zhang });
      expect(r.tickets[0]!.match).toBe('ticket_number');
    }
    expect((await q('0002')).tickets[0]!.id).toBe(ids.zhang);
    // 0042 is both a sequence and a phone ending: both groups answer
    const r = await q('0042');
    expect(r.customers.map((c) => c.name)).toEqual(['欧阳娜娜']);
    expect(await backend.call('tickets.byBarcode', { code: 'TS01-2611-0003' }, { token: t.counter })).toEqual({ id: ids.ouyang, number: 'TS01-2611-0003' });
    expect(await backend.callWire('tickets.byBarcode', { code: 'TS01-2611-9999' }, { token: t.counter })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a two-character Chinese name, at the start or the end of the name', async () => {
    expect((await q('张伟')).customers.map((c) => c.name)).toEqual(['张伟']);
    expect((await q('小明')).customers.map((c) => c.name)).toEqual(['王小明']);
    expect((await q('欧阳')).customers.map((c) => c.name)).toEqual(['欧阳娜娜']);
    expect((await q('欧阳娜娜')).customers.map((c) => c.name)).toEqual(['欧阳娜娜']);
  });

  it('a model or brand, and words of the fault', async () => {
    expect((await q('mate 60')).devices.map((d) => d.brand)).toEqual(['华为']);
    expect((await q('ThinkPad')).devices.map((d) => d.serial)).toEqual(['PF3ABC12']);
    expect((await q('格力')).devices.map((d) => d.model)).toEqual(['KFR-35GW 云佳']);
    expect((await q('不制冷')).tickets.map((x) => x.id)).toEqual([ids.ouyang]);
    expect((await q('进水')).tickets.map((x) => x.id)).toEqual([ids.zhang]); // two characters: recent tickets scanned
    expect((await q('无此内容xyz')).tickets).toEqual([]);
  });
});

describe('ticket lists', () => {
  it('filter by status, technician, warranty/paid, overdue and age, newest first', async () => {
    const list = (input: Record<string, unknown>) => backend.call('tickets.list', input, { token: t.counter }).then((p) => p.rows.map((r) => r.id));
    expect(await list({})).toEqual([ids.ouyang, ids.zhang, ids.wang]);
    expect(await list({ technicianId: techId })).toEqual([ids.zhang]);
    expect(await list({ technicianId: 'unassigned' })).toEqual([ids.ouyang, ids.wang]);
    expect(await list({ coverage: 'warranty' })).toEqual([ids.zhang]);
    expect(await list({ coverage: 'paid' })).toEqual([ids.ouyang, ids.wang]);
    expect(await list({ text: '欧阳' })).toEqual([ids.ouyang]);
    expect(await list({ text: '8000' })).toEqual([ids.wang]);
    expect(await list({ overdue: true })).toEqual([]);
    clock.advance(2 * 86_400_000); // 25 November in Shenzhen: the air conditioner was promised for the 24th
    const s = await backend.call('auth.login', { username: 'counter', password: 'correct-horse' });
    t.counter = s.token;
    t.technician = (await backend.call('auth.login', { username: 'technician', password: 'correct-horse' })).token;
    expect(await list({ overdue: true })).toEqual([ids.ouyang]);
    const row = (await backend.call('tickets.list', { overdue: true }, { token: t.counter })).rows[0]!;
    expect(row.flags).toEqual({ daysOpen: 2, daysToPromise: -1, overdue: true, legalDaysLeft: null }); // paid: no 三包 limit
    expect(row.customer).toMatchObject({ name: '欧阳娜娜', phone: '139 1234 0042' });
    expect(await list({ minAgeDays: 1 })).toHaveLength(3);
    expect(await list({ maxAgeDays: 1 })).toEqual([]);
    expect(await list({ status: ['received'] })).toHaveLength(3);
    expect(await list({ status: ['ready'] })).toEqual([]);
  });

  it('pages by cursor', async () => {
    const p1 = await backend.call('tickets.list', { limit: 2 }, { token: t.counter });
    expect(p1.rows).toHaveLength(2);
    const p2 = await backend.call('tickets.list', { limit: 2, cursor: p1.nextCursor! }, { token: t.counter });
    expect(p2).toMatchObject({ rows: [{ id: ids.wang }], nextCursor: null });
    expect(await backend.callWire('tickets.list', { limit: 101 }, { token: t.counter })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lists devices ready and not collected for N days, longest waiting first, and counts the board', async () => {
    const s = backend.services;
    const ctx = { sqlite: s.sqlite, newId: s.newId, nowIso: () => s.clock.now().toISOString(), session: null };
    s.sqlite.transaction(() => appendEvent(ctx, { ticketId: ids.wang!, kind: 'status', fromStatus: 'received', toStatus: 'ready' }))();
    clock.advance(10 * 86_400_000);
    s.sqlite.transaction(() => appendEvent(ctx, { ticketId: ids.zhang!, kind: 'status', fromStatus: 'received', toStatus: 'ready' }))();
    clock.advance(40 * 60_000);
    const token = (await backend.call('auth.login', { username: 'manager', password: 'correct-horse' })).token;
    const r = await backend.call('tickets.uncollected', { days: 7 }, { token });
    expect(r.rows.map((x) => [x.id, x.readyDays])).toEqual([[ids.wang, 10]]);
    expect((await backend.call('tickets.uncollected', { days: 0 }, { token })).rows.map((x) => x.id)).toEqual([ids.wang, ids.zhang]);
    expect(await backend.call('tickets.statusCounts', {}, { token })).toMatchObject({ ready: 2, received: 1, collected: 0 });
  });
});
