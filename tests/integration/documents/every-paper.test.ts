import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { pdfPages, pdfText, squash, writePdf } from './pdf-tools';

/**
 * Every ticket document on every paper the shop can choose (issue 19 point 8): the intake
 * receipt, the quote and authorization form, the repair receipt, the warranty card and the daily
 * close, each on A4, A5 and the 80 mm roll, in Chinese and English, from one real repair — an
 * out-of-warranty phone: labour ¥80.00 + the Mate 60 screen ¥1,500.00, authorized by phone,
 * paid ¥1,530.00 in cash at hand-back after the ¥50.00 deposit (¥1,580.00 in all), the drawer
 * opened with a ¥200.00 float.
 *
 * What a person holding the paper relies on, checked from the PDF as poppler reads it:
 * - the paper is the one chosen (A4 595×842 pt, A5 420×595 pt, the roll 80 mm = 226.8 pt wide);
 * - nothing is drawn where the printer cannot print: every word inside 5 mm of an office
 *   page's edge, inside the 72 mm a thermal head prints of the 80 mm roll (4 mm a side);
 * - the roll is laid out for its width, not an A5 page shrunk onto it: no word smaller than
 *   6 pt, the smallest size a thermal receipt stays readable at;
 * - a sheet of A4 or A5 holds the whole document on one page;
 * - the ticket number, the document's title and its money are on it.
 * PNGs of each page are kept in test-results/every-paper for people to look at.
 */
let s: BenchShop;
let ticketId = '';
let quoteId = '';
let number = '';
let today = '';
type Role = Parameters<BenchShop['as']>[0];
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role)) as Promise<T>;
const OUT = path.resolve('test-results/every-paper');
const MM = 72 / 25.4;

beforeAll(async () => {
  s = await benchShop();
  await call('counter', 'dailyClose.recordCash', { kind: 'float', amountFen: 20000, reason: '开店备用金' });
  ticketId = await newTicket(s, { ...oldPhone(), depositFen: 5000, confirmDuplicate: true } as never);
  await call('technician', 'bench.claim', { ticketId });
  await call('technician', 'bench.diagnose', { ticketId, cause: '屏幕排线断裂', findings: [] });
  const wb = await call('technician', 'bench.quote.save', { ticketId, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }], submit: true });
  quoteId = wb.quote.current.id;
  await call('counter', 'bench.authorize', { ticketId, quoteId, method: 'phone', phone: { number: '13800138000', words: '同意' } });
  await call('technician', 'bench.issuePart', { ticketId, partId: s.parts.screen, removed: { serial: 'OLD-1', description: '旧屏' } });
  await call('technician', 'bench.transition', { ticketId, to: 'qc' });
  const qc = await call('technician', 'bench.workbench', { ticketId });
  await call('technician', 'bench.qc', { ticketId, items: Object.fromEntries(qc.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
  const v = await call('counter', 'collection.lookup', { ref: ticketId });
  number = v.ticket.number;
  today = v.today;
  expect(v.settlement.dueNowFen).toBe(153000); // ¥80 + ¥1,500 − the ¥50 deposit
  await call('counter', 'collection.complete', { ticketId, identity: { method: 'phone_last4', last4: '8000' }, tenders: [{ tender: 'cash', amountFen: 153000, receivedFen: 160000 }] });
}, 60_000);
afterAll(async () => {
  await s?.cleanup();
});

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  height: number;
}
/** The words of every page with their boxes, as `pdftotext -bbox` measures them (pt). */
function words(file: string): { width: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((page) => ({
    width: Number(/width="([\d.]+)"/.exec(page)![1]),
    words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!,
      xMin: Number(m[1]),
      xMax: Number(m[3]),
      height: Number(m[4]) - Number(m[2]),
    })),
  }));
}

const PAPERS = [
  { format: 'a4', width: 595.28, edge: 5 * MM },
  { format: 'a5', width: 419.53, edge: 5 * MM },
  { format: 'receipt80', width: 80 * MM, edge: 4 * MM },
] as const;

// The documents of the one repair, with what each must say in each language.
const DOCS = () =>
  [
    { docType: 'intake_receipt', entity: ticketId, must: { 'zh-CN': ['维修受理单', number, '¥50.00'], en: ['Intake Receipt', number, '¥50.00'] } },
    { docType: 'quote', entity: quoteId, must: { 'zh-CN': ['报价确认单', number, '¥1,580.00'], en: ['Quote', number, '¥1,580.00'] } },
    { docType: 'repair_receipt', entity: ticketId, must: { 'zh-CN': ['维修结算单', number, '¥1,580.00', '¥1,530.00'], en: ['Repair Receipt', number, '¥1,580.00', '¥1,530.00'] } },
    { docType: 'warranty_card', entity: ticketId, must: { 'zh-CN': ['保修卡', number], en: ['Warranty Card', number] } },
    // The shop's day: the float, the deposit and the hand-back's cash are ¥1,780.00 in the drawer.
    { docType: 'daily_close', entity: today, must: { 'zh-CN': ['日结单', '¥1,780.00'], en: ['Daily Close', '¥1,780.00'] } },
  ] as const;

describe('every ticket document on every paper, in Chinese and English', () => {
  for (const paper of PAPERS) {
    for (const language of ['zh-CN', 'en'] as const) {
      it(`${paper.format}, ${language}: the right paper, nothing past the printable edge, readable type, one sheet`, async () => {
        for (const doc of DOCS()) {
          const job = await call('manager', 'print.request', { docType: doc.docType, entityId: doc.entity, format: paper.format, language });
          expect(job.format).toBe(paper.format);
          const pdf = await call('manager', 'print.pdf', { jobId: job.id });
          const name = `${doc.docType}-${paper.format}-${language}`;
          const file = writePdf(Buffer.from(pdf.base64, 'base64'), `${name}.pdf`);
          fs.mkdirSync(OUT, { recursive: true });
          execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, name)]);

          const text = squash(pdfText(file));
          for (const m of doc.must[language]) expect(text, `${name} says ${m}`).toContain(squash(m));
          const info = pdfPages(file);
          expect(info.width, `${name} width`).toBeCloseTo(paper.width, 0);
          if (paper.format !== 'receipt80') expect(info.pages, `${name} on one sheet`).toBe(1);
          for (const [i, page] of words(file).entries()) {
            for (const w of page.words) {
              expect(w.xMin, `${name} p${i + 1} "${w.text}" starts inside the printable edge`).toBeGreaterThanOrEqual(paper.edge - 0.5);
              expect(w.xMax, `${name} p${i + 1} "${w.text}" ends inside the printable edge`).toBeLessThanOrEqual(page.width - paper.edge + 0.5);
              if (paper.format === 'receipt80') expect(w.height, `${name} "${w.text}" is at least 6 pt`).toBeGreaterThanOrEqual(6);
            }
          }
        }
      }, 60_000);
    }
  }

  it("the shop's paper setting decides: each ticket document set to the 80 mm roll prints on it", async () => {
    const shop = await call('manager', 'shop.get', {});
    const docs = shop.settings.documents;
    const roll = { format: 'receipt80', autoPrint: true, copies: 1, printer: '' };
    await call('manager', 'shop.update', { documents: { ...docs, types: { ...docs.types, quote: roll, repair_receipt: roll, warranty_card: roll, daily_close: roll } } });
    for (const doc of DOCS().filter((d) => d.docType !== 'intake_receipt')) {
      const job = await call('counter', 'print.request', { docType: doc.docType, entityId: doc.entity });
      expect(job.format, doc.docType).toBe('receipt80');
      const pdf = await call('counter', 'print.pdf', { jobId: job.id });
      expect(pdfPages(writePdf(Buffer.from(pdf.base64, 'base64'), `${doc.docType}-setting.pdf`)).width).toBeCloseTo(80 * MM, 0);
    }
  });
});
