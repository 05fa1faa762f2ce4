import type { Backend } from '../../src/core';
import type { Role } from '../../src/shared/api/roles';
import { PASSWORD } from './backend';
import type { ManualClock } from './clock';

export interface RepairedPhone {
  deviceId: string;
  customerId: string;
  /** The paid screen repair (collected), then the warranty return visit (still in the shop). */
  tickets: { id: string; number: string }[];
}

/**
 * A shop's history of one dual-IMEI phone, through the real procedures on a manual clock: taken
 * in with its invoice, diagnosed, quoted (a custom line the customer pays), authorized by phone,
 * QC passed, paid and collected; a month later back for a warranty claim. Used by the
 * nationwide-lookup tests (tests/integration/sync/nationwide.test.ts, tests/e2e/nationwide.spec.ts).
 */
export async function repairedPhone(
  backend: Backend,
  clock: ManualClock,
  device: { imei: string; imei2?: string; serial?: string; brand?: string; model?: string },
): Promise<RepairedPhone> {
  // Sessions expire while the clock moves by days: each call signs in afresh.
  const as = async (role: Role) => ({ token: (await backend.call('auth.login', { username: role, password: PASSWORD })).token });
  const call = async <T = any>(role: Role, name: string, input: unknown) => backend.call(name as never, input as never, await as(role)) as Promise<T>;
  const status = (id: string) => (backend.services.sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;

  const r1 = await call('counter', 'tickets.intake', {
    customer: { name: '王小明', phones: ['138 0013 8000'] },
    device: {
      category: 'phone',
      brand: device.brand ?? '华为',
      model: device.model ?? 'Mate 60',
      imei: device.imei,
      imei2: device.imei2 ?? '',
      serial: device.serial ?? '',
      colour: '黑',
      purchaseDate: '2025-01-05',
      purchasePriceFen: 599_900,
      proof: { kind: 'invoice', invoiceNo: 'FP-0001', invoiceDate: '2025-01-05', seller: '华为授权体验店（福田）' },
    },
    fault: { text: '屏幕碎裂，触摸失灵', codes: ['screen_broken'] },
    condition: { powers_on: 'ok', display: 'fault', cosmetic: 'fault', cosmeticNotes: '左上角裂痕' },
    accessories: { items: ['case'] },
    passcode: { kind: 'pin', value: '246810' },
    dataLossAck: true,
    promisedDate: new Date(clock.now().getTime() + 7 * 24 * 3600_000).toISOString().slice(0, 10),
    depositFen: 5000,
  });
  const t1 = r1.ticket.id as string;
  clock.advance(3600_000);
  await call('technician', 'bench.claim', { ticketId: t1 });
  await call('technician', 'bench.diagnose', { ticketId: t1, cause: '屏幕排线断裂', findings: [] });
  const wb = await call('technician', 'bench.quote.save', {
    ticketId: t1,
    lines: [{ kind: 'custom', description: '更换屏幕总成', unitPriceFen: 120_000, reason: '外屏破裂（人为损坏，不在保修内）' }],
    submit: true,
  });
  await call('counter', 'bench.authorize', { ticketId: t1, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
  if (status(t1) !== 'repairing') await call('technician', 'bench.transition', { ticketId: t1, to: 'repairing' });
  clock.advance(24 * 3600_000);
  await call('technician', 'bench.transition', { ticketId: t1, to: 'qc' });
  const qc = await call('technician', 'bench.workbench', { ticketId: t1 });
  await call('technician', 'bench.qc', { ticketId: t1, items: Object.fromEntries(qc.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
  if (status(t1) !== 'ready') throw new Error(`ticket not ready: ${status(t1)}`);
  clock.advance(24 * 3600_000);
  const due = await call('counter', 'collection.lookup', { ref: t1 });
  await call('counter', 'collection.complete', {
    ticketId: t1,
    identity: { method: 'phone_last4', last4: '8000' },
    tenders: [{ tender: 'cash', amountFen: due.settlement.dueNowFen, receivedFen: due.settlement.dueNowFen }],
  });
  if (status(t1) !== 'collected') throw new Error(`ticket not collected: ${status(t1)}`);
  clock.advance(30 * 24 * 3600_000);
  const r2 = await call('counter', 'tickets.intake', {
    customerId: r1.ticket.customer.id,
    deviceId: r1.ticket.device.id,
    fault: { text: '换屏后触摸偶尔失灵', codes: [] },
    passcode: 'none',
    dataLossAck: true,
    promisedDate: new Date(clock.now().getTime() + 7 * 24 * 3600_000).toISOString().slice(0, 10),
    warrantyClaimed: true,
  });
  return {
    deviceId: r1.ticket.device.id,
    customerId: r1.ticket.customer.id,
    tickets: [
      { id: t1, number: r1.ticket.number },
      { id: r2.ticket.id, number: r2.ticket.number },
    ],
  };
}
