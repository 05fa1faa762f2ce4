/**
 * A small fixed shop history for the report tests, built through the real procedures on a
 * manual clock (status moves through appendEvent, as the bench's transition does). The hand-
 * computed figures are in reports.test.ts beside the expectations.
 */
import type { Backend } from '../../../src/core';
import { appendEvent } from '../../../src/core/tickets/events';
import type { TicketStatus } from '../../../src/shared/tickets/statuses';
import type { IntakeInputRaw } from '../../../src/shared/tickets/schemas';
import { withCheckDigit } from '../../../src/shared/devices/imei';
import { PASSWORD } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { enrolledShop, type TestHq, type TestShop } from '../../helpers/hq';

type Who = 'counter' | 'technician' | 'manager' | 'admin';

export interface Fixture {
  ids: Record<string, string>;
  users: Record<Who, string>;
  tok(who: Who): Promise<string>;
}

let imeiN = 0;
const imei = () => withCheckDigit(`8699990${String(++imeiN).padStart(7, '0')}`);

export async function buildHistory(backend: Backend, clock: ManualClock): Promise<Fixture> {
  const { sqlite } = backend.services;
  const users = Object.fromEntries(
    (sqlite.prepare(`SELECT id, username FROM users`).all() as { id: string; username: Who }[]).map((u) => [u.username, u.id]),
  ) as Record<Who, string>;
  const tok = async (who: Who) => (await backend.call('auth.login', { username: who, password: PASSWORD })).token;
  const at = (iso: string) => clock.set(iso);
  const ids: Record<string, string> = {};
  let phone = 13900000000;

  const intake = async (name: string, when: string, over: Partial<IntakeInputRaw> & { category?: string; brand?: string; codes?: string[] }) => {
    at(when);
    const { category = 'phone', brand = '华为', codes = ['screen_broken'], ...rest } = over;
    const input = {
      customer: { name: `客户${name}`, phones: [String(++phone)] },
      device: { category, brand, model: `${brand} X`, ...(category === 'phone' ? { imei: imei() } : { serial: `SN${name}${phone}` }) },
      fault: { text: '故障', codes },
      passcode: 'none',
      dataLossAck: true,
      promisedDate: '2026-12-31',
      technicianId: users.technician,
      ...rest,
    } as IntakeInputRaw;
    const r = await backend.call('tickets.intake', input, { token: await tok('counter') });
    ids[name] = r.ticket!.id;
    ids[`${name}.device`] = r.ticket!.device.id;
    ids[`${name}.customer`] = r.ticket!.customer.id;
    return r.ticket!;
  };
  const move = (name: string, to: TicketStatus, when: string, who: Who) => {
    at(when);
    const id = ids[name]!;
    const from = (sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: TicketStatus }).status;
    sqlite.transaction(() =>
      appendEvent(
        { sqlite, newId: backend.services.newId, nowIso: () => clock.now().toISOString(), session: { userId: users[who], username: who, displayName: who, role: who, tokenHash: '' } },
        { ticketId: id, kind: 'status', fromStatus: from, toStatus: to },
      ),
    )();
  };
  const path = (name: string, steps: [TicketStatus, string, Who][]) => steps.forEach(([to, when, who]) => move(name, to, when, who));

  // T6: a laptop received in September, ready 43 days later (legal limit and promise broken).
  await intake('T6', '2026-09-20T02:00:00.000Z', { category: 'laptop', brand: '联想', codes: ['no_power'], promisedDate: '2026-09-27' });
  path('T6', [['diagnosing', '2026-09-20T03:00:00.000Z', 'technician'], ['repairing', '2026-09-21T02:00:00.000Z', 'technician']]);
  // T1: received before the range, completed and collected inside it; promised 31 Oct, ready 1 Nov.
  await intake('T1', '2026-10-30T02:00:00.000Z', { promisedDate: '2026-10-31' });
  path('T1', [['diagnosing', '2026-10-30T04:00:00.000Z', 'technician'], ['repairing', '2026-10-31T02:00:00.000Z', 'technician'], ['qc', '2026-11-01T02:00:00.000Z', 'technician'], ['ready', '2026-11-01T04:00:00.000Z', 'technician']]);
  move('T6', 'qc', '2026-11-02T01:00:00.000Z', 'technician');
  move('T1', 'collected', '2026-11-02T02:00:00.000Z', 'counter');
  move('T6', 'ready', '2026-11-02T03:00:00.000Z', 'technician');
  // Parts: a screen issued to T1 (cost 12000 fen each, two, one returned).
  at('2026-11-01T01:00:00.000Z');
  let part: { id: string };
  try {
    part = await backend.call('parts.save', { part: { sku: 'SCR-X', nameZh: '屏幕总成', category: 'screen', listPrice: 30000, barcode: '', nameEn: '' } }, { token: await tok('admin') });
  } catch {
    // An enrolled shop's catalog comes from head office: put the part in as a pulled one would be.
    part = { id: backend.services.newId() };
    const now = clock.now().toISOString();
    sqlite.prepare(`INSERT INTO parts (id, sku, name_zh, category, grade, kind, list_price, source, created_at, updated_at) VALUES (?, 'SCR-X', '屏幕总成', 'screen', 'original', 'part', 30000, 'hq', ?, ?)`).run(part.id, now, now);
  }
  await backend.call('stock.receive', { partId: part.id, qty: 5, unitCost: 12000, supplier: '华为备件', deliveryNote: '', note: '' }, { token: await tok('manager') });
  await backend.call('stock.issue', { partId: part.id, ticket: ids.T1!, qty: 2, note: '' }, { token: await tok('technician') });
  await backend.call('stock.returnFromTicket', { partId: part.id, ticket: ids.T1!, qty: 1, reason: '多领' }, { token: await tok('technician') });
  // T2: a battery, repaired by the manager (credit), warranty claimed; comes back on 20 Nov (T3).
  await intake('T2', '2026-11-03T02:00:00.000Z', { brand: '小米', codes: ['battery'], warrantyClaimed: true, promisedDate: '2026-11-10' });
  path('T2', [['diagnosing', '2026-11-03T03:00:00.000Z', 'technician'], ['repairing', '2026-11-03T05:00:00.000Z', 'technician'], ['qc', '2026-11-03T09:00:00.000Z', 'manager'], ['ready', '2026-11-03T10:00:00.000Z', 'manager'], ['collected', '2026-11-04T02:00:00.000Z', 'counter']]);
  // T4: collected on 5 Nov, reopened through a complaint on 10 Nov, collected again.
  await intake('T4', '2026-11-05T02:00:00.000Z', { promisedDate: '2026-11-12' });
  path('T4', [['diagnosing', '2026-11-05T03:00:00.000Z', 'technician'], ['repairing', '2026-11-05T04:00:00.000Z', 'technician'], ['qc', '2026-11-05T06:00:00.000Z', 'technician'], ['ready', '2026-11-05T07:00:00.000Z', 'technician'], ['collected', '2026-11-05T08:00:00.000Z', 'counter']]);
  const fu = (name: string) => (sqlite.prepare(`SELECT id FROM follow_ups WHERE ticket_id = ?`).get(ids[name]!) as { id: string }).id;
  at('2026-11-05T09:00:00.000Z');
  await backend.call('followUps.record', { id: fu('T1'), reached: true, score: 5, comments: '很满意' }, { token: await tok('counter') });
  // T5: cancelled.
  await intake('T5', '2026-11-06T02:00:00.000Z', {});
  path('T5', [['diagnosing', '2026-11-06T03:00:00.000Z', 'technician'], ['cancelled', '2026-11-06T05:00:00.000Z', 'manager']]);
  // The T2 follow-up: score 2 and a problem → a complaint in one step.
  at('2026-11-07T03:00:00.000Z');
  await backend.call('followUps.record', { id: fu('T2'), reached: true, score: 2, comments: '电池还是不耐用', problemReported: true }, { token: await tok('counter') });
  const c1 = await backend.call('complaints.open', { followUpId: fu('T2'), channel: 'follow_up', category: 'repair_quality', description: '回访反映电池仍不耐用' }, { token: await tok('counter') });
  ids.C1 = c1.id;
  at('2026-11-07T05:00:00.000Z');
  await backend.call('complaints.respond', { id: c1.id, note: '已致电客户，安排复检' }, { token: await tok('manager') });
  // C2 on T4: not answered in 24 h → manager, 24 h later → head office; T4 reopened for rework.
  at('2026-11-09T02:00:00.000Z');
  const c2 = await backend.call('complaints.open', { ticketId: ids.T4!, channel: 'phone', category: 'repair_quality', severity: 'high', description: '屏幕又出现触摸失灵' }, { token: await tok('counter') });
  ids.C2 = c2.id;
  at('2026-11-10T02:00:00.000Z');
  await backend.call('complaints.reopenTicket', { id: c2.id, note: '' }, { token: await tok('manager') });
  move('T4', 'diagnosing', '2026-11-10T03:00:00.000Z', 'technician');
  await backend.call('complaints.checkEscalations', {}, { token: await tok('manager') });
  path('T4', [['repairing', '2026-11-10T04:00:00.000Z', 'technician'], ['qc', '2026-11-10T05:00:00.000Z', 'technician'], ['ready', '2026-11-10T06:00:00.000Z', 'technician'], ['collected', '2026-11-10T07:00:00.000Z', 'counter']]);
  at('2026-11-11T04:00:00.000Z');
  await backend.call('complaints.checkEscalations', {}, { token: await tok('manager') });
  at('2026-11-11T05:00:00.000Z');
  await backend.call('complaints.respond', { id: c2.id, note: '已回电' }, { token: await tok('manager') });
  at('2026-11-12T02:00:00.000Z');
  await backend.call('complaints.resolve', { id: c2.id, note: '更换屏幕排线' }, { token: await tok('manager') });
  at('2026-11-16T02:00:00.000Z');
  await backend.call('complaints.resolve', { id: c1.id, note: '免费更换电池' }, { token: await tok('manager') });
  at('2026-11-16T03:00:00.000Z');
  await backend.call('complaints.accept', { id: c1.id, accepted: true }, { token: await tok('manager') });
  // T3: T2's phone back for the same fault 16 days after collection.
  at('2026-11-20T02:00:00.000Z');
  {
    const r = await backend.call(
      'tickets.intake',
      { customerId: ids['T2.customer']!, deviceId: ids['T2.device']!, fault: { text: '电池', codes: ['battery'] }, passcode: 'none', dataLossAck: true, promisedDate: '2026-11-21', warrantyClaimed: true, technicianId: users.technician },
      { token: await tok('counter') },
    );
    ids.T3 = r.ticket!.id;
  }
  move('T3', 'diagnosing', '2026-11-20T03:00:00.000Z', 'technician');
  // T7 at 23:59 local on the last day (inside), T8 at midnight (outside).
  await intake('T7', '2026-11-30T15:59:00.000Z', { promisedDate: '2026-12-02' });
  await intake('T8', '2026-11-30T16:00:00.000Z', { promisedDate: '2026-12-02' });
  // Time logged at the bench (the bench capability's table).
  const log = sqlite.prepare(`INSERT INTO time_logs (id, ticket_id, user_id, started_at, ended_at, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  log.run(backend.services.newId(), ids.T1!, users.technician, '2026-11-01T01:00:00.000Z', '2026-11-01T02:30:00.000Z', 90, '2026-11-01T02:30:00.000Z');
  log.run(backend.services.newId(), ids.T2!, users.manager, '2026-11-03T05:00:00.000Z', '2026-11-03T05:30:00.000Z', 30, '2026-11-03T05:30:00.000Z');
  at('2026-12-01T02:00:00.000Z');
  return { ids, users, tok };
}

/** Shops enrolled with a test head office, each with this history written on its own clock (not yet pushed). */
export async function shopsWithHistory(hq: TestHq, n: number): Promise<(TestShop & { clock: ManualClock })[]> {
  const shops = [];
  for (let i = 0; i < n; i++) {
    const clock = new ManualClock(Date.parse('2026-09-01T02:00:00.000Z'));
    const shop = await enrolledShop(hq, { clock });
    await buildHistory(shop.backend, clock);
    shops.push({ ...shop, clock });
  }
  return shops;
}
