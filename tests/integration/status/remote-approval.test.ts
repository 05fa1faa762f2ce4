/**
 * Approval from the phone (issue 20 points 2 and 6), end to end over real HTTP: a real enrolled
 * shop quotes, syncs; the customer's phone opens the status page at a real head office, asks for
 * a code (sent through head office's SMS gateway, here the log gateway), approves or declines with
 * it; the shop pulls the decision as an authorization of method remote and the ticket moves on
 * as with a counter signature. Wrong codes lock the link for an hour, a code works once and for
 * ten minutes, a revised quote needs a new approval, and a form posted from another site's page
 * records nothing. On SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { listenOnLoopback, openTestHq, sharedPostgres, stopSharedPostgres, type TestHq } from '../../helpers/hq';
import { claimsShop, type ClaimsShop } from '../hq-console/claims-fixture';
import { intakeInput } from '../intake/helpers';
import { logGateway } from '../../../src/core/messaging/log-gateway';
import { pdfText, squash, writePdf } from '../documents/pdf-tools';

const MIN = 60_000;
const hasPg = await sharedPostgres().then(Boolean);
afterAll(() => stopSharedPostgres());

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !hasPg)(`approval from the phone (${dialect})`, () => {
    const hqClock = new ManualClock();
    const sms = logGateway({ clock: hqClock });
    let hq: TestHq;
    let shop: ClaimsShop;
    let base: string;

    beforeAll(async () => {
      hq = await openTestHq(dialect, { now: () => hqClock.now(), sms, http: { rateLimits: { statusPage: 1000, statusCode: 1000 } } });
      base = await listenOnLoopback(hq.app);
      shop = await claimsShop(hq);
    });
    afterAll(async () => {
      await shop?.backend.close();
      await hq?.close();
    });

    const status = (id: string) => (shop.backend.services.sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
    const page = async (path: string) => {
      const res = await fetch(`${base}${path}`);
      return { status: res.status, text: await res.text() };
    };
    /** A form as the page's own form posts it (the browser names the page's origin). */
    const post = async (path: string, form: Record<string, string>, headers: Record<string, string> = { origin: base, 'sec-fetch-site': 'same-origin' }) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form), headers, redirect: 'manual' });
      return { status: res.status, location: res.headers.get('location'), text: await res.text() };
    };
    const lastCode = () => sms.sent[sms.sent.length - 1]!.params.code!;

    /** A ticket quoted ¥450.00 for the customer and awaiting approval, synced; its page's path and quote id. */
    async function awaiting(amountFen = 45000) {
      const r = await shop.call('counter', 'tickets.intake', intakeInput({ customer: { name: '王小明', phones: ['138 0013 8000'] }, confirmDuplicate: true } as never));
      const id = r.ticket.id as string;
      await shop.call('technician', 'bench.claim', { ticketId: id });
      await shop.call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕总成损坏', findings: [] });
      const wb = await shop.call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: '更换屏幕总成', unitPriceFen: amountFen, reason: '屏幕碎裂' }], submit: true });
      expect(status(id)).toBe('awaiting_approval');
      await shop.sync();
      const { url } = await shop.call<{ url: string }>('counter', 'status.link', { ticketId: id });
      return { id, number: r.ticket.number as string, path: new URL(url).pathname, quoteId: wb.quote.current.id as string };
    }
    const revise = async (id: string, amountFen: number) => {
      const wb = await shop.call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: '更换屏幕总成及边框', unitPriceFen: amountFen, reason: '边框变形' }], submit: true });
      return wb.quote.current.id as string;
    };
    const authorizations = async (id: string) => (await shop.call('counter', 'bench.quote.get', { ticketId: id })).state.authorizations as Array<Record<string, unknown>>;

    it('shows the quote awaiting approval with its lines and total, sends a code to the ticket\'s phone, and the approval reaches the shop as a remote authorization', async () => {
      hqClock.set(TEST_EPOCH);
      const t = await awaiting();
      const before = await page(t.path);
      expect(before.status).toBe(200);
      for (const s of ['维修报价（第 1 版）', '更换屏幕总成（屏幕碎裂）', '¥450.00', '您需支付', '138****8000', '发送验证码']) expect(before.text).toContain(s);
      expect(before.text).not.toContain('13800138000');

      const sent = await post(`${t.path}/code?lang=zh-CN`, { quote: t.quoteId });
      expect(sent).toMatchObject({ status: 303, location: `${t.path}?lang=zh-CN` });
      const msg = sms.sent[sms.sent.length - 1]!;
      expect(msg.to).toBe('+8613800138000');
      expect(msg.params.code).toMatch(/^\d{6}$/);
      expect(msg.text).toContain(t.number);
      expect(msg.text).toContain(msg.params.code);
      const withForm = await page(t.path);
      expect(withForm.text).toContain('验证码已发送到 138****8000，10 分钟内有效');
      expect(withForm.text).toContain('name="code"');

      // a cap below the quote is refused in words, nothing recorded
      const low = await post(`${t.path}/decide`, { quote: t.quoteId, code: lastCode(), decision: 'approved', cap: '400' });
      expect(low.status).toBe(400);
      expect(low.text).toContain('最高金额不能低于本次报价');

      hqClock.advance(2 * MIN);
      const ok = await post(`${t.path}/decide`, { quote: t.quoteId, code: lastCode(), decision: 'approved', cap: '600' });
      expect(ok.status).toBe(303);
      const done = await page(t.path);
      expect(done.text).toContain('data-decided="approved"');
      expect(done.text).toContain('您已同意维修');

      expect(status(t.id)).toBe('awaiting_approval'); // not before the shop's pull
      await shop.sync();
      expect(status(t.id)).toBe('repairing');
      const [a] = (await authorizations(t.id)).filter((x) => x.method === 'remote');
      expect(a).toMatchObject({ decision: 'approved', method: 'remote', totalFen: 45000, capFen: 60000, phoneNumber: '+8613800138000', clientAddress: '127.0.0.1', calledAt: new Date(Date.parse(TEST_EPOCH) + 2 * MIN).toISOString() });

      // the ticket's timeline says who decided, and the authorization form prints how
      const events = (await shop.call('counter', 'tickets.get', { id: t.id })).events as Array<{ note: string }>;
      expect(events.map((e) => e.note)).toContain('status.remote.timeline.approved');
      for (const [locale, words] of [
        ['zh-CN', ['客户在进度页确认（短信验证码）', '验证码发送至', '138****8000', '总部（短信验证码已核对）', '¥600.00']],
        ['en', ['Status page, SMS code', 'Code sent to', 'Head office (SMS code checked)']],
      ] as const) {
        const job = await shop.call('counter', 'print.request', { docType: 'quote', entityId: t.id, language: locale });
        const pdf = await shop.call('counter', 'print.pdf', { jobId: job.id });
        const text = squash(pdfText(writePdf(Buffer.from(pdf.base64, 'base64'), `remote-${locale}.pdf`)));
        for (const w of words) expect(text, `${locale}: ${w}`).toContain(squash(w));
      }
      // the page moved on with the ticket
      await shop.sync();
      expect((await page(t.path)).text).toContain('data-status="repairing"');
    });

    it('records a decline like the counter does: the diagnosis fee of the price list, the device back unrepaired', async () => {
      hqClock.set(TEST_EPOCH);
      const t = await awaiting();
      await post(`${t.path}/code`, { quote: t.quoteId });
      expect((await post(`${t.path}/decide?lang=en`, { quote: t.quoteId, code: lastCode(), decision: 'declined' })).status).toBe(303);
      expect((await page(`${t.path}?lang=en`)).text).toContain('You declined the repair');
      await shop.sync();
      expect(status(t.id)).toBe('ready');
      const items = (await shop.call('manager', 'priceList.list', {})) as Array<{ diagnosisFee: boolean; category: string; priceFen: number; active: boolean }>;
      const fee = items.find((i) => i.diagnosisFee && i.active && (i.category === 'phone' || i.category === ''))?.priceFen ?? 0;
      const [a] = (await authorizations(t.id)).filter((x) => x.method === 'remote');
      expect(a).toMatchObject({ decision: 'declined', feeFen: fee, totalFen: 45000 });
      expect((await shop.call('technician', 'bench.workbench', { ticketId: t.id })).outcome).toBe('not_repaired');
    });

    it('locks the link for an hour after five wrong codes, the right code included; a code works for ten minutes and once', async () => {
      hqClock.set(TEST_EPOCH);
      const t = await awaiting();
      await post(`${t.path}/code`, { quote: t.quoteId });
      const right = lastCode();
      const wrong = right === '000000' ? '111111' : '000000';
      const lefts: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await post(`${t.path}/decide`, { quote: t.quoteId, code: wrong, decision: 'approved' });
        expect(r.status).toBe(400);
        lefts.push(/还可以再试 (\d) 次/.exec(r.text)![1]!);
      }
      expect(lefts).toEqual(['4', '3', '2', '1']);
      const fifth = await post(`${t.path}/decide`, { quote: t.quoteId, code: wrong, decision: 'approved' });
      expect(fifth.status).toBe(429);
      expect(fifth.text).toContain('验证码错误次数过多');
      expect((await post(`${t.path}/decide`, { quote: t.quoteId, code: right, decision: 'approved' })).status).toBe(429);
      const sentBefore = sms.sent.length;
      expect((await post(`${t.path}/code`, { quote: t.quoteId })).status).toBe(409); // no new code while locked
      expect(sms.sent.length).toBe(sentBefore);
      expect((await page(t.path)).text).toContain('验证码错误次数过多'); // the page itself still opens

      // an hour later: the old code has expired (ten minutes), a new one works, once
      hqClock.advance(61 * MIN);
      const expired = await post(`${t.path}/decide`, { quote: t.quoteId, code: right, decision: 'approved' });
      expect(expired.status).toBe(400);
      expect(expired.text).toContain('验证码已过期');
      await post(`${t.path}/code`, { quote: t.quoteId });
      const fresh = lastCode();
      expect((await post(`${t.path}/decide`, { quote: t.quoteId, code: fresh, decision: 'approved' })).status).toBe(303);
      await shop.sync();
      expect(status(t.id)).toBe('repairing');

      // the quote goes up past what was approved: back to awaiting approval, and the used code does not approve it
      const v2 = await revise(t.id, 52000);
      expect(status(t.id)).toBe('awaiting_approval');
      await shop.sync();
      const reused = await post(`${t.path}/decide`, { quote: v2, code: fresh, decision: 'approved' });
      expect(reused.status).toBe(400);
      expect(reused.text).toContain('这个验证码已经用过');
      expect(status(t.id)).toBe('awaiting_approval');
    });

    it('needs a new approval for a quote revised after the code was sent, and keeps a decision on an older version as outdated', async () => {
      hqClock.set(TEST_EPOCH);
      const t = await awaiting();
      await post(`${t.path}/code`, { quote: t.quoteId });
      const code = lastCode();
      const v2 = await revise(t.id, 48000);
      await shop.sync();
      const changed = await post(`${t.path}/decide`, { quote: t.quoteId, code, decision: 'approved' });
      expect(changed.status).toBe(400);
      expect(changed.text).toContain('报价已更新');
      expect(changed.text).toContain('维修报价（第 2 版）');
      expect(changed.text).toContain('¥480.00');

      // approved on the page for version 2, but the shop revised again before its next sync
      hqClock.advance(2 * MIN);
      await post(`${t.path}/code`, { quote: v2 });
      expect((await post(`${t.path}/decide`, { quote: v2, code: lastCode(), decision: 'approved' })).status).toBe(303);
      await revise(t.id, 50000);
      await shop.sync();
      expect(status(t.id)).toBe('awaiting_approval');
      expect((await authorizations(t.id)).filter((x) => x.method === 'remote')).toEqual([]);
      const events = (await shop.call('counter', 'tickets.get', { id: t.id })).events as Array<{ note: string }>;
      expect(events.map((e) => e.note)).toContain('status.remote.timeline.outdated');
      // and the page asks again, for version 3
      const again = await page(t.path);
      expect(again.text).toContain('维修报价（第 3 版）');
      expect(again.text).toContain('发送验证码');
    });

    it('refuses a form posted from another site\'s page and records nothing; a wrong link\'s forms answer as the page does', async () => {
      hqClock.set(TEST_EPOCH);
      const t = await awaiting();
      const sentBefore = sms.sent.length;
      // what browsers send when another site's page (or a sandboxed frame, a sibling subdomain) posts the form
      for (const headers of [{ origin: 'http://evil.example' } as Record<string, string>, { origin: 'null', 'sec-fetch-site': 'cross-site' }, { origin: 'http://shop.hq.test', 'sec-fetch-site': 'same-site' }]) {
        const r = await post(`${t.path}/code`, { quote: t.quoteId }, headers);
        expect(r.status, JSON.stringify(headers)).toBe(403);
        expect(r.text).toContain('这个请求来自其他网站');
      }
      expect(sms.sent.length).toBe(sentBefore);
      // the page's own post, as Chromium sends it under the page's no-referrer policy
      expect((await post(`${t.path}/code`, { quote: t.quoteId }, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
      const attack = await post(`${t.path}/decide`, { quote: t.quoteId, code: lastCode(), decision: 'declined' }, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
      expect(attack.status).toBe(403);
      // the code still works for the customer: the attack neither used it nor counted as a wrong try
      expect((await post(`${t.path}/decide`, { quote: t.quoteId, code: lastCode(), decision: 'approved' })).status).toBe(303);
      const notFound = await page('/s/AAAAAAAAAAAAAAAAAAAAAA');
      for (const p of ['/s/BBBBBBBBBBBBBBBBBBBBBB/decide', `/s/${t.number}/code`]) {
        const r = await post(p, { quote: t.quoteId, code: '123456', decision: 'approved' });
        expect(r, p).toMatchObject({ status: 404, text: notFound.text });
      }
    });
  });
}

describe('the code check is rate-limited per address', () => {
  it('refuses past the per-minute limit with a page saying so', async () => {
    const limited = await openTestHq('sqlite', { http: { rateLimits: { statusCode: 3 } } });
    try {
      const url = `${await listenOnLoopback(limited.app)}/s/CCCCCCCCCCCCCCCCCCCCCC/decide`;
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await fetch(url, { method: 'POST', body: new URLSearchParams({ code: '123456' }) })).status);
      expect(codes).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
