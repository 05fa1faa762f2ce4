import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import { getAuthorizedQuote } from '../../../src/core/bench/quotes';
import { benchShop, newTicket, oldPhone, type BenchShop } from './helpers';

// A 1×1 PNG: what the signature canvas sends, only smaller.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

const call = (role: Parameters<BenchShop['as']>[0], name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role));
const status = (id: string) => (s.backend.services.sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
const count = (table: string) => (s.backend.services.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

async function expectError(p: Promise<unknown>, code: string, key?: string) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (key) expect((e as AppError).key).toBe(key);
  return e as AppError;
}

async function paidTicketAwaitingApproval() {
  const id = await newTicket(s, oldPhone());
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] });
  const wb = (await call('technician', 'bench.quote.save', {
    ticketId: id,
    lines: [
      { kind: 'labor', priceItemId: s.prices.labor },
      { kind: 'part', partId: s.parts.screen },
    ],
    estimatedCompletion: '2026-11-26',
    submit: true,
  })) as { quote: { current: { id: string; totals: { customerTotalFen: number } } } };
  return { id, quoteId: wb.quote.current.id, total: wb.quote.current.totals.customerTotalFen };
}

describe('bench flow', () => {
  it('diagnoses, quotes, is authorized by signature, issues a part, passes QC → ready', async () => {
    const { id, quoteId, total } = await paidTicketAwaitingApproval();
    expect(total).toBe(158000);
    expect(status(id)).toBe('awaiting_approval');
    // Starting chargeable work without authorization: refused by the API.
    await expectError(call('technician', 'bench.transition', { ticketId: id, to: 'repairing' }), 'RULE', 'bench.lifecycle.notAuthorized');
    const events: string[] = [];
    s.backend.subscribe((e) => events.push(e.name));
    await call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'signature', signerName: '王小明', signaturePng: PNG });
    expect(status(id)).toBe('repairing');
    expect(count('stock_reservations')).toBe(1);
    await call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.screen, removed: { serial: 'OLD-1', description: '旧屏' } });
    // Paid work: the removed part is the customer's, not the brand's.
    expect(count('old_parts')).toBe(0);
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const wb = (await call('technician', 'bench.workbench', { ticketId: id })) as { qcChecklist: string[] };
    // QC without every check: refused, nothing changed.
    const partial = Object.fromEntries(wb.qcChecklist.slice(1).map((k) => [k, 'pass']));
    await expectError(call('technician', 'bench.qc', { ticketId: id, items: partial, data: 'preserved' }), 'VALIDATION', 'bench.qc.incomplete');
    expect(count('qc_results')).toBe(0);
    const all = Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass']));
    await call('technician', 'bench.qc', { ticketId: id, items: all, data: 'preserved', erasePasscode: true });
    expect(status(id)).toBe('ready');
    expect(events).toContain('bench.ready');
    const row = s.backend.services.sqlite.prepare(`SELECT outcome FROM bench_tickets WHERE ticket_id = ?`).get(id) as { outcome: string };
    expect(row.outcome).toBe('repaired');
    const list = (await call('counter', 'bench.callList', {})) as { ticketId: string; reason: string }[];
    expect(list.find((r) => r.ticketId === id)?.reason).toBe('ready');
    // The form prints with the signature.
    const doc = (await call('counter', 'print.render' as never, { docType: 'quote', entityId: id }).catch(() => null)) as unknown;
    void doc;
  });

  it('a revision above the cap sends the ticket back to awaiting approval; within the cap it does not', async () => {
    const { id, quoteId } = await paidTicketAwaitingApproval();
    await call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'phone', capFen: 200000, phone: { number: '13800138000', words: '修吧，两千以内不用再打电话' } });
    expect(status(id)).toBe('repairing');
    // Within the cap (158000 + 30000 = 188000 ≤ 200000): keeps working.
    await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }, { kind: 'fee', priceItemId: s.prices.rush }] });
    expect(status(id)).toBe('repairing');
    // Above it: back to awaiting approval, the difference known.
    const wb = (await call('technician', 'bench.quote.save', {
      ticketId: id,
      lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }, { kind: 'custom', description: '主板维修', unitPriceFen: 60000, reason: '拆机发现主板进水腐蚀' }],
    })) as { quote: { overLimitFen: number; versions: unknown[]; current: { id: string } } };
    expect(status(id)).toBe('awaiting_approval');
    expect(wb.quote.overLimitFen).toBe(218000 - 200000);
    expect(wb.quote.versions).toHaveLength(3);
    // Authorizing an older version is refused.
    await expectError(call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'phone', phone: { number: '138', words: '好' } }), 'CONFLICT');
    await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'paper', scan: { mime: 'image/png', dataBase64: PNG } });
    expect(status(id)).toBe('repairing');
  });

  it('declined: diagnosis fee from the price list, waiver needs a manager PIN, ready with outcome not repaired', async () => {
    const { id, quoteId } = await paidTicketAwaitingApproval();
    await expectError(call('counter', 'bench.decline', { ticketId: id, quoteId, waiveFee: true }), 'FORBIDDEN', 'bench.error.managerPinRequired');
    await expectError(call('counter', 'bench.decline', { ticketId: id, quoteId, waiveFee: true, approval: { username: 'manager', pin: '0000' } }), 'BAD_CREDENTIALS');
    expect(status(id)).toBe('awaiting_approval');
    const failed = s.backend.services.sqlite.prepare(`SELECT failed_attempts FROM users WHERE username = 'manager'`).get() as { failed_attempts: number };
    expect(failed.failed_attempts).toBe(1);
    await call('counter', 'bench.decline', { ticketId: id, quoteId, note: '太贵了' });
    expect(status(id)).toBe('ready');
    const due = getAuthorizedQuote({ sqlite: s.backend.services.sqlite, locale: 'zh-CN' }, id)!;
    expect(due.declined).toBe(true);
    expect(due.customerDueFen).toBe(5000);
    expect(s.backend.services.sqlite.prepare(`SELECT outcome FROM bench_tickets WHERE ticket_id = ?`).get(id)).toEqual({ outcome: 'not_repaired' });
  });

  it('a manager PIN approves a waiver and a large discount; both audited', async () => {
    const { id, quoteId } = await paidTicketAwaitingApproval();
    const lines = [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }];
    await expectError(call('technician', 'bench.quote.save', { ticketId: id, lines, discountFen: 20000, discountReason: '老顾客' }), 'FORBIDDEN', 'bench.error.managerPinRequired');
    // Within 5 %: no manager needed.
    await call('technician', 'bench.quote.save', { ticketId: id, lines, discountFen: 7900, discountReason: '老顾客' });
    const wb = (await call('technician', 'bench.quote.save', { ticketId: id, lines, discountFen: 20000, discountReason: '老顾客', approval: { username: 'manager', pin: '1234' } })) as {
      quote: { current: { id: string; totals: { customerTotalFen: number }; discountApprovedBy: string } };
    };
    expect(wb.quote.current.totals.customerTotalFen).toBe(138000);
    expect(wb.quote.current.discountApprovedBy).toBeTruthy();
    await expectError(call('technician', 'bench.quote.save', { ticketId: id, lines, discountFen: 999999, discountReason: 'x', approval: { username: 'manager', pin: '1234' } }), 'VALIDATION');
    const audit = s.backend.services.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'bench.%'`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('bench.discountApproved');
    void quoteId;
  });

  it('a covered repair goes from diagnosing straight to repairing, with the intake consent recorded', async () => {
    const id = await newTicket(s); // bought 2026-03-01 with invoice: within the phone's 1-year warranty
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕显示故障' });
    const wb = (await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }], submit: true })) as {
      quote: { current: { totals: { customerTotalFen: number; payers: { maker: number } } }; authorization: { method: string } };
    };
    expect(wb.quote.current.totals.customerTotalFen).toBe(0);
    expect(wb.quote.current.totals.payers.maker).toBe(158000);
    expect(wb.quote.authorization.method).toBe('intake_consent');
    expect(status(id)).toBe('repairing');
    await call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.screen, removed: { serial: 'OLD-9', description: '旧屏' } });
    expect(count('old_parts')).toBe(1);
  });

  it('liquid damage found inside voids the cover: the quote becomes chargeable', async () => {
    const id = await newTicket(s);
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板进水', findings: ['liquid'] });
    const wb = (await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true })) as {
      quote: { current: { totals: { customerTotalFen: number }; lines: { decision: { status: string; reasons: string[] } }[] } };
    };
    expect(wb.quote.current.totals.customerTotalFen).toBe(8000);
    expect(wb.quote.current.lines[0]!.decision.status).toBe('not_covered');
    expect(status(id)).toBe('awaiting_approval');
  });

  it('a multi-payer line: accidental-damage cover splits between insurer and customer, and the split adds up', async () => {
    const id = await newTicket(s, oldPhone());
    const deviceId = (s.backend.services.sqlite.prepare(`SELECT device_id FROM tickets WHERE id = ?`).get(id) as { device_id: string }).device_id;
    await s.backend.call('warranty.programs.add' as never, { deviceId, program: { id: 'ad-1', kind: 'accidental_damage', validFrom: '2026-01-01', validTo: '2027-12-31', discountBp: 8000, deductible: 10000, capPerClaim: 100000, capPerTerm: 200000 } } as never, s.as('manager'));
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '摔落屏碎', findings: ['impact'] });
    const wb = (await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'part', partId: s.parts.screen }], submit: true })) as {
      quote: { current: { lines: { amountFen: number; payers: Record<string, number> }[]; totals: { customerTotalFen: number; payers: Record<string, number> } } };
    };
    const line = wb.quote.current.lines[0]!;
    expect(line.payers.insurer).toBeGreaterThan(0);
    expect(line.payers.customer).toBeGreaterThan(0);
    expect(Object.values(line.payers).reduce((a, b) => a + b, 0)).toBe(line.amountFen);
    expect(wb.quote.current.totals.customerTotalFen).toBe(line.payers.customer);
  });

  it('bad input: negative quantities and prices, a part short without override → clear errors, nothing changed', async () => {
    const { id, quoteId } = await paidTicketAwaitingApproval();
    const before = count('quotes');
    await expectError(call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'part', partId: s.parts.screen, qty: -1 }] }), 'VALIDATION');
    await expectError(call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: 'x', unitPriceFen: -100, reason: 'y' }] }), 'VALIDATION');
    await expectError(call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: 'x', unitPriceFen: 100 }] }), 'VALIDATION');
    expect(count('quotes')).toBe(before);
    await call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'phone', phone: { number: '13800138000', words: '同意' } });
    const e = await expectError(call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.battery }), 'RULE', 'stock.errors.insufficient');
    expect(e.toWire('zh-CN').message).toContain('可用库存不足');
    await call('technician', 'bench.awaitParts', { ticketId: id, partId: s.parts.battery, expectedDate: '2026-11-30' });
    expect(status(id)).toBe('awaiting_parts');
    await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
    expect(status(id)).toBe('repairing');
  });

  it('QC fail goes back to repairing with the reason; a second person can be required', async () => {
    const { id, quoteId } = await paidTicketAwaitingApproval();
    await call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'phone', phone: { number: '13800138000', words: '同意' } });
    await call('technician', 'bench.time.enter', { ticketId: id, minutes: 45 });
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const wb = (await call('technician', 'bench.workbench', { ticketId: id })) as { qcChecklist: string[] };
    const items = Object.fromEntries(wb.qcChecklist.map((k) => [k, k === 'touch' ? 'fail' : 'pass']));
    await expectError(call('technician', 'bench.qc', { ticketId: id, items, data: 'preserved' }), 'VALIDATION', 'bench.qc.failReasonRequired');
    await call('technician', 'bench.qc', { ticketId: id, items, data: 'preserved', failReason: '触摸右下角失灵' });
    expect(status(id)).toBe('repairing');
    await s.backend.call('shop.update', { bench: { discountManagerAboveBp: 500, qcSecondPerson: true } }, s.as('manager'));
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const pass = Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass']));
    await expectError(call('technician', 'bench.qc', { ticketId: id, items: pass, data: 'preserved' }), 'FORBIDDEN', 'bench.error.qcSecondPerson');
    await call('manager', 'bench.qc', { ticketId: id, items: pass, data: 'wiped' });
    expect(status(id)).toBe('ready');
  });

  it('roles: cancel is a manager\'s; assigning is a manager\'s; time credit goes to who did the work', async () => {
    const id = await newTicket(s, oldPhone());
    await expectError(call('technician', 'bench.transition', { ticketId: id, to: 'cancelled' }), 'FORBIDDEN', 'bench.lifecycle.managerOnly');
    await expectError(call('technician', 'bench.assign', { ticketId: id, technicianId: null }), 'FORBIDDEN');
    await expectError(call('counter', 'bench.diagnose', { ticketId: id, cause: 'x' }), 'FORBIDDEN');
    const techId = (s.backend.services.sqlite.prepare(`SELECT id FROM users WHERE username = 'technician'`).get() as { id: string }).id;
    await call('manager', 'bench.assign', { ticketId: id, technicianId: techId });
    await expectError(call('technician', 'bench.time.enter', { ticketId: id, minutes: 10, userId: (s.backend.services.sqlite.prepare(`SELECT id FROM users WHERE username = 'manager'`).get() as { id: string }).id }), 'FORBIDDEN');
    await call('manager', 'bench.time.enter', { ticketId: id, minutes: 30, userId: techId });
    await call('technician', 'bench.time.start', { ticketId: id });
    s.clock.advance(20 * 60_000);
    await call('technician', 'bench.time.stop', {});
    const wb = (await call('technician', 'bench.workbench', { ticketId: id })) as { minutesByUser: { userId: string; minutes: number }[] };
    expect(wb.minutesByUser).toEqual([expect.objectContaining({ userId: techId, minutes: 50 })]);
    const q = (await call('technician', 'bench.queue', { who: 'me' })) as { id: string }[];
    expect(q.map((r) => r.id)).toContain(id);
    await call('manager', 'bench.transition', { ticketId: id, to: 'cancelled', note: '顾客取回' });
    expect(status(id)).toBe('cancelled');
  });

  it('三包 return instead of a refused exchange (第十九条): the engine\'s refund less depreciation, recorded as offered', async () => {
    // "有同型号同规格移动电话机，消费者不愿调换而要求退货的，销售者应当予以退货，对已使用过的移动电话机按本规定收取折旧费"
    s.clock.set('2026-11-23T02:00:00Z');
    const id = await newTicket(s, { device: { ...oldPhone().device, purchaseDate: '2026-11-13', proof: { kind: 'invoice', invoiceNo: 'I-10', invoiceDate: '2026-11-13', seller: '店' } }, fault: { text: '无法开机', codes: ['no_power'] } } as never);
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板故障', performanceFault: true });
    type Opts = { options: { option: string; refundFen: number | null; depreciationFen: number | null; daysUsed: number | null }[] };
    // Day 10: exchange or repair (第十二条); no return while the exchange can be made.
    const plain = (await call('counter', 'bench.sanbao.options', { ticketId: id, purchasePriceFen: 599900 })) as Opts;
    expect(plain.options.map((o) => o.option)).toEqual(['exchange', 'repair']);
    const refused = (await call('counter', 'bench.sanbao.options', { ticketId: id, purchasePriceFen: 599900, exchange: 'refused' })) as Opts;
    // 11-13 → 11-23 = 10 days used; ¥5,999.00 × 0.5 %/day × 10 = ¥299.95 → refund ¥5,699.05.
    expect(refused.options.find((o) => o.option === 'return')).toMatchObject({ refundFen: 569905, depreciationFen: 29995, daysUsed: 10 });
    // No unit of the same model: a return at the invoice price.
    const none = (await call('counter', 'bench.sanbao.options', { ticketId: id, purchasePriceFen: 599900, exchange: 'unavailable' })) as Opts;
    expect(none.options.find((o) => o.option === 'return')).toMatchObject({ refundFen: 599900, depreciationFen: 0 });
    // Without the fact the return is not offered, so it cannot be recorded.
    await expectError(call('counter', 'bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: 599900, approval: { username: 'manager', pin: '1234' } }), 'RULE', 'bench.error.sanbaoNotOffered');
    await call('counter', 'bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: 599900, exchange: 'refused', approval: { username: 'manager', pin: '1234' } });
    expect(s.backend.services.sqlite.prepare(`SELECT refund_fen, depreciation_fen, days_used FROM sanbao_outcomes WHERE ticket_id = ?`).get(id)).toEqual({ refund_fen: 569905, depreciation_fen: 29995, days_used: 10 });
  });

  it('三包 exchange: offered by the engine within 15 days, manager approval, the device warranty restarts', async () => {
    s.clock.set('2026-11-23T02:00:00Z');
    const id = await newTicket(s, { device: { ...oldPhone().device, purchaseDate: '2026-11-15', proof: { kind: 'invoice', invoiceNo: 'I-9', invoiceDate: '2026-11-15', seller: '店' } }, fault: { text: '无法开机', codes: ['no_power'] } } as never);
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板故障', performanceFault: true });
    const opts = (await call('counter', 'bench.sanbao.options', { ticketId: id, purchasePriceFen: 599900 })) as { options: { option: string }[] };
    expect(opts.options.map((o) => o.option)).toContain('exchange');
    await expectError(call('counter', 'bench.sanbao.decide', { ticketId: id, option: 'exchange', purchasePriceFen: 599900, newImei: '860000000000001' }), 'FORBIDDEN');
    await call('counter', 'bench.sanbao.decide', { ticketId: id, option: 'exchange', purchasePriceFen: 599900, newImei: '860000000000001', approval: { username: 'manager', pin: '1234' } });
    expect(status(id)).toBe('repairing');
    const dev = s.backend.services.sqlite.prepare(`SELECT d.exchange_date, d.imei FROM devices d JOIN tickets t ON t.device_id = d.id WHERE t.id = ?`).get(id);
    expect(dev).toEqual({ exchange_date: '2026-11-23', imei: '860000000000001' });
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const wb = (await call('technician', 'bench.workbench', { ticketId: id })) as { qcChecklist: string[] };
    await call('manager', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass'])), data: 'wiped' });
    expect(s.backend.services.sqlite.prepare(`SELECT outcome FROM bench_tickets WHERE ticket_id = ?`).get(id)).toEqual({ outcome: 'exchanged' });
  });
});
