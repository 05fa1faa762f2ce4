/**
 * Customer messages sent by head office for an enrolled shop (issue 20 point 3), end to end: a
 * real shop asks for consent at intake and syncs; head office plans the messages from the synced
 * rows and sends them through a gateway (the log gateway, and the real Alibaba Cloud adapter
 * against a local server following Alibaba's published protocol for the failing case); the result
 * comes back to the shop's ticket timeline at its next sync. Consent refused or never asked sends
 * nothing, an opt-out is honoured, one event sends once, quiet hours hold a message until morning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { ADMIN_TOKEN, listenOnLoopback, openTestHq, type TestHq } from '../../helpers/hq';
import { claimsShop, type ClaimsShop } from '../hq-console/claims-fixture';
import { intakeInput } from '../intake/helpers';
import { logGateway } from '../../../src/core/messaging/log-gateway';
import { createGateway, type SmsGateway } from '../../../src/core/messaging/gateway';
import { startAliyunServer, type SmsTestServer } from '../../helpers/sms-servers';

const MIN = 60_000;
const hqClock = new ManualClock();
const log = logGateway({ clock: hqClock });
/** The gateway head office sends with: the log gateway, or (one test) the Alibaba adapter. */
let current: SmsGateway = log;
const gateway: SmsGateway = { kind: 'log', send: (m) => current.send(m) };
let hq: TestHq;
let shop: ClaimsShop;
let base: string;

beforeAll(async () => {
  hqClock.set(TEST_EPOCH); // 10:00 in Shanghai: outside the quiet hours
  hq = await openTestHq('sqlite', { now: () => hqClock.now(), sms: gateway, publicUrl: 'http://hq.test' });
  base = await listenOnLoopback(hq.app);
  shop = await claimsShop(hq);
});
afterAll(async () => {
  await shop?.backend.close();
  await hq?.close();
});

async function intake(name: string, phone: string, messageConsent?: boolean, messageLocale?: 'zh-CN' | 'en') {
  const r = await shop.call('counter', 'tickets.intake', intakeInput({ customer: { name, phones: [phone] }, confirmDuplicate: true, ...(messageConsent === undefined ? {} : { messageConsent }), ...(messageLocale ? { messageLocale } : {}) } as never));
  await shop.sync();
  const detail = await shop.call('counter', 'tickets.get', { id: r.ticket.id });
  return { id: r.ticket.id as string, number: r.ticket.number as string, customerId: detail.customer.id as string };
}
const to = (e164: string) => log.sent.filter((m) => m.to === e164);
const timeline = async (id: string) => ((await shop.call('counter', 'tickets.get', { id })).events as Array<{ kind: string; note: string; data: Record<string, unknown> }>).filter((e) => e.kind === 'message');
async function toReady(id: string) {
  await shop.repairToReady(id);
  await shop.sync();
}

describe('messages at each step, from head office', () => {
  it('tells a customer who agreed that the device was received, with a link to the status page, once; the timeline shows it', async () => {
    const t = await intake('王小明', '138 0013 8001', true);
    const r = await hq.service.runMessages();
    expect(r).toMatchObject({ planned: 1, sent: 1 });
    const [m] = to('+8613800138001');
    expect(m!.text).toContain(t.number);
    expect(m!.text).toContain('已受理');
    const link = /http:\/\/hq\.test(\/s\/[A-Za-z0-9_-]{22})/.exec(m!.text)![1]!;
    const page = await fetch(`${base}${link}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(t.number);
    // a second run, and a second head-office tick, send nothing more
    expect(await hq.service.runMessages()).toMatchObject({ planned: 0, sent: 0 });
    expect(to('+8613800138001')).toHaveLength(1);
    await shop.sync();
    const events = await timeline(t.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ note: m!.text, data: { messageKind: 'received', result: 'sent', to: '138****8001' } });
  });

  it('sends nothing to a customer who refused, or was never asked', async () => {
    await intake('李不要', '138 0013 8002', false);
    await intake('张没问', '138 0013 8003');
    await hq.service.runMessages();
    expect(to('+8613800138002')).toEqual([]);
    expect(to('+8613800138003')).toEqual([]);
  });

  it('tells the customer the device is ready; holds a message due in the quiet hours until 08:00', async () => {
    const t = await intake('赵小红', '138 0013 8004', true);
    await hq.service.runMessages();
    // the repair finishes at 22:30 in Shanghai (14:30Z): the "ready" message waits for the morning
    hqClock.set('2026-11-23T14:30:00.000Z');
    await toReady(t.id);
    expect(await hq.service.runMessages()).toMatchObject({ planned: 1, sent: 0 });
    hqClock.set('2026-11-23T23:59:00.000Z'); // 07:59
    expect((await hq.service.runMessages()).sent).toBe(0);
    hqClock.set('2026-11-24T00:00:00.000Z'); // 08:00
    expect((await hq.service.runMessages()).sent).toBe(1);
    const ready = to('+8613800138004').at(-1)!;
    expect(ready.text).toContain('已可取机');
    expect(ready.text).toContain('¥450.00');
    expect(ready.at).toBe('2026-11-24T00:00:00.000Z');
    hqClock.set(TEST_EPOCH);
  });

  it('honours an opt-out made at the counter', async () => {
    const t = await intake('钱退订', '138 0013 8005', true);
    await hq.service.runMessages();
    expect(to('+8613800138005')).toHaveLength(1);
    const c = await shop.call('counter', 'customers.setMessageConsent', { id: t.customerId, consent: false });
    expect(c).toMatchObject({ consent: false, source: 'counter' });
    await toReady(t.id);
    await hq.service.runMessages();
    expect(to('+8613800138005')).toHaveLength(1);
  });

  it('texts a customer who asked for English in English, the link opening the page in English; the thank-you names the warranty end', async () => {
    const t = await intake('Alex Smith', '138 0013 8009', true, 'en');
    expect(await shop.call('counter', 'customers.messageConsent', { id: t.customerId })).toMatchObject({ consent: true, source: 'intake', locale: 'en' });
    await hq.service.runMessages();
    const [received] = to('+8613800138009');
    expect(received!.text).toMatch(/^.+: your 华为 Mate 60 Pro was received, ticket TS01-\d{4}-\d{4}\. Status: http:\/\/hq\.test\/s\/[A-Za-z0-9_-]{22}\?lang=en$/);
    const page = await (await fetch(`${base}${/http:\/\/hq\.test(\/s\/\S+)/.exec(received!.text)![1]}`)).text();
    expect(page).toContain('<html lang="en"');
    await toReady(t.id);
    await hq.service.runMessages();
    expect(to('+8613800138009').at(-1)!.text).toContain('is ready to collect');
    expect(to('+8613800138009').at(-1)!.text).toContain('¥450.00');
    // hand-back on the shop's day 2026-11-23: the repair warranty of the phone policy is 90 days
    // (23 Nov + 7 = 30 Nov, + 31 = 31 Dec, + 31 = 31 Jan, + 21 = 21 Feb 2027); no part was replaced
    const v = await shop.call('counter', 'collection.lookup', { ref: t.id });
    await shop.call('counter', 'collection.complete', { ticketId: t.id, identity: { method: 'phone_last4', last4: '8009' }, tenders: [{ tender: 'alipay', amountFen: v.settlement.dueNowFen, reference: 'ALI-9' }] });
    await shop.sync();
    await hq.service.runMessages();
    expect(to('+8613800138009').at(-1)!.text).toMatch(/: ticket TS01-\d{4}-\d{4} collected; warranty until 2027-02-21\. Thank you!$/);
  });

  it('names the warranty end in Chinese too', async () => {
    const t = await intake('陈保修', '138 0013 8010', true);
    await toReady(t.id);
    const v = await shop.call('counter', 'collection.lookup', { ref: t.id });
    await shop.call('counter', 'collection.complete', { ticketId: t.id, identity: { method: 'phone_last4', last4: '8010' }, tenders: [{ tender: 'alipay', amountFen: v.settlement.dueNowFen, reference: 'ALI-10' }] });
    await shop.sync();
    await hq.service.runMessages();
    expect(to('+8613800138010').at(-1)!.text).toMatch(/维修单TS01-\d{4}-\d{4}已取机，保修至2027-02-21。感谢惠顾！$/);
  });

  it('stops at once when the customer opts out on the status page; the shop records it at its next sync', async () => {
    const t = await intake('郑退订', '138 0013 8008', true);
    await hq.service.runMessages();
    const [m] = to('+8613800138008');
    const path = /http:\/\/hq\.test(\/s\/[A-Za-z0-9_-]{22})/.exec(m!.text)![1]!;
    expect(await (await fetch(`${base}${path}`)).text()).toContain('不再接收短信通知');
    const res = await fetch(`${base}${path}/optout`, { method: 'POST', body: new URLSearchParams({}), headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已停止短信通知');
    await toReady(t.id);
    await hq.service.runMessages();
    expect(to('+8613800138008')).toHaveLength(1); // nothing after the opt-out, before the shop even synced
    await shop.sync();
    expect(await shop.call('counter', 'customers.messageConsent', { id: t.customerId })).toMatchObject({ consent: false, source: 'status_page' });
    // the customer agrees again at the counter: messages start again
    await shop.call('counter', 'customers.setMessageConsent', { id: t.customerId, consent: true });
    await shop.sync();
    expect(await (await fetch(`${base}${path}`)).text()).toContain('不再接收短信通知');
  });

  it("sends with head office's own template once published; a template naming an unknown variable is refused when saved", async () => {
    const publish = (data: unknown) => hq.app.inject({ method: 'POST', url: '/admin/v1/items', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { kind: 'messages.template', items: [{ id: 'received', data }] } });
    const bad = await publish({ kind: 'received', zh: '【{shop}】{customer}您好，单号{number}', en: '{shop}: ticket {number}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('customer');
    const ok = await publish({ kind: 'received', zh: '【{shop}】已收到您的{device}（单号{number}），查询：{link}', en: '{shop}: we have your {device} ({number}): {link}' });
    expect(ok.statusCode).toBe(200);
    await intake('吴模板', '138 0013 8007', true);
    await hq.service.runMessages();
    expect(to('+8613800138007')[0]!.text).toMatch(/^【.+】已收到您的华为 Mate 60 Pro（单号TS01-\d{4}-\d{4}），查询：http:\/\/hq\.test\/s\//);
    await hq.app.inject({ method: 'POST', url: '/admin/v1/items', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { kind: 'messages.template', items: [{ id: 'received', deleted: true }] } });
  });

  it('retries a provider that fails, then records "not delivered" on the ticket', async () => {
    const ALI = { accessKeyId: 'LTAI5tTestKey', accessKeySecret: 'testSecret123' };
    const server: SmsTestServer = await startAliyunServer({ ...ALI, now: () => hqClock.now() });
    current = createGateway({ kind: 'aliyun', ...ALI, signName: '福田维修', endpoint: server.url, templates: {} }, { clock: hqClock, timeoutMs: 2000 });
    try {
      server.script({ http500: true }, { http500: true }, { http500: true }, { http500: true }, { http500: true });
      const t = await intake('孙失败', '138 0013 8006', true);
      const runs = [];
      // attempts at 0, +1 min, +5 min, +30 min, +2 h after each failure (send-with-retry.ts)
      for (const wait of [0, 1, 5, 30, 120]) {
        hqClock.advance(wait * MIN);
        runs.push(await hq.service.runMessages());
      }
      expect(runs.map((r) => [r.retry, r.failed])).toEqual([[1, 0], [1, 0], [1, 0], [1, 0], [0, 1]]);
      expect(server.requests).toHaveLength(5);
      await shop.sync();
      const [e] = await timeline(t.id);
      expect(e).toMatchObject({ data: { messageKind: 'received', result: 'not_delivered', attempts: 5 } });
      expect(String(e!.data.error)).toMatch(/^HTTP_500|500/);
    } finally {
      current = log;
      await server.close();
      hqClock.set(TEST_EPOCH);
    }
  });

  it('reads only the shops that pushed since its last run, and a shop again once a reminder falls due by time alone', async () => {
    const other = await claimsShop(hq);
    try {
      await hq.service.runMessages(); // the new shop is read once
      // nobody pushed, nothing falls due: not a ticket read
      expect(await hq.service.runMessages()).toMatchObject({ shopsScanned: 0, ticketsRead: 0, planned: 0 });
      // one shop takes in a ticket: that shop alone is read
      const t = await intake('冯提醒', '138 0013 8019', true);
      const afterIntake = await hq.service.runMessages();
      expect(afterIntake).toMatchObject({ shopsScanned: 1, planned: 1, sent: 1 });
      expect(afterIntake.ticketsRead).toBeGreaterThan(0);
      await toReady(t.id);
      expect(await hq.service.runMessages()).toMatchObject({ shopsScanned: 1, planned: 1, sent: 1 });
      expect(await hq.service.runMessages()).toMatchObject({ shopsScanned: 0, ticketsRead: 0 });
      // a day later, nothing pushed and no reminder due yet (the first comes 7 days after ready)
      hqClock.set(new Date(Date.parse(TEST_EPOCH) + 86_400_000).toISOString());
      expect(await hq.service.runMessages()).toMatchObject({ shopsScanned: 0, ticketsRead: 0 });
      // 8 days on, still nothing pushed: the uncollected reminder is due, the shop is read for it (the other is not)
      hqClock.set(new Date(Date.parse(TEST_EPOCH) + 8 * 86_400_000).toISOString());
      const reminders = await hq.service.runMessages();
      expect(reminders.shopsScanned).toBe(1);
      expect(to('+8613800138019').map((m) => m.text)).toEqual([expect.stringContaining('已受理'), expect.stringContaining('已可取机'), expect.stringContaining('已完成7天尚未取回')]);
      // and then not again until the next one is due
      expect(await hq.service.runMessages()).toMatchObject({ shopsScanned: 0, ticketsRead: 0, planned: 0 });
    } finally {
      hqClock.set(TEST_EPOCH);
      await other.backend.close();
    }
  });
});
