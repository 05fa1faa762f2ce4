import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import { t } from '../../../src/shared/i18n/translate';
import type { Claim, CollectionView, DailyCloseView, Payment } from '../../../src/shared/collection/schemas';
import type { Workbench } from '../../../src/shared/bench/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { PASSWORD } from '../../helpers/backend';
import { imei as newImei } from '../intake/helpers';
import { pdfText, squash, writePdf } from '../documents/pdf-tools';

/**
 * A 三包 return (退货) pays the customer through the payments ledger at hand-back: the engine's
 * refund (inside the 7-day window the invoice price, 《移动电话机商品修理更换退货责任规定》 第十一条
 * "……消费者可以选择退货……销售者应当按发票价格一次退清货款"), one refund row per outcome,
 * approved by the outcome's manager, in the day's figures, claimed back from the maker.
 */
let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

type Role = Parameters<BenchShop['as']>[0];
const tokens: Partial<Record<Role, string>> = {};
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, tokens[role] ? { token: tokens[role]! } : s.as(role)) as Promise<T>;
const sql = () => s.backend.services.sqlite;
const status = (id: string) => (sql().prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
const count = (table: string, where = '1') => (sql().prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const userId = (username: string) => (sql().prepare(`SELECT id FROM users WHERE username = ?`).get(username) as { id: string }).id;
const MANAGER_PIN = { username: 'manager', pin: '1234' };
const OWNER = { method: 'phone_last4', last4: '8000' } as const;
const PRICE = 599900;
const DOCS = path.resolve('test-results/collection-docs');

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

/**
 * A phone bought on 2026-11-18 (invoice), in on 2026-11-23 (day 5) with a listed performance
 * fault: the engine offers a return; a manager approves it (PIN at the counter's screen); QC → ready.
 */
async function readyReturnTicket(depositFen = 0) {
  const imei = newImei();
  const id = await newTicket(s, {
    device: { ...oldPhone().device, imei, purchaseDate: '2026-11-18', proof: { kind: 'invoice', invoiceNo: 'I-77', invoiceDate: '2026-11-18', seller: '华为授权店' } },
    fault: { text: '无法开机', codes: ['no_power'] },
    depositFen,
    confirmDuplicate: true,
  } as never);
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板故障，性能故障', performanceFault: true });
  const opts = await call('counter', 'bench.sanbao.options', { ticketId: id, purchasePriceFen: PRICE });
  const offered = opts.options.find((o: { option: string }) => o.option === 'return');
  expect(offered).toBeTruthy();
  await expectError(call('counter', 'bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: PRICE }), 'FORBIDDEN');
  const wb = await call<Workbench>('counter', 'bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: PRICE, approval: MANAGER_PIN, note: '7 日内性能故障退货' });
  expect(wb.sanbao).toMatchObject({ option: 'return', refundFen: offered.refundFen, refundPaid: null });
  await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
  const w2 = await call<Workbench>('technician', 'bench.workbench', { ticketId: id });
  await call('manager', 'bench.qc', { ticketId: id, items: Object.fromEntries(w2.qcChecklist.map((k) => [k, 'pass'])), data: 'wiped' });
  expect(status(id)).toBe('ready');
  return { id, imei, opts, offered, outcomeId: wb.sanbao!.id };
}

describe('三包 return: the refund goes out through the payments ledger', () => {
  it('pays the engine\'s refund at hand-back: one refund row approved by the outcome\'s manager, in the day\'s cash, on the maker\'s claim and the receipt', async () => {
    const { id, imei, offered, outcomeId } = await readyReturnTicket();
    // Day 5 after the sale, a listed performance fault: 第十一条 "销售者应当按发票价格一次退清货款" —
    // the invoice price, ¥5,999.00, with no depreciation (that is 第十九条's, for returns after an exchange was due).
    expect(offered).toMatchObject({ refundFen: PRICE, depreciationFen: 0, daysUsed: 0 });

    const view = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
    expect(view.ticket.outcome).toBe('refunded');
    expect(view.sanbao).toMatchObject({ option: 'return', purchasePriceFen: PRICE, depreciationFen: 0, daysUsed: 0, refundFen: PRICE, approvedByName: 'manager', refundPaid: null });
    // The work is the maker's: nothing due from the customer, nothing paid for it.
    expect(view.settlement).toMatchObject({ totalFen: 0, paidFen: 0, dueNowFen: 0 });
    expect(view.blockers).toEqual([]);

    // Hand-back without saying how the money goes out, or a card refund without its slip: refused, nothing written.
    const before = { payments: count('payments'), collections: count('collections'), claims: count('warranty_claims') };
    await expectError(call('counter', 'collection.complete', { ticketId: id, identity: OWNER }), 'VALIDATION', 'collection.validation.sanbaoRefundTender');
    await expectError(call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'card' } }), 'VALIDATION', 'collection.validation.referenceRequired');
    // Technicians do not hand out money.
    await expectError(call('technician', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'cash' } }), 'FORBIDDEN');
    expect({ payments: count('payments'), collections: count('collections'), claims: count('warranty_claims') }).toEqual(before);
    expect(status(id)).toBe('ready');

    // The counter pays it in cash: the manager's approval of the outcome covers it (no second PIN).
    const r = await call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'cash' } });
    expect(status(id)).toBe('collected');
    expect(r.payments.map((p: Payment) => [p.kind, p.tender, p.amountFen])).toEqual([['refund', 'cash', -599900]]);
    const row = sql().prepare(`SELECT * FROM payments WHERE ticket_id = ? AND kind = 'refund'`).get(id) as Record<string, unknown>;
    expect(row).toMatchObject({
      kind: 'refund',
      tender: 'cash',
      amount_fen: -599900,
      reason: `sanbao_refund:${outcomeId}`,
      approved_by: userId('manager'),
      by_user_id: userId('counter'),
      collection_id: r.collection.id,
      business_date: view.today,
    });
    expect(count('outbox', `table_name = 'payments' AND row_id = '${row.id}'`)).toBe(1);

    // The ticket shows it: at the counter and at the bench.
    const after = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
    expect(after.sanbao!.refundPaid).toMatchObject({ amountFen: 599900, tender: 'cash', businessDate: view.today, byName: 'counter', approvedByName: 'manager' });
    // The ticket's settlement is the work's: the refund stays out of it.
    expect(after.settlement).toMatchObject({ paidFen: 0, dueNowFen: 0 });
    const wb = await call<Workbench>('technician', 'bench.workbench', { ticketId: id });
    expect(wb.sanbao!.refundPaid).toMatchObject({ amountFen: 599900, tender: 'cash', businessDate: view.today });

    // The day: the cash went out of the drawer.
    const day = await call<DailyCloseView>('manager', 'dailyClose.get', {});
    const cash = day.figures.byTender.find((x) => x.tender === 'cash')!;
    expect(cash).toMatchObject({ count: 1, outFen: 599900, netFen: -599900 });
    expect(day.figures).toMatchObject({ refundsFen: 599900, expectedCashFen: -599900, netFen: -599900 });

    // The maker's claim: the refunded amount, with the returned unit's IMEI.
    const [claim] = await call<Claim[]>('counter', 'claims.list', { ticketId: id });
    expect(claim).toMatchObject({ payer: 'maker', status: 'draft', claimedFen: 599900 });
    expect(claim!.lines).toEqual([expect.objectContaining({ kind: 'sanbao_refund', qty: 1, unitPriceFen: 599900, amountFen: 599900, removedSerial: imei })]);
    expect(claim!.lines[0]!.description).toContain('三包退货退款');

    // A second try: refused in words (when and how it was paid), nothing changes.
    const n = count('payments');
    const e = await expectError(call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'wechat', reference: 'WX-2' } }), 'RULE', 'collection.error.sanbaoRefundPaid');
    expect(t('zh-CN', e.key, e.params)).toBe(`三包退货退款 ¥5,999.00 已于 ${view.today} 以现金退还客户，不能重复退款`);
    expect(t('en', e.key, e.params)).toContain(`was already paid to the customer on ${view.today}`);
    // …nor through an ordinary refund: nothing was paid for work on the ticket.
    await expectError(call('manager', 'payments.refund', { ticketId: id, amountFen: 599900, tender: 'cash', reason: '再退一次' }), 'VALIDATION', 'collection.validation.refundTooLarge');
    // …nor by voiding it (a refund is never voided).
    await expectError(call('manager', 'payments.void', { paymentId: row.id, reason: 'x' }), 'RULE', 'collection.error.voidReversal');
    expect(count('payments')).toBe(n);
    expect(count('warranty_claims', `ticket_id = '${id}'`)).toBe(1);
    // One row for the outcome (kept so by the code, inside the hand-back's transaction; no unique index, no migration).
    expect(count('payments', `reason = 'sanbao_refund:${outcomeId}'`)).toBe(1);

    // The receipt of the hand-back shows the refund line, in both languages.
    for (const [language, words] of [
      ['zh-CN', ['三包退货退款', '购机价格', '¥5,999.00', '折旧', '不收（按发票价格退款）', '已退还客户', '¥5,999.00', '退款方式', '现金', '退款日期', view.today, '批准店长', '三包退货']],
      ['en', ['三包 return refund', 'Purchase price', 'Depreciation', 'none (refund at the invoice price)', 'Paid to the customer', '¥5,999.00', 'Cash', 'Date paid', 'Approved by']],
    ] as const) {
      const job = await call('counter', 'print.request', { docType: 'repair_receipt', entityId: id, format: 'a5', language });
      const res = await call('counter', 'print.pdf', { jobId: job.id });
      const file = writePdf(Buffer.from(res.base64, 'base64'), `sanbao-refund-receipt-${language}.pdf`);
      fs.mkdirSync(DOCS, { recursive: true });
      fs.copyFileSync(file, path.join(DOCS, path.basename(file)));
      const text = squash(pdfText(file));
      for (const w of words) expect(text).toContain(squash(w));
    }
  });

  it('a deposit taken at intake goes back as the credit, the 三包 refund by card beside it; the settlement is untouched', async () => {
    const { id } = await readyReturnTicket(5000);
    const view = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
    expect(view.settlement).toMatchObject({ totalFen: 0, paidFen: 5000, dueNowFen: -5000 });
    const r = await call('counter', 'collection.complete', { ticketId: id, identity: OWNER, refundTender: 'cash', sanbaoRefund: { tender: 'card', reference: 'POS-RF-881' } });
    expect(r.collection).toMatchObject({ refundedFen: 5000, totalFen: 0 });
    expect(r.payments.map((p: Payment) => [p.kind, p.tender, p.amountFen, p.reference])).toEqual([
      ['refund', 'cash', -5000, ''],
      ['refund', 'card', -599900, 'POS-RF-881'],
    ]);
    const day = await call<DailyCloseView>('manager', 'dailyClose.get', {});
    const by = Object.fromEntries(day.figures.byTender.map((x) => [x.tender, x]));
    expect(by.cash!.netFen).toBe(0); // deposit in, credit out
    expect(by.card).toMatchObject({ outFen: 599900, netFen: -599900 });
    expect(day.figures).toMatchObject({ depositsTakenFen: 5000, refundsFen: 5000 + 599900, expectedCashFen: 0 });
    const after = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
    expect(after.settlement).toMatchObject({ paidFen: 0, dueNowFen: 0 });
    expect(after.sanbao!.refundPaid).toMatchObject({ tender: 'card', reference: 'POS-RF-881' });
  });

  it('a closed day refuses the payout (translated), nothing written; the next open day pays it, dated that day, the same amount', async () => {
    const { id, outcomeId } = await readyReturnTicket();
    const today = (await call<CollectionView>('counter', 'collection.lookup', { ref: id })).today;
    await call('manager', 'dailyClose.close', { date: today, countedCashFen: 0 });
    const view = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
    expect(view.dayClosed).toBe(true);
    const before = count('payments');
    const e = await expectError(call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'cash' } }), 'RULE', 'collection.error.dayClosed');
    expect(t('zh-CN', e.key, e.params)).toContain(today);
    expect(count('payments')).toBe(before);
    expect(status(id)).toBe('ready');

    // The next day: a new session (the old ones expired overnight), the same approved amount.
    s.clock.advance(86_400_000);
    tokens.counter = (await s.backend.call('auth.login', { username: 'counter', password: PASSWORD })).token;
    try {
      const next = await call<CollectionView>('counter', 'collection.lookup', { ref: id });
      expect(next.today > today).toBe(true);
      expect(next.sanbao!.refundFen).toBe(599900);
      await call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'alipay', reference: 'ALI-RF-1' } });
      const row = sql().prepare(`SELECT business_date, amount_fen, tender FROM payments WHERE reason = ?`).get(`sanbao_refund:${outcomeId}`);
      expect(row).toEqual({ business_date: next.today, amount_fen: -599900, tender: 'alipay' });
    } finally {
      delete tokens.counter;
    }
  });

  it('an exchange pays nothing; a 三包 refund asked for on a ticket without a return is refused', async () => {
    const id = await newTicket(s, {
      device: { ...oldPhone().device, purchaseDate: '2026-11-12', proof: { kind: 'invoice', invoiceNo: 'I-9', invoiceDate: '2026-11-12', seller: '店' } },
      fault: { text: '无法开机', codes: ['no_power'] },
      depositFen: 0,
      confirmDuplicate: true,
    } as never);
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板故障', performanceFault: true });
    await call('manager', 'bench.sanbao.decide', { ticketId: id, option: 'exchange', purchasePriceFen: PRICE, newImei: '860000000000009' });
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const wb = await call<Workbench>('technician', 'bench.workbench', { ticketId: id });
    await call('manager', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass'])), data: 'wiped' });
    expect(wb.sanbao).toMatchObject({ option: 'exchange', refundPaid: null });
    await expectError(call('counter', 'collection.complete', { ticketId: id, identity: OWNER, sanbaoRefund: { tender: 'cash' } }), 'VALIDATION', 'collection.validation.noSanbaoRefund');
    const r = await call('counter', 'collection.complete', { ticketId: id, identity: OWNER });
    expect(r.payments).toEqual([]);
  });
});
