import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluateResult } from '../../../src/shared/warranty/procedures';
import { benchShop, newTicket, type BenchShop } from '../bench/helpers';
import { PASSWORD } from '../../helpers/backend';

/**
 * warranty.forTicket gives the engine the device's own history, as the shop recorded it through
 * the bench and the counter: each earlier visit's dates (days in repair), how it ended (fixed /
 * not fixed), whether the maker paid, and the parts it replaced with their own periods.
 *
 * The phone: invoice 2026-03-01 (one-year 主机 period, battery 6 months: 《移动电话机商品修理更换
 * 退货责任规定》 附录). Visit 1, 11-23 → 11-26: labour under warranty, a new battery paid by the
 * customer (catalog warranty 90 days), fixed. Visit 2, 12-01 → 12-03: the same fault, not fixed. Visit 3 on 12-10: the same fault.
 */
let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

type Role = Parameters<BenchShop['as']>[0];
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role)) as Promise<T>;
const DAY = 86_400_000;
const IDENTITY = { method: 'phone_last4', last4: '8000' } as const;

/** Days pass between visits: sessions idle out, so everyone signs in again. */
async function moveTo(at: string | number) {
  if (typeof at === 'string') s.clock.set(at);
  else s.clock.advance(at);
  for (const role of Object.keys(s.tokens) as Role[]) s.tokens[role] = (await s.backend.call('auth.login', { username: role, password: PASSWORD })).token;
}

async function visit(at: string, over: Record<string, unknown>, work: (id: string) => Promise<void>, days: number, outcome: 'repaired' | 'not_repaired') {
  await moveTo(at);
  const id = await newTicket(s, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true, ...over } as never);
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '电池供电异常', findings: [], performanceFault: true });
  await work(id);
  await moveTo(days * DAY);
  await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
  const wb = await call('technician', 'bench.workbench', { ticketId: id });
  await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved', outcome });
  const due = (await call('counter', 'collection.lookup', { ref: id })).settlement.dueNowFen as number;
  await call('counter', 'collection.complete', { ticketId: id, identity: IDENTITY, ...(due > 0 ? { tenders: [{ tender: 'cash', amountFen: due, receivedFen: due }] } : {}) });
  return id;
}

describe('warranty.forTicket reads the device\'s real history', () => {
  it('days in repair, fixed / not fixed, the replaced battery with its own period, and "repaired twice, still failing"', async () => {
    await call('admin', 'stock.receive', { partId: s.parts.battery, qty: 2, unitCost: 15000, supplier: '总部', serials: [] });
    const first = await visit(
      '2026-11-23T02:00:00Z',
      {},
      async (id) => {
        const q = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.battery, warrantyPart: 'battery' }], submit: true });
        // Labour is the maker's (主机 in period); the battery's own 6 months are over, so the customer pays for it.
        expect(q.quote.current.lines.map((l: { payers: { maker: number } }) => l.payers.maker > 0)).toEqual([true, false]);
        await call('counter', 'bench.authorize', { ticketId: id, quoteId: q.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
        await call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.battery, removed: { serial: '', description: '旧电池' } });
      },
      3,
      'repaired',
    );
    const ids = s.backend.services.sqlite.prepare(`SELECT customer_id, device_id FROM tickets WHERE id = ?`).get(first) as { customer_id: string; device_id: string };
    const same = { customerId: ids.customer_id, deviceId: ids.device_id, customer: undefined, device: undefined };
    await visit(
      '2026-12-01T02:00:00Z',
      same,
      async (id) => {
        await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
      },
      2,
      'not_repaired',
    );
    await moveTo('2026-12-10T02:00:00Z');
    const third = await newTicket(s, { ...same, fault: { text: '还是无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true } as never);
    const r = await call<EvaluateResult>('counter', 'warranty.forTicket', { ticketId: third, lines: [{ id: 'bat', type: 'part', part: 'battery', price: 29900 }] });

    // 3 + 2 days in repair extend the whole-unit period: 2027-03-01 + 5 = Saturday 03-06 → Monday 03-08.
    expect(r.decision.excludedDays).toBe(5);
    expect(r.decision.unitEnd).toBe('2027-03-08');
    // 第十三条: "经两次修理，仍不能正常使用的" → exchange.
    const exchange = r.decision.options.find((o) => o.option === 'exchange');
    expect(exchange?.reasons.map((x) => x.code)).toContain('repeatRepair');
    // The battery's own 6 months ended 2026-09-01, but the one fitted on 11-26 is warranted 90 days: 2027-02-24.
    const bat = r.decision.lines[0]!;
    expect(bat).toMatchObject({ status: 'covered', endDate: '2027-02-24' });
    expect(bat.reasons.map((x) => x.code)).toContain('replacedPart');
    expect(r.text.lines[0]!.join(' ')).toContain('2026-11-26');
  });
});
