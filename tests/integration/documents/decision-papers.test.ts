import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchShop, newTicket, type BenchShop } from '../bench/helpers';
import { pdfText, squash, writePdf } from './pdf-tools';

/**
 * The customer's papers say what the stored decision says, and only what a customer should read:
 * the intake receipt (purchase and invoice dates, the engine's end date, no internal notes), the
 * warranty card (recorded exclusions and what they void), reprints as the ticket is now (passcode
 * erased), the repair receipt (the shop's terms only, signature with a date line). Real PDFs,
 * read with pdftotext. PDFs kept under test-results/decision-papers for a look.
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
const OUT = path.resolve('test-results/decision-papers');

async function paper(docType: string, id: string, language: 'zh-CN' | 'en', format = 'a5') {
  const job = await call('counter', 'print.request', { docType, entityId: id, format, language });
  const res = await call('counter', 'print.pdf', { jobId: job.id });
  const file = writePdf(Buffer.from(res.base64, 'base64'), `${docType}-${format}-${language}.pdf`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.copyFileSync(file, path.join(OUT, path.basename(file)));
  return squash(pdfText(file));
}

async function toCollected(id: string) {
  await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
  const wb = await call('technician', 'bench.workbench', { ticketId: id });
  await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved', erasePasscode: true });
  const due = (await call('counter', 'collection.lookup', { ref: id })).settlement.dueNowFen as number;
  await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, ...(due > 0 ? { tenders: [{ tender: 'cash', amountFen: due, receivedFen: due }] } : {}) });
}

describe('papers read the decision', () => {
  it('intake receipt: purchase and invoice date, the decision\'s end date, no internal calendar note; a reprint after collection says the passcode was erased', async () => {
    // Invoice 2026-03-01: the one-year period ends 2027-03-01, a year whose holiday schedule the built-in calendar lacks.
    const id = await newTicket(s, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0 } as never);
    const decided = await call('counter', 'warranty.forTicket', { ticketId: id });
    expect(decided.decision.unitEnd).toBe('2027-03-01');
    expect(decided.decision.reasons.map((r: { code: string }) => r.code)).toContain('calendarYearMissing');

    const zh = await paper('intake_receipt', id, 'zh-CN');
    for (const w of ['购买日期', '发票日期', '2026-03-01', `整机三包有效期内（至${decided.decision.unitEnd}），免费修理`, '已提供（加密保存，不打印）']) expect(zh).toContain(squash(w));
    expect(zh).not.toContain(squash('未载入'));
    const en = await paper('intake_receipt', id, 'en');
    for (const w of ['Purchase date', 'Invoice date', '2026-03-01']) expect(en).toContain(squash(w));
    expect(en).not.toContain(squash('No holiday schedule'));

    await call('technician', 'bench.claim', { ticketId: id });
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板供电', findings: [], performanceFault: true });
    await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
    await toCollected(id);
    const reprint = await paper('intake_receipt', id, 'zh-CN');
    // the erased passcode reads as erased, with the day (the wording of the passcode rule, issue 14)
    expect(reprint).toContain(squash('已提供，已于'));
    expect(reprint).toContain(squash('删除'));
    expect(reprint).not.toContain(squash('已提供（加密保存，不打印）'));

    // Repair receipt: the shop's terms only (no rounding note), and a signature row with a date line.
    for (const format of ['a5', 'receipt80']) {
      const receipt = await paper('repair_receipt', id, 'zh-CN', format);
      expect(receipt).not.toContain(squash('四舍五入'));
      expect(receipt).toContain(squash('日期'));
      const receiptEn = await paper('repair_receipt', id, 'en', format);
      expect(receiptEn).not.toContain(squash('rounded half up'));
    }
  });

  it('warranty card: an impact finding is named with what it voids, and the 三包 line does not promise cover', async () => {
    const id = await newTicket(s, { warrantyClaimed: true, fault: { text: '摔后不开机', codes: ['no_power'] }, depositFen: 0 } as never);
    await call('technician', 'bench.claim', { ticketId: id });
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '摔落致主板损坏', findings: ['impact'] });
    const q = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
    await call('counter', 'bench.authorize', { ticketId: id, quoteId: q.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
    await toCollected(id);

    const zh = await paper('warranty_card', id, 'zh-CN');
    // 《…》 exclusions as the phone preset records them: impact voids whole-unit and main-part cover, 三包 return/exchange, extended warranty, replace-instead-of-repair.
    expect(zh).toContain(squash('检测发现：摔碰/外力损坏'));
    expect(zh).toContain(squash('以下保修不适用：整机保修、主要部件保修、三包退货、换货、延保、以换代修'));
    expect(zh).toContain(squash('不适用（检测发现：摔碰/外力损坏）'));
    expect(zh).not.toContain(squash('2027-03-01'));
    const en = await paper('warranty_card', id, 'en');
    expect(en).toContain(squash('Voids: whole-unit warranty, main-part warranty, 三包 return and exchange, extended warranty, replace instead of repair'));
  });
});
