import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import { t } from '../../../src/shared/i18n/translate';
import type { Claim } from '../../../src/shared/collection/schemas';
import type { Workbench } from '../../../src/shared/bench/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from './helpers';
import { pdfText, squash, writePdf } from '../documents/pdf-tools';

/**
 * Covered custom work (issue 15, point 5). A free (custom) line is work the price list does not
 * have; when the ticket's 三包 decision covers that work, the technician marks it covered and
 * says why. The phone rule: within the 三包有效期 a performance fault is repaired free
 * (《移动电话机商品修理更换退货责任规定》: 三包有效期内…免费修理; 附录: 主机 1 年, 电池 6 个月), so:
 * - invoice 2026-03-01, in on 2026-11-23: the unit is covered through 2027-03-01 (a Monday,
 *   no roll), labour on it is the maker's; the battery's 6 months ended on 2026-09-01;
 * - bought 2023-01-05: the unit's year ended long ago, nothing can be marked covered.
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
const sql = () => s.backend.services.sqlite;
const count = (table: string, where = '1') => (sql().prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const status = (id: string) => (sql().prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
const DOCS = path.resolve('test-results/covered-custom');

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const RESOLDER = { kind: 'custom', description: '主板排线座重新焊接', unitPriceFen: 12000, reason: '价目表无此项', covered: true, coverReason: '排线座虚焊，属整机性能故障' } as const;
const RUSH = { kind: 'custom', description: '加急处理', unitPriceFen: 3000, reason: '顾客要求当天取' } as const;

async function diagnosed(over: Record<string, unknown> = {}) {
  const id = await newTicket(s, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true, ...over } as never);
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板排线座虚焊', findings: [] });
  return id;
}

describe('a custom line marked covered follows the 三包 decision', () => {
  it('in warranty: the customer pays ¥0 for it, the maker\'s claim carries it with the reason, the receipt shows it as the maker\'s', async () => {
    const id = await diagnosed();
    const wb = await call<Workbench>('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, RESOLDER, RUSH], submit: true });
    const q = wb.quote.current!;
    const [labor, resolder, rush] = q.lines;
    // Labour ¥80 and the resoldering ¥120 are the maker's (unit covered through 2027-03-01); the rush fee is the customer's.
    expect(labor!.payers).toMatchObject({ maker: 8000, customer: 0 });
    expect(resolder).toMatchObject({ kind: 'custom', coverReason: '排线座虚焊，属整机性能故障', payers: { maker: 12000, customer: 0, shop: 0 } });
    expect(resolder!.decision).toMatchObject({ status: 'covered', coverage: 'unit', endDate: '2027-03-01' });
    expect(resolder!.decision.reasons[0]).toBe('工程师标记为保修：排线座虚焊，属整机性能故障');
    expect(resolder!.decision.reasons.join('')).toContain('2027-03-01');
    expect(rush).toMatchObject({ coverReason: null, payers: { customer: 3000, maker: 0 }, decision: { status: 'not_covered' } });
    expect(q.totals).toMatchObject({ subtotalFen: 23000, customerTotalFen: 3000, payers: { maker: 20000, customer: 3000 } });
    expect((await call('counter', 'tickets.get', { id })).coverage.label).toBe('partly_covered');

    // Authorized for the ¥30 the customer pays, repaired, QC, handed back paying ¥30.
    expect(status(id)).toBe('awaiting_approval');
    await call('counter', 'bench.authorize', { ticketId: id, quoteId: q.id, method: 'phone', phone: { number: '13800138000', words: '同意加急费' } });
    if (status(id) !== 'repairing') await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const w2 = await call<Workbench>('technician', 'bench.workbench', { ticketId: id });
    await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(w2.qcChecklist.map((k) => [k, 'pass'])), data: 'preserved' });
    const view = await call('counter', 'collection.lookup', { ref: id });
    expect(view.settlement).toMatchObject({ customerDueFen: 3000, totalFen: 3000 });
    await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 3000, receivedFen: 3000 }] });
    expect(status(id)).toBe('collected');

    // The maker's claim: labour and the resoldering at their prices, the custom line saying why it is the maker's.
    const claims = await call<Claim[]>('counter', 'claims.list', { ticketId: id });
    expect(claims.map((c) => [c.payer, c.claimedFen])).toEqual([['maker', 20000]]);
    const line = claims[0]!.lines.find((l) => l.kind === 'custom')!;
    expect(line).toMatchObject({ qty: 1, unitPriceFen: 12000, amountFen: 12000 });
    expect(line.description).toBe('主板排线座重新焊接 — 排线座虚焊，属整机性能故障');
    expect(claims[0]!.lines.some((l) => l.description.includes('加急'))).toBe(false);

    // The receipt: the line with the maker paying ¥120.00 and ¥0.00 for the customer, in both languages.
    fs.mkdirSync(DOCS, { recursive: true });
    for (const [language, maker, customerCol] of [
      ['zh-CN', '厂家保修 ¥120.00', '客户支付'],
      ['en', 'Maker warranty ¥120.00', 'Customer pays'],
    ] as const) {
      const job = await call('counter', 'print.request', { docType: 'repair_receipt', entityId: id, format: 'a4', language });
      const res = await call('counter', 'print.pdf', { jobId: job.id });
      const file = writePdf(Buffer.from(res.base64, 'base64'), `covered-custom-receipt-${language}.pdf`);
      fs.copyFileSync(file, path.join(DOCS, path.basename(file)));
      const text = pdfText(file);
      const row = text.split('\n').find((r) => r.includes('主板排线座重新焊接'))!;
      expect(row, text).toBeTruthy();
      // qty 1, ¥120.00 unit and amount, the maker's, ¥0.00 for the customer
      expect(squash(row)).toContain(squash(`1 ¥120.00 ¥120.00 ${maker} ¥0.00`));
      expect(squash(text)).toContain(squash(customerCol));
      const rushRow = text.split('\n').find((r) => r.includes('加急处理'))!;
      expect(squash(rushRow)).toMatch(/¥30\.00¥30\.00.*¥30\.00$/);
    }
  });

  it('refuses the mark where the decision does not cover the work: out of warranty, or an accessory past its period; translated, nothing saved', async () => {
    const old = await diagnosed({ ...oldPhone() });
    const before = count('quotes');
    const e = await refusal(call('technician', 'bench.quote.save', { ticketId: old, lines: [RESOLDER], submit: true }));
    expect(e.code).toBe('VALIDATION');
    const f = e.fields.find((x) => x.path === 'lines.0.covered')!;
    expect(f.key).toBe('bench.validation.customNotCovered');
    // The message itself is the refusal (the screen shows it as is).
    expect(e.key).toBe('bench.validation.customNotCovered');
    // The unit's year from 2023-01-05 ended 2024-01-05 (a Friday): the refusal says so, in both languages.
    expect(t('zh-CN', f.key, f.params)).toMatch(/^保修判定不包含此项目，不能标记为保修：.*2024-01-05/);
    expect(t('en', f.key, f.params)).toMatch(/^The warranty decision does not cover this work, so it cannot be marked as covered: /);
    expect(count('quotes')).toBe(before);
    expect(status(old)).toBe('diagnosing');

    // The same line, unmarked, is quoted as the customer's.
    const wb = await call<Workbench>('technician', 'bench.quote.save', { ticketId: old, lines: [{ ...RESOLDER, covered: false, coverReason: '' }] });
    expect(wb.quote.current!.lines[0]).toMatchObject({ coverReason: null, payers: { customer: 12000, maker: 0 } });

    // In warranty, but the battery's 6 months from 2026-03-01 ended 2026-09-01: a battery line cannot be marked.
    const inw = await diagnosed();
    const e2 = await refusal(call('technician', 'bench.quote.save', { ticketId: inw, lines: [{ ...RESOLDER, description: '电池触点清洁', warrantyPart: 'battery' }] }));
    const f2 = e2.fields.find((x) => x.path === 'lines.0.covered')!;
    expect(f2.key).toBe('bench.validation.customNotCovered');
    expect(t('zh-CN', f2.key, f2.params)).toContain('2026-09-01');
    expect(count('quotes', `ticket_id = '${inw}'`)).toBe(0);
  });

  it('a mark needs its reason, and only a custom line can carry one', async () => {
    const id = await diagnosed();
    const e = await refusal(call('technician', 'bench.quote.save', { ticketId: id, lines: [{ ...RESOLDER, coverReason: '' }] }));
    expect(e.fields.map((x) => [x.path, x.key])).toContainEqual(['lines.0.coverReason', 'bench.validation.coverReasonRequired']);
    expect(t('zh-CN', 'bench.validation.coverReasonRequired')).toBe('标记为保修须注明理由');
    expect(t('en', 'bench.validation.coverReasonRequired')).toBe('Say why the line is covered');
    const e2 = await refusal(call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor, covered: true, coverReason: '保修' }] }));
    expect(e2.fields.map((x) => [x.path, x.key])).toContainEqual(['lines.0.covered', 'bench.validation.coverCustomOnly']);
    expect(count('quotes', `ticket_id = '${id}'`)).toBe(0);
  });
});
