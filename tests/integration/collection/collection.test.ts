import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import type { Claim, CollectionView, DailyCloseView, Payment } from '../../../src/shared/collection/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { intakeInput } from '../intake/helpers';
import { PASSWORD } from '../../helpers/backend';
import { testDate } from '../../helpers/clock';
import { pdfPages, pdfText, scan, squash, writePdf } from '../documents/pdf-tools';

let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

type Role = Parameters<BenchShop['as']>[0];
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role)) as Promise<T>;
const sql = () => s.backend.services.sqlite;
const status = (id: string) => (sql().prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
const count = (table: string, where = '1') => (sql().prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const DOCS = path.resolve('test-results/collection-docs');
const MANAGER_PIN = { username: 'manager', pin: '1234' };

async function expectError(p: Promise<unknown>, code: string, key?: string) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (key) expect([(e as AppError).key, ...(e as AppError).fields.map((f) => f.key)]).toContain(key);
  return e as AppError;
}

/** A paid repair (out-of-warranty phone): labor ¥80 + screen ¥1500, authorized, part issued, QC passed → ready. Deposit ¥50 at intake. */
async function readyPaidTicket(over: Record<string, unknown> = {}) {
  const id = await newTicket(s, { ...oldPhone(), confirmDuplicate: true, ...over } as never);
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] });
  const wb = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }], submit: true });
  await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
  await call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.screen, removed: { serial: 'OLD-1', description: '旧屏' } });
  await toReady(id);
  return id;
}

async function toReady(id: string) {
  await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
  const wb = await call('technician', 'bench.workbench', { ticketId: id });
  await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
  expect(status(id)).toBe('ready');
}

/** An in-warranty phone (invoice 2026-03-01): the maker pays labor and the serialized mainboard; the customer pays a rush fee. */
async function readyWarrantyTicket() {
  const id = await newTicket(s, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true } as never);
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板供电芯片损坏', findings: [] });
  const wb = await call('technician', 'bench.quote.save', {
    ticketId: id,
    lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.board }, { kind: 'custom', description: '加急处理', unitPriceFen: 3000, reason: '顾客要求当天取' }],
    submit: true,
  });
  if (status(id) === 'awaiting_approval') await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意加急费' } });
  if (status(id) !== 'repairing') await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
  await call('technician', 'bench.issuePart', { ticketId: id, partId: s.parts.board, serials: ['M60-MB-SN1'], removed: { serial: 'BAD-MB-77', description: '旧主板' } });
  await toReady(id);
  return id;
}

describe('collection: settlement and hand-back', () => {
  it('records the intake deposit as a payment, applies it, takes split tenders with change, erases the passcode, refuses a second collection', async () => {
    const id = await readyPaidTicket();
    // The intake deposit (¥50) is a deposit payment row, once.
    expect(count('payments', `ticket_id = '${id}' AND kind = 'deposit'`)).toBe(1);
    expect(sql().prepare(`SELECT passcode_state FROM tickets WHERE id = ?`).get(id)).toEqual({ passcode_state: 'given' });
    const view = await call('counter', 'collection.lookup', { ref: id });
    expect(view.settlement).toMatchObject({ customerDueFen: 158000, totalFen: 158000, depositFen: 5000, paidFen: 5000, dueNowFen: 153000 });
    // 13 % included: tax = 158000 × 13 / 113 = 18176.99… → 18177
    expect(view.settlement.tax).toMatchObject({ taxFen: 18177, netFen: 139823 });
    expect(view.parts).toHaveLength(1);
    expect(view.parts[0]).toMatchObject({ sku: 'M60-LCD', removedSerial: 'OLD-1' });
    expect(view.blockers).toEqual([]);
    expect(view.ticket.passcodeGiven).toBe(true);

    const r = await call('counter', 'collection.complete', {
      ticketId: id,
      identity: { method: 'phone_last4', last4: '8000' },
      tenders: [
        { tender: 'cash', amountFen: 53000, receivedFen: 60000 },
        { tender: 'wechat', amountFen: 100000, reference: 'WX4200001234' },
      ],
    });
    expect(r.collection).toMatchObject({ totalFen: 158000, depositAppliedFen: 5000, paidNowFen: 153000, changeFen: 7000, balanceFen: 0, passcodeErased: true, identityMethod: 'phone_last4' });
    expect(r.payments.map((p: Payment) => [p.kind, p.tender, p.amountFen, p.changeFen])).toEqual([
      ['settlement', 'cash', 53000, 7000],
      ['settlement', 'wechat', 100000, 0],
    ]);
    expect(status(id)).toBe('collected');
    expect(sql().prepare(`SELECT passcode_state, passcode_cipher FROM tickets WHERE id = ?`).get(id)).toEqual({ passcode_state: 'erased', passcode_cipher: null });
    expect(count('ticket_events', `ticket_id = '${id}' AND kind = 'passcode_erased'`)).toBe(1);
    const paid = sql().prepare(`SELECT sum(amount_fen) s FROM payments WHERE ticket_id = ?`).get(id) as { s: number };
    expect(paid.s).toBe(158000); // deposit + settlement, nothing counted twice

    const before = count('payments');
    await expectError(call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: [] }), 'RULE', 'collection.error.alreadyCollected');
    expect(count('payments')).toBe(before);
    expect(count('collections')).toBe(1);
    // Payments are append-only in the database itself.
    expect(() => sql().prepare(`UPDATE payments SET amount_fen = 1`).run()).toThrow(/append-only/);
    expect(() => sql().prepare(`DELETE FROM payments`).run()).toThrow(/append-only/);
  });

  it('refuses every bad input with a translated field error and writes nothing', async () => {
    const id = await readyPaidTicket();
    const base = { ticketId: id, identity: { method: 'phone_last4', last4: '8000' } };
    const payments = count('payments');
    const wire = async (input: unknown) => {
      const r = await s.backend.callWire('collection.complete', input, { token: s.tokens.counter, locale: 'en' });
      expect(r.ok).toBe(false);
      return (r as { error: { code: string; message: string; details: { fields?: { path: string; message: string }[] } } }).error;
    };
    // tender total ≠ amount due
    let e = await wire({ ...base, tenders: [{ tender: 'cash', amountFen: 100000 }] });
    expect(e.details.fields).toEqual([{ path: 'tenders', message: 'The tenders add up to ¥1,000.00, but ¥1,530.00 is due' }]);
    // change for a non-cash tender
    e = await wire({ ...base, tenders: [{ tender: 'card', amountFen: 153000, receivedFen: 160000, reference: 'POS-1' }] });
    expect(e.details.fields).toEqual([{ path: 'tenders.0.receivedFen', message: 'Only cash gives change' }]);
    // discount over 100 % and below zero
    e = await wire({ ...base, discountBp: 10001, discountReason: 'x', tenders: [] });
    expect(e.details.fields?.[0]).toEqual({ path: 'discountBp', message: 'A discount cannot exceed 100 % of the amount due' });
    e = await wire({ ...base, discountBp: -1, discountReason: 'x', tenders: [] });
    expect(e.details.fields?.[0]).toEqual({ path: 'discountBp', message: 'A discount cannot be below zero' });
    e = await wire({ ...base, discountFen: 158001, discountReason: 'x', tenders: [] });
    expect(e.details.fields?.[0]).toMatchObject({ path: 'discountFen', message: 'A discount cannot exceed 100 % of the amount due' });
    // a non-cash tender without its reference
    e = await wire({ ...base, tenders: [{ tender: 'alipay', amountFen: 153000 }] });
    expect(e.details.fields).toEqual([{ path: 'tenders.0.reference', message: 'Enter the transaction or slip number' }]);
    // identity: wrong last 4 digits (the attempt is audited, nothing else written)
    e = await wire({ ...base, identity: { method: 'phone_last4', last4: '1234' }, tenders: [{ tender: 'cash', amountFen: 153000 }] });
    expect(e.details.fields).toEqual([{ path: 'identity.last4', message: 'The last 4 digits do not match the customer\'s phone' }]);
    expect(count('audit_log', `action = 'collection.identityFailed'`)).toBe(1);
    expect(count('payments')).toBe(payments);
    expect(status(id)).toBe('ready');
    // a ticket not ready yet
    const open = await newTicket(s, { ...oldPhone(), confirmDuplicate: true } as never);
    await expectError(call('counter', 'collection.complete', { ticketId: open, identity: { method: 'phone_last4', last4: '8000' }, tenders: [] }), 'RULE', 'collection.error.notReady');
    expect(await call('counter', 'collection.checkIdentity', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' } })).toEqual({ ok: true });
    expect(await call('counter', 'collection.checkIdentity', { ticketId: id, identity: { method: 'phone_last4', last4: '0000' } })).toEqual({ ok: false });
  });

  it('takes a discount above the threshold only with a manager PIN, and lets a third party collect with an ID', async () => {
    const id = await readyPaidTicket({ depositFen: 0 });
    const input = {
      ticketId: id,
      identity: { method: 'id_document', name: '李四', idType: 'resident_id', idNumber: '440301199001011234', relation: '同事' },
      discountBp: 1000,
      discountReason: '老顾客',
      tenders: [{ tender: 'card', amountFen: 142200, reference: 'POS-778899' }],
    };
    await expectError(call('counter', 'collection.complete', input), 'FORBIDDEN', 'bench.error.managerPinRequired');
    await expectError(call('counter', 'collection.complete', { ...input, approval: { username: 'manager', pin: '0000' } }), 'BAD_CREDENTIALS');
    const r = await call('counter', 'collection.complete', { ...input, approval: MANAGER_PIN });
    expect(r.collection).toMatchObject({ discountFen: 15800, totalFen: 142200, identityMethod: 'id_document', pickupName: '李四', pickupIdMasked: '**************1234' });
    expect(r.collection.approvedBy).not.toBeNull();
    expect(count('audit_log', `action = 'collection.approve'`)).toBe(1);
    // a 5 % discount is within the threshold: no PIN needed
    const id2 = await readyPaidTicket({ depositFen: 0 });
    const r2 = await call('counter', 'collection.complete', { ticketId: id2, identity: { method: 'phone_last4', last4: '8000' }, discountBp: 500, discountReason: '活动', tenders: [{ tender: 'cash', amountFen: 150100 }] });
    expect(r2.collection).toMatchObject({ discountFen: 7900, totalFen: 150100, approvedBy: null });
  });

  it('hands back with an unpaid balance only on a manager\'s recorded decision; a deposit above the total is returned', async () => {
    const id = await readyPaidTicket();
    const input = { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 100000 }], balance: { reason: '月结客户，月底付清' } };
    await expectError(call('counter', 'collection.complete', input), 'FORBIDDEN');
    const r = await call('manager', 'collection.complete', input);
    expect(r.collection).toMatchObject({ balanceFen: 53000, balanceReason: '月结客户，月底付清', paidNowFen: 100000 });

    // a declined quote: only the diagnosis fee (¥50) is due; the ¥80 deposit leaves a ¥30 credit refunded
    const d = await newTicket(s, { ...oldPhone(), depositFen: 8000, confirmDuplicate: true } as never);
    await call('technician', 'bench.claim', { ticketId: d });
    await call('technician', 'bench.diagnose', { ticketId: d, cause: '主板损坏', findings: [] });
    const wb = await call('technician', 'bench.quote.save', { ticketId: d, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
    await call('counter', 'bench.decline', { ticketId: d, quoteId: wb.quote.current.id });
    expect(status(d)).toBe('ready');
    const v = await call('counter', 'collection.lookup', { ref: d });
    expect(v.settlement).toMatchObject({ totalFen: 5000, paidFen: 8000, dueNowFen: -3000 });
    const r2 = await call('counter', 'collection.complete', { ticketId: d, identity: { method: 'phone_last4', last4: '8000' }, tenders: [] });
    expect(r2.collection).toMatchObject({ refundedFen: 3000, balanceFen: 0 });
    expect(r2.payments.map((p: Payment) => [p.kind, p.amountFen])).toEqual([['refund', -3000]]);
  });

  it('blocks hand-back while the loaner is out; a manager may override (audited)', async () => {
    const id = await readyPaidTicket({ depositFen: 0 });
    const loaner = await call('admin', 'parts.save', { part: { sku: 'LN-1', nameZh: '备用机', kind: 'loaner', serialized: true, category: 'loaner', listPrice: 0 } });
    await call('admin', 'stock.receive', { partId: loaner.id, qty: 1, unitCost: 100000, supplier: '总部', serials: ['LN-0001'] });
    await call('counter', 'loaners.issue', { partId: loaner.id, serial: 'LN-0001', ticket: id, depositFen: 0 });
    const input = { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 158000 }] };
    await expectError(call('counter', 'collection.complete', input), 'RULE', 'stock.errors.loanerOut');
    expect((await call('counter', 'collection.lookup', { ref: id })).blockers.length).toBe(1);
    await expectError(call('counter', 'collection.complete', { ...input, loanerOverride: true }), 'FORBIDDEN');
    const r = await call('counter', 'collection.complete', { ...input, loanerOverride: true, approval: MANAGER_PIN });
    expect(r.collection.loanerOverride).toBe(true);
    expect(count('audit_log', `action = 'stock.loanerOverride'`)).toBe(1);
  });

  it('splits a warranty repair by payer and opens a claim to the maker with list prices and serials', async () => {
    const id = await readyWarrantyTicket();
    const v = await call('counter', 'collection.lookup', { ref: id });
    expect(v.quote.payers.maker).toBeGreaterThan(0);
    const customer = v.settlement.totalFen;
    expect(customer).toBe(v.lines.reduce((a: number, l: CollectionView['lines'][number]) => a + l.payers.customer, 0));
    expect(v.parts[0]).toMatchObject({ sku: 'M60-MB', serials: ['M60-MB-SN1'], removedSerial: 'BAD-MB-77', warrantyPaid: true });
    const r = await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: customer > 0 ? [{ tender: 'alipay', amountFen: customer, reference: 'ALI-1' }] : [] });
    expect(r.claimIds).toHaveLength(1);
    const [claim] = await call('counter', 'claims.list', { ticketId: id });
    expect(claim).toMatchObject({ payer: 'maker', status: 'draft', claimedFen: v.quote.payers.maker });
    const board = claim.lines.find((l: Claim['lines'][number]) => l.sku === 'M60-MB');
    expect(board).toMatchObject({ unitPriceFen: 300000, amountFen: 300000, newSerials: ['M60-MB-SN1'], removedSerial: 'BAD-MB-77' });
    expect(board.oldPartId).not.toBeNull(); // paired with the old-parts bin
    // the claim's life: counter may not move it; a manager submits, approves less, records payment
    await expectError(call('counter', 'claims.setStatus', { claimId: claim.id, status: 'submitted' }), 'FORBIDDEN');
    await expectError(call('manager', 'claims.setStatus', { claimId: claim.id, status: 'paid' }), 'RULE', 'collection.error.claimTransition');
    await call('manager', 'claims.setStatus', { claimId: claim.id, status: 'submitted' });
    await call('manager', 'claims.setStatus', { claimId: claim.id, status: 'approved', approvedFen: claim.claimedFen - 8000 });
    const paid = await call('manager', 'claims.setStatus', { claimId: claim.id, status: 'paid' });
    expect(paid).toMatchObject({ status: 'paid', paidFen: claim.claimedFen - 8000, differenceFen: 8000 });
    const csv = await call('counter', 'claims.export', { payer: 'maker', period: claim.period, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain('M60-MB-SN1');
    expect(text).toContain('BAD-MB-77');
    const xlsx = await call('counter', 'claims.export', { payer: 'maker', period: claim.period, format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // the claim tables are synced to head office
    expect(count('outbox', `table_name = 'warranty_claims'`)).toBeGreaterThan(0);
    expect(count('outbox', `table_name = 'payments'`)).toBeGreaterThan(0);
  });
});

describe('refunds, voids and the daily close', () => {
  it('refunds never more than was paid, voids once, and needs a manager for both', async () => {
    const id = await readyPaidTicket();
    await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 153000 }] });
    await expectError(call('manager', 'payments.refund', { ticketId: id, amountFen: 158001, tender: 'cash', reason: '多收' }), 'VALIDATION', 'collection.validation.refundTooLarge');
    await expectError(call('counter', 'payments.refund', { ticketId: id, amountFen: 1000, tender: 'cash', reason: '找错零' }), 'FORBIDDEN');
    await expectError(call('counter', 'payments.refund', { ticketId: id, amountFen: 1000, tender: 'cash', reason: '' }), 'VALIDATION', 'collection.validation.reasonRequired');
    const ref = await call('counter', 'payments.refund', { ticketId: id, amountFen: 1000, tender: 'cash', reason: '外观小划痕补偿', approval: MANAGER_PIN });
    expect(ref).toMatchObject({ kind: 'refund', amountFen: -1000 });
    const cash = (await call('counter', 'payments.list', { ticketId: id })).find((p: Payment) => p.kind === 'settlement');
    const v = await call('counter', 'payments.void', { paymentId: cash.id, reason: '收错单', approval: MANAGER_PIN });
    expect(v).toMatchObject({ kind: 'void', amountFen: -153000, reversesId: cash.id });
    await expectError(call('manager', 'payments.void', { paymentId: cash.id, reason: '再冲' }), 'RULE', 'collection.error.alreadyVoided');
    await expectError(call('manager', 'payments.void', { paymentId: ref.id, reason: '冲退款' }), 'RULE', 'collection.error.voidReversal');
    // what is left: deposit 5000 − refund 1000 = 4000; a refund of 4001 is too much
    await expectError(call('manager', 'payments.refund', { ticketId: id, amountFen: 4001, tender: 'cash', reason: 'x' }), 'VALIDATION', 'collection.validation.refundTooLarge');
  });

  it('adds the day up by tender, closes it with a counted-cash difference and its reason, and then locks it', async () => {
    const a = await readyPaidTicket(); // deposit 5000 cash
    const b = await readyPaidTicket({ depositFen: 0 });
    await call('counter', 'collection.complete', { ticketId: a, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 3000, receivedFen: 5000 }, { tender: 'card', amountFen: 150000, reference: 'POS-1' }] });
    await call('counter', 'collection.complete', { ticketId: b, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'wechat', amountFen: 158000, reference: 'WX-1' }] });
    await call('counter', 'payments.refund', { ticketId: b, amountFen: 2000, tender: 'cash', reason: '补偿', approval: MANAGER_PIN });
    const day = await call('manager', 'dailyClose.get', {});
    const by = Object.fromEntries(day.figures.byTender.map((x: DailyCloseView['figures']['byTender'][number]) => [x.tender, x]));
    expect(by.cash).toMatchObject({ count: 3, inFen: 5000 + 3000, outFen: 2000, netFen: 6000 });
    expect(by.card.netFen).toBe(150000);
    expect(by.wechat.netFen).toBe(158000);
    expect(day.figures).toMatchObject({ salesFen: 311000, depositsTakenFen: 5000, refundsFen: 2000, expectedCashFen: 6000, netFen: 314000 });
    expect(day.figures.depositsTakenFen + day.figures.salesFen - day.figures.refundsFen).toBe(day.figures.netFen);
    expect(day.depositsAppliedFen).toBe(5000);
    expect(day.tickets).toMatchObject({ collected: 2, ready: 2 });
    await expectError(call('counter', 'dailyClose.close', { date: day.date, countedCashFen: 6000 }), 'FORBIDDEN', 'collection.error.closeManagerOnly');
    await expectError(call('manager', 'dailyClose.close', { date: day.date, countedCashFen: 5900 }), 'VALIDATION', 'collection.validation.differenceReason');
    const closed = await call('manager', 'dailyClose.close', { date: day.date, countedCashFen: 5900, reason: '找零少找 1 元' });
    expect(closed.close).toMatchObject({ expectedCashFen: 6000, countedCashFen: 5900, differenceFen: -100 });
    expect(closed.locked).toBe(true);
    await expectError(call('manager', 'dailyClose.close', { date: day.date, countedCashFen: 5900, reason: 'x' }), 'RULE', 'collection.error.alreadyClosed');
    // locked: no payment on that day, no void of its payments, no intake with a deposit
    const before = count('payments');
    await expectError(call('manager', 'payments.refund', { ticketId: a, amountFen: 100, tender: 'cash', reason: 'x' }), 'RULE', 'collection.error.dayClosed');
    const anyPay = (await call('manager', 'payments.list', { date: day.date })).find((p: Payment) => p.kind === 'settlement');
    await expectError(call('manager', 'payments.void', { paymentId: anyPay.id, reason: 'x' }), 'RULE', 'collection.error.voidClosedDay');
    const tickets = count('tickets');
    await expectError(newTicket(s, { ...oldPhone(), depositFen: 1000, confirmDuplicate: true } as never), 'RULE', 'collection.error.dayClosed');
    expect(count('tickets')).toBe(tickets);
    expect(count('payments')).toBe(before);
    // the next day is open again
    s.clock.advance(86_400_000);
    const token = (await s.backend.call('auth.login', { username: 'counter', password: PASSWORD })).token;
    await s.backend.call('tickets.intake', intakeInput({ ...oldPhone(), depositFen: 1000, confirmDuplicate: true, promisedDate: testDate(7, s.clock) } as never), { token });
    expect(count('payments')).toBe(before + 1);
  });

  it('lets a cashier close their own drawer, and only the roles that handle money use these procedures', async () => {
    const day = await call('counter', 'dailyClose.get', { scope: 'user', userId: (await call('counter', 'auth.me', {})).user?.id ?? (await call('counter', 'auth.me', {})).id });
    expect(day.scope).toBe('user');
    await expectError(call('technician', 'collection.lookup', { ref: 'x' }), 'FORBIDDEN');
    await expectError(call('technician', 'collection.complete', { ticketId: 'x', identity: { method: 'phone_last4', last4: '1234' } }), 'FORBIDDEN');
    await expectError(call('technician', 'payments.refund', { ticketId: 'x', amountFen: 1, tender: 'cash', reason: 'x' }), 'FORBIDDEN');
    await expectError(call('technician', 'dailyClose.close', { date: '2026-11-23', countedCashFen: 0 }), 'FORBIDDEN');
    const mine = await call('counter', 'dailyClose.close', { date: day.date, scope: 'user', countedCashFen: 0 });
    expect(mine.close.differenceFen).toBe(0);
  });
});

describe('the repair receipt and the warranty card', () => {
  async function pdf(docType: string, entityId: string, format: string, language: string) {
    const job = await call('counter', 'print.request', { docType, entityId, format, language });
    expect(job.status).toBe('queued');
    const res = await call('counter', 'print.pdf', { jobId: job.id });
    const file = writePdf(Buffer.from(res.base64, 'base64'), `${docType}-${format}-${language}.pdf`);
    // Kept for people to look at (pdftoppm renders them beside): test-results/collection-docs/.
    fs.mkdirSync(DOCS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS, path.basename(file)));
    return { file, text: squash(pdfText(file)) };
  }

  it('prints both on A5 and 80 mm, in Chinese and English, with every repair-record field, the codes scannable', async () => {
    const id = await readyWarrantyTicket();
    const v = await call('counter', 'collection.lookup', { ref: id });
    await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: v.settlement.dueNowFen > 0 ? [{ tender: 'cash', amountFen: v.settlement.dueNowFen, receivedFen: v.settlement.dueNowFen + 500 }] : [] });
    const number = v.ticket.number;
    for (const format of ['a5', 'receipt80']) {
      const card = await pdf('warranty_card', id, format, 'zh-CN');
      for (const s2 of ['保修卡', '送修日期', '送修故障情况', '故障原因', '故障处理情况', '交验日期', '维修人员', 'M60-MB-SN1', 'BAD-MB-77', '配件保修至', '维修保修', '整机三包剩余', '服务网点盖章', '服务热线', number, v.ticket.device.imei]) expect(card.text).toContain(squash(s2));
      expect(scan(card.file)).toContain(`QR-Code:${number}`);
      const cardEn = await pdf('warranty_card', id, format, 'en');
      for (const s2 of ['Warranty Card', 'Date sent in', 'Fault reported', 'Cause found', 'Work done', 'Date handed back', 'Technician', 'M60-MB-SN1', 'Part warranted until', 'Repair warranty', 'Statutory cover left', 'shop stamp']) expect(cardEn.text).toContain(squash(s2));
      const receipt = await pdf('repair_receipt', id, format, 'zh-CN');
      for (const s2 of ['维修结算单', '厂家保修', '加急处理', '应收合计', '价内税', '现金', '找零', '¥5.00', '本次实收', 'M60-MB-SN1']) expect(receipt.text).toContain(squash(s2));
      expect(scan(receipt.file)).toEqual([`CODE-128:${number}`, `QR-Code:${number}`]);
      const receiptEn = await pdf('repair_receipt', id, format, 'en');
      for (const s2 of ['Repair Receipt', 'Maker warranty', 'Total', 'included', 'Change', 'Paid now']) expect(receiptEn.text).toContain(squash(s2));
      if (format === 'a5') {
        expect(pdfPages(receipt.file).pages).toBe(1);
        expect(pdfPages(card.file).pages).toBe(1);
      } else expect(pdfPages(card.file).width).toBeCloseTo(226.77, 1);
    }
    const close = await pdf('daily_close', v.today, 'a4', 'zh-CN');
    for (const s2 of ['日结单', '应有现金', '按收款方式', '现金']) expect(close.text).toContain(squash(s2));
    const batch = await pdf('claim_batch', `maker:${v.today.slice(0, 7)}`, 'a4', 'zh-CN');
    expect(batch.text).toContain('M60-MB-SN1');
  });
});
