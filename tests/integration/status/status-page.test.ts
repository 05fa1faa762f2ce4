/**
 * The customers' status page (issue 20 points 1 and 6), end to end: a real enrolled shop takes
 * in a device, its receipt's QR code carries the link, the shop syncs, and a phone opens the
 * page at a real head office over real HTTP. Links guessed, revoked, expired and of a revoked
 * shop all get the one same answer; the page shows nothing personal beyond a masked name and
 * phone; requests past the limit are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { listenOnLoopback, openTestHq, type TestHq } from '../../helpers/hq';
import { claimsShop, type ClaimsShop } from '../hq-console/claims-fixture';
import { intakeInput } from '../intake/helpers';
import { pdfText, scan, squash, writePdf } from '../documents/pdf-tools';

const DAY = 86_400_000;
const hqClock = new ManualClock();
let hq: TestHq;
let shop: ClaimsShop;
let base: string;

beforeAll(async () => {
  hq = await openTestHq('sqlite', { now: () => hqClock.now(), http: { rateLimits: { statusPage: 1000 } } });
  base = await listenOnLoopback(hq.app);
  shop = await claimsShop(hq);
  await shop.call('admin', 'shop.update', { hours: '周一至周日 9:00–21:00' });
});
afterAll(async () => {
  await shop?.backend.close();
  await hq?.close();
});

async function intake(name = '王小明', phone = '138 0013 8000') {
  const r = await shop.call('counter', 'tickets.intake', intakeInput({ customer: { name, phones: [phone] }, confirmDuplicate: true } as never));
  return r.ticket as { id: string; number: string };
}
/** The link's path, as a phone would open it from the QR code (head office's address in the link is the one the shop enrolled with). */
async function linkPath(ticketId: string): Promise<string> {
  const { url } = await shop.call<{ url: string | null }>('counter', 'status.link', { ticketId });
  expect(url).toMatch(/^http:\/\/hq\.test\/s\/[A-Za-z0-9_-]{22}$/);
  return new URL(url!).pathname;
}
const open = (path: string) => fetch(`${base}${path}`);
async function page(path: string) {
  const res = await open(path);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('the status page behind the receipt', () => {
  let ticket: { id: string; number: string };
  let path: string;
  let notFound: string;

  beforeAll(async () => {
    ticket = await intake();
    path = await linkPath(ticket.id);
    notFound = (await page('/s/AAAAAAAAAAAAAAAAAAAAAA')).text;
  });

  it("puts the link in the intake receipt's QR code and says to scan it", async () => {
    const job = await shop.call('counter', 'print.request', { docType: 'intake_receipt', entityId: ticket.id });
    const res = await shop.call('counter', 'print.pdf', { jobId: job.id });
    const file = writePdf(Buffer.from(res.base64, 'base64'), 'receipt.pdf');
    const { url } = await shop.call('counter', 'status.link', { ticketId: ticket.id });
    expect(scan(file)).toEqual([`CODE-128:${ticket.number}`, `QR-Code:${url}`]);
    expect(squash(pdfText(file))).toContain('扫码查看维修进度');
  });

  it('opens nothing before the shop has synced, then the ticket once it has', async () => {
    expect((await page(path)).status).toBe(404);
    await shop.sync();
    const p = await page(path);
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toMatch(/^text\/html/);
    const text = p.text;
    for (const s of ['维修进度', ticket.number, '王**', '138****8000', '已受理', '周一至周日 9:00–21:00', '预计完成', '门店信息更新于']) expect(text).toContain(s);
    // nothing personal beyond the masked name and phone: not the name, the number, the fault, the passcode
    for (const s of ['王小明', '13800138000', '138 0013 8000', '屏幕碎裂', '246810', 'imei']) expect(text).not.toContain(s);
  });

  it('is in English on its language link, with the same facts', async () => {
    const zh = await page(path);
    const href = /href="([^"]+)" hreflang="en"/.exec(zh.text)![1]!.replace(/&amp;/g, '&');
    const en = await page(href);
    expect(en.text).toContain('<html lang="en">');
    for (const s of ['Repair status', ticket.number, 'Received', '138****8000', 'Opening hours']) expect(en.text).toContain(s);
  });

  it('follows the ticket: diagnosis, approval, repair, parts with their date, ready', async () => {
    const id = ticket.id;
    await shop.call('technician', 'bench.claim', { ticketId: id });
    await shop.call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕总成损坏', findings: [] });
    const wb = await shop.call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: '更换屏幕总成', unitPriceFen: 45000, reason: '屏幕碎裂' }], submit: true });
    await shop.sync();
    expect((await page(path)).text).toContain('data-status="awaiting_approval"');
    await shop.call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
    const expected = new Date(Date.parse(TEST_EPOCH) + 8 * DAY).toISOString().slice(0, 10);
    await shop.call('technician', 'bench.awaitParts', { ticketId: id, qty: 1, expectedDate: expected, note: '等屏幕' });
    await shop.sync();
    const waiting = (await page(path)).text;
    expect(waiting).toContain('data-status="awaiting_parts"');
    expect(waiting).toContain(`配件预计到货：${expected}`);
    expect(waiting).toContain('已检测');
    await shop.call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
    await shop.call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
    const w = await shop.call('technician', 'bench.workbench', { ticketId: id });
    await shop.call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(w.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
    await shop.sync();
    const ready = (await page(path)).text;
    expect(ready).toContain('data-status="ready"');
    expect(ready).toContain('请携带本人有效身份证件');
  });

  it('answers a guessed link, the ticket number, a malformed one and a link of another shop alike', async () => {
    expect(notFound).toContain('链接无效或已过期');
    for (const p of ['/s/BBBBBBBBBBBBBBBBBBBBBB', `/s/${ticket.number}`, '/s/%3Cscript%3E', `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`]) {
      const r = await page(p);
      expect(r.status, p).toBe(404);
      expect(r.text, p).toBe(notFound);
    }
  });

  it('sends the page with a strict policy: no script, no referrer (the secret is in the path), no caching, no framing', async () => {
    const { headers, text } = await page(path);
    expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(text).not.toMatch(/<script/i);
  });

  it('escapes what the shop typed', async () => {
    await shop.call('admin', 'shop.update', { hours: '<img src=x onerror=alert(1)>' });
    await shop.sync();
    const { text } = await page(path);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img');
    await shop.call('admin', 'shop.update', { hours: '周一至周日 9:00–21:00' });
  });

  it('stops answering for a revoked link (the same answer), and a renewed link works', async () => {
    const t2 = await intake('李雷', '139 0000 1111');
    const old = await linkPath(t2.id);
    await shop.sync();
    expect((await page(old)).status).toBe(200);
    const renewed = await shop.call<{ url: string }>('counter', 'status.renew', { ticketId: t2.id });
    await shop.sync();
    expect(await page(old)).toMatchObject({ status: 404, text: notFound });
    const fresh = await page(new URL(renewed.url).pathname);
    expect(fresh.status).toBe(200);
    expect(fresh.text).toContain('李*');
    // the other ticket's page shows nothing of this one
    expect((await page(path)).text).not.toContain(t2.number);
    await shop.call('counter', 'status.revoke', { ticketId: t2.id });
    await shop.sync();
    expect(await page(new URL(renewed.url).pathname)).toMatchObject({ status: 404, text: notFound });
    expect((await shop.call('counter', 'status.link', { ticketId: t2.id })).url).toBeNull();
  });

  it('stays open 30 days after collection, then answers as for a link that never was', async () => {
    const v = await shop.call('counter', 'collection.lookup', { ref: ticket.id });
    const due = v.settlement.dueNowFen as number;
    await shop.call('counter', 'collection.complete', { ticketId: ticket.id, identity: { method: 'phone_last4', last4: '8000' }, tenders: due > 0 ? [{ tender: 'alipay', amountFen: due, reference: 'ALI-9' }] : [] });
    await shop.sync();
    const collectedAt = shop.backend.services.clock.now().getTime();
    hqClock.set(new Date(collectedAt + 29 * DAY).toISOString());
    const done = await page(path);
    expect(done.status).toBe(200);
    expect(done.text).toContain('data-status="collected"');
    hqClock.set(new Date(collectedAt + 31 * DAY).toISOString());
    expect(await page(path)).toMatchObject({ status: 404, text: notFound });
    hqClock.set(TEST_EPOCH);
  });
});

describe('a shop that is not enrolled', () => {
  it('has no link; its receipt keeps the ticket number in the QR code and says how to ask', async () => {
    const { openBackend } = await import('../../../src/core');
    const { setupShop } = await import('../../helpers/backend');
    const { fastTempDir } = await import('../../helpers/hq');
    const backend = openBackend({ dataDir: fastTempDir('fixpoint-status-'), clock: new ManualClock(), escalations: { autoStart: false }, sync: { autoStart: false } });
    try {
      const tokens = await setupShop(backend);
      const r = await backend.call('tickets.intake', intakeInput(), { token: tokens.counter });
      expect((await backend.call('status.link', { ticketId: r.ticket!.id }, { token: tokens.counter })).url).toBeNull();
      const refused = await backend.callWire('status.renew', { ticketId: r.ticket!.id }, { token: tokens.counter, locale: 'en' });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('not connected to head office') } });
      const job = await backend.call('print.request', { docType: 'intake_receipt', entityId: r.ticket!.id }, { token: tokens.counter });
      const pdf = await backend.call('print.pdf', { jobId: job.id }, { token: tokens.counter });
      const file = writePdf(Buffer.from(pdf.base64, 'base64'), 'plain.pdf');
      expect(scan(file)).toEqual([`CODE-128:${r.ticket!.number}`, `QR-Code:${r.ticket!.number}`]);
      expect(squash(pdfText(file))).toContain(squash('查询进度请致电'));
    } finally {
      await backend.close();
    }
  });
});

describe('limits', () => {
  it('refuses a phone or a guesser past the per-minute limit with a page saying so', async () => {
    const limited = await openTestHq('sqlite', { http: { rateLimits: { statusPage: 5 } } });
    try {
      const url = `${await listenOnLoopback(limited.app)}/s/CCCCCCCCCCCCCCCCCCCCCC`;
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await fetch(url)).status);
      expect(codes).toEqual([404, 404, 404, 404, 404, 429, 429]);
      const res = await fetch(url);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.text()).toContain('请求过于频繁');
    } finally {
      await limited.close();
    }
  });
});
