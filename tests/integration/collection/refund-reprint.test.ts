import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, CollectionView } from '../../../src/shared/collection/schemas';
import type { Workbench } from '../../../src/shared/bench/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { imei as newImei } from '../intake/helpers';
import { pdfText, squash, writePdf } from '../documents/pdf-tools';

/**
 * A reprint says what the ticket is now (issue 15, point 6: "reprints reflect the ticket as it is
 * now (… refund paid)"). A 三包 return inside the 7-day window (phone rule 第十一条: "按发货票价格
 * 一次退清货款", ¥5,999.00, no depreciation): the repair receipt printed before hand-back says the
 * refund is due; after the counter pays it by WeChat Pay at hand-back, a reprint of the same paper
 * says it was paid — the amount, the date and how — and is marked as a reprint. So does the
 * maker's claim, which carries the refund the shop paid. Both languages; PNGs kept for a look.
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
const PRICE = 599900;
const OUT = path.resolve('test-results/refund-reprint');

async function paper(docType: string, entityId: string, language: 'zh-CN' | 'en', name: string, format = 'a5') {
  const job = await call('counter', 'print.request', { docType, entityId, format, language });
  const res = await call('counter', 'print.pdf', { jobId: job.id });
  // The counter printed it: the next request of the same paper is a reprint.
  await call('counter', 'print.complete', { jobId: job.id, outcome: 'printed' });
  const file = writePdf(Buffer.from(res.base64, 'base64'), `${name}-${language}.pdf`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.copyFileSync(file, path.join(OUT, path.basename(file)));
  execFileSync('pdftoppm', ['-r', '100', '-f', '1', '-l', '1', '-png', file, path.join(OUT, `${name}-${language}`)]);
  return { reprint: job.reprint as boolean, text: squash(pdfText(file)) };
}

describe('a reprint after a paid 三包 refund says it was paid', () => {
  it('the receipt: "to pay" before hand-back; the reprint: paid ¥5,999.00 on the day by WeChat Pay with its number, marked as a reprint', async () => {
    const imei = newImei();
    const id = await newTicket(s, {
      device: { ...oldPhone().device, imei, purchaseDate: '2026-11-18', proof: { kind: 'invoice', invoiceNo: 'I-77', invoiceDate: '2026-11-18', seller: '华为授权店' } },
      fault: { text: '无法开机', codes: ['no_power'] },
      depositFen: 0,
      confirmDuplicate: true,
    } as never);
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板故障，性能故障', performanceFault: true });
    await call<Workbench>('counter', 'bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: PRICE, approval: { username: 'manager', pin: '1234' }, note: '7 日内性能故障退货' });
    await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const wb = await call<Workbench>('technician', 'bench.workbench', { ticketId: id });
    await call('manager', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass'])), data: 'wiped' });
    const today = (await call<CollectionView>('counter', 'collection.lookup', { ref: id })).today;

    // Before hand-back (a pro-forma): due, no date, no tender.
    for (const [lang, due, paid, tenderLabel] of [
      ['zh-CN', '应退还客户¥5,999.00', '已退还客户', '退款方式'],
      ['en', 'Topaytothecustomer¥5,999.00', 'Paidtothecustomer', 'Paidby微信'],
    ] as const) {
      const p = await paper('repair_receipt', id, lang, 'receipt-before');
      expect(p.text).toContain(due);
      expect(p.text).not.toContain(paid);
      if (lang === 'zh-CN') expect(p.text).not.toContain(tenderLabel);
    }

    await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, sanbaoRefund: { tender: 'wechat', reference: 'WX-RF-4711' } });

    // The reprint: the refund paid — amount, date, how — and the reprint mark.
    for (const [lang, words, notWords, mark] of [
      ['zh-CN', ['已退还客户¥5,999.00', '退款方式微信支付·流水号WX-RF-4711', `退款日期${today}`, '不收（按发票价格退款）'], ['应退还客户'], '重印'],
      ['en', ['Paidtothecustomer¥5,999.00', 'PaidbyWeChatPay·Ref.WX-RF-4711', `Datepaid${today}`, 'none(refundattheinvoiceprice)'], ['Topaytothecustomer'], 'REPRINT'],
    ] as const) {
      const p = await paper('repair_receipt', id, lang, 'receipt-reprint');
      expect(p.reprint).toBe(true);
      expect(p.text).toContain(mark);
      for (const w of words) expect(p.text).toContain(w);
      for (const w of notWords) expect(p.text).not.toContain(w);
    }

    // The maker's claim, the other paper that shows the refund: the amount the shop paid out.
    const [claim] = await call<Claim[]>('counter', 'claims.list', { ticketId: id });
    const batch = `maker:${today.slice(0, 7)}`;
    expect(claim!.claimedFen).toBe(PRICE);
    for (const [lang, words] of [
      ['zh-CN', ['三包退货退款', '不收折旧费', imei, '合计（1单）¥5,999.00']],
      // Claim lines keep the words they were created with (the shop's language): the record the maker reviews.
      ['en', ['三包退货退款', imei, 'Total(1claim)¥5,999.00']],
    ] as const) {
      const p = await paper('claim_batch', batch, lang, 'claim-batch', 'a4');
      for (const w of words) expect(p.text).toContain(w);
    }
  });
});
