import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { pdfText, squash, writePdf } from './pdf-tools';

/**
 * The quote and authorization form (报价确认单) says what the stored quote and its authorization
 * say: every line's price and who pays it, the totals, the authorized amount and cap. Figures
 * are worked out by hand from the fixture (the price list and parts of tests/integration/bench/
 * helpers.ts: labour ¥80.00, the Mate 60 screen ¥1,500.00) and the phone rule (附录: 主机 1 年):
 * - in warranty (invoice 2026-03-01, in on 2026-11-23): labour, the screen and a free line the
 *   technician marked covered are the maker's; the rush fee ¥30.00 is the customer's;
 * - out of warranty (2023): everything is the customer's; a revision above what was authorized
 *   shows the authorized total and the increase.
 * Real PDFs read with pdftotext; PNGs (pdftoppm) kept in test-results/quote-form for a look.
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
const OUT = path.resolve('test-results/quote-form');

/** The form as pdftotext reads it (layout kept, one string per line) and squashed, with a PNG beside it. */
async function form(entityId: string, language: 'zh-CN' | 'en', name: string, format = 'a5') {
  const job = await call('technician', 'print.request', { docType: 'quote', entityId, format, language });
  const res = await call('technician', 'print.pdf', { jobId: job.id });
  const file = writePdf(Buffer.from(res.base64, 'base64'), `${name}-${format}-${language}.pdf`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.copyFileSync(file, path.join(OUT, path.basename(file)));
  execFileSync('pdftoppm', ['-r', '110', '-png', file, path.join(OUT, `${name}-${format}-${language}`)]);
  const text = pdfText(file);
  return { rows: text.split('\n'), flat: squash(text) };
}
const rowWith = (rows: string[], needle: string) => {
  const r = rows.find((x) => x.includes(needle));
  expect(r, `a row with ${needle}`).toBeTruthy();
  return squash(r!);
};

const COVERED = { kind: 'custom', description: '主板排线座重新焊接', unitPriceFen: 12000, reason: '价目表无此项', covered: true, coverReason: '排线座虚焊，属整机性能故障' };
const RUSH = { kind: 'custom', description: '加急处理', unitPriceFen: 3000, reason: '顾客要求当天取' };

describe('the quote and authorization form reads the stored quote', () => {
  it('in warranty: each line\'s price and payer, the maker\'s share, ¥30.00 to the customer; the authorization with its cap once recorded', async () => {
    const id = await newTicket(s, { fault: { text: '屏幕无显示', codes: ['no_display'] }, depositFen: 0 } as never);
    await call('technician', 'bench.claim', { ticketId: id });
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕排线座虚焊', findings: [] });
    const wb = await call('technician', 'bench.quote.save', {
      ticketId: id,
      lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }, COVERED, RUSH],
      estimatedCompletion: '2026-11-25',
      submit: true,
    });
    const quote = wb.quote.current;
    // The stored split, by hand: 8000 + 150000 + 12000 the maker's, 3000 the customer's.
    expect(quote.totals).toMatchObject({ subtotalFen: 173000, customerTotalFen: 3000, payers: { maker: 170000, customer: 3000, shop: 0, insurer: 0, extended_warranty: 0 } });

    for (const [lang, labor, maker, customerWord, subtotal, ofMaker, total, consent] of [
      ['zh-CN', '更换屏幕工时', '厂家保修', '客户自付', '合计¥1,730.00', '其中厂家保修¥1,700.00', '客户应付合计¥30.00', '（客户应付¥30.00）'],
      ['en', 'Screen replacement labor', 'Maker', 'Customer', 'Subtotal¥1,730.00', 'ofwhichMakerwarranty¥1,700.00', 'Totaltothecustomer¥30.00', '(customerpays¥30.00)'],
    ] as const) {
      const { rows, flat } = await form(quote.id, lang, 'in-warranty');
      // # item qty unit amount payer customer-pays (an English payer may wrap at its space: "Maker / warranty ¥80.00")
      expect(rowWith(rows, labor.split(' ')[0]!)).toContain(squash(`1 ¥80.00 ¥80.00 ${maker}`));
      expect(rowWith(rows, labor.split(' ')[0]!)).toMatch(/¥0\.00$/);
      expect(rowWith(rows, 'Mate 60 屏')).toContain(squash(`1 ¥1,500.00 ¥1,500.00 ${maker}`));
      expect(rowWith(rows, 'Mate 60 屏')).toMatch(/¥0\.00$/);
      expect(rowWith(rows, '主板排线座')).toContain(squash(`1 ¥120.00 ¥120.00 ${maker}`));
      expect(rowWith(rows, '主板排线座')).toMatch(/¥0\.00$/);
      expect(rowWith(rows, '加急处理')).toContain(squash(`1 ¥30.00 ¥30.00 ${customerWord} ¥30.00`));
      if (lang === 'zh-CN') {
        expect(rowWith(rows, '更换屏幕工时')).toContain(squash('厂家保修 ¥80.00 ¥0.00'));
        expect(rowWith(rows, 'Mate 60 屏幕')).toContain(squash('厂家保修 ¥1,500.00 ¥0.00'));
        expect(rowWith(rows, '主板排线座')).toContain(squash('厂家保修 ¥120.00 ¥0.00'));
      }
      expect(flat).toContain(subtotal);
      expect(flat).toContain(ofMaker);
      expect(flat).toContain(total);
      expect(flat).toContain(consent);
      expect(flat).toContain('2026-11-25'); // the estimated completion, as saved
      // A free line says why it is not on the price list (the item column may wrap it).
      expect(flat).toContain(lang === 'zh-CN' ? '（价目表无此项）' : '(价目表无此项)');
    }

    // Authorized by phone for ¥30.00 with a ¥100.00 cap: the reprint carries the authorization instead of the blank consent.
    await call('counter', 'bench.authorize', { ticketId: id, quoteId: quote.id, method: 'phone', capFen: 10000, phone: { number: '13800138000', words: '同意，加急费可以' } });
    for (const [lang, words] of [
      ['zh-CN', ['确认方式电话确认', '确认金额¥30.00', '预授权上限¥100.00', '拨打号码138****8000', '客户原话：“同意，加急费可以”']],
      ['en', ['HowPhoneapproval', 'Amountauthorized¥30.00', 'Pre-approvedcap¥100.00', 'Numbercalled138****8000', 'Customer’swords:“同意，加急费可以”']],
    ] as const) {
      const { flat } = await form(id, lang, 'in-warranty-authorized');
      for (const w of words) expect(flat).toContain(squash(w));
      expect(flat).not.toContain(lang === 'zh-CN' ? '同意按此报价维修' : 'agreetotherepairasquoted');
    }
  });

  it('a revision above what was authorized: version 2 shows the authorized ¥1,580.00 and the increase +¥299.00, all the customer\'s', async () => {
    const id = await newTicket(s, { ...oldPhone(), depositFen: 0, confirmDuplicate: true } as never);
    await call('technician', 'bench.claim', { ticketId: id });
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] });
    const v1 = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }], submit: true });
    // Out of warranty: ¥80.00 + ¥1,500.00 = ¥1,580.00, all the customer's.
    expect(v1.quote.current.totals).toMatchObject({ subtotalFen: 158000, customerTotalFen: 158000, payers: { maker: 0 } });
    await call('counter', 'bench.authorize', { ticketId: id, quoteId: v1.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
    await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' }).catch(() => undefined);
    const v2 = await call('technician', 'bench.quote.save', {
      ticketId: id,
      lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }, { kind: 'custom', description: '电池更换', unitPriceFen: 29900, reason: '维修中发现电池鼓包' }],
    });
    expect(v2.quote.current).toMatchObject({ version: 2, totals: { subtotalFen: 187900, customerTotalFen: 187900 } });
    for (const [lang, words] of [
      ['zh-CN', ['报价确认单（第2版）', '合计¥1,879.00', '客户应付合计¥1,879.00', '原确认金额¥1,580.00', '本次增加+¥299.00', '（客户应付¥1,879.00）']],
      ['en', ['(version2)', 'Subtotal¥1,879.00', 'Totaltothecustomer¥1,879.00', 'Previouslyauthorized¥1,580.00', 'Increase+¥299.00']],
    ] as const) {
      const { rows, flat } = await form(v2.quote.current.id, lang, 'revision');
      for (const w of words) expect(flat).toContain(squash(w));
      expect(rowWith(rows, '电池更换')).toContain(squash('1 ¥299.00 ¥299.00'));
      expect(rowWith(rows, '电池更换')).toMatch(/¥299\.00$/);
      // No one else pays: no "of which" line, no covered note.
      expect(flat).not.toContain(lang === 'zh-CN' ? '其中厂家保修' : 'ofwhichMaker');
    }
  });
});
