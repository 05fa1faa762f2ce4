/**
 * The follow-up survey on the status page (issue 20 point 5), end to end over real HTTP: once the
 * device is collected, the customer's page asks for a score from 1 to 5 and a comment; the answer
 * reaches the shop at its next sync as the ticket's follow-up (no call needed), and a low score is
 * a problem reported that the follow-up queue offers to turn into a complaint. Once per ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { listenOnLoopback, openTestHq, type TestHq } from '../../helpers/hq';
import { claimsShop, type ClaimsShop } from '../hq-console/claims-fixture';
import { intakeInput } from '../intake/helpers';

const hqClock = new ManualClock();
let hq: TestHq;
let shop: ClaimsShop;
let base: string;

beforeAll(async () => {
  hq = await openTestHq('sqlite', { now: () => hqClock.now(), http: { rateLimits: { statusPage: 1000, statusCode: 1000 } } });
  base = await listenOnLoopback(hq.app);
  shop = await claimsShop(hq);
});
afterAll(async () => {
  await shop?.backend.close();
  await hq?.close();
});

const page = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, text: await res.text() };
};
const post = async (path: string, form: Record<string, string>) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form), headers: { origin: 'null', 'sec-fetch-site': 'same-origin' }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};

/** A phone repaired (¥450.00, approved on the phone), collected and paid; synced. Its page's path. */
async function collected(name: string) {
  const r = await shop.call('counter', 'tickets.intake', intakeInput({ customer: { name, phones: ['138 0013 8000'] }, confirmDuplicate: true } as never));
  const id = r.ticket.id as string;
  await shop.repairToReady(id);
  const { url } = await shop.call<{ url: string }>('counter', 'status.link', { ticketId: id });
  const path = new URL(url).pathname;
  await shop.sync();
  expect((await page(path)).text).not.toContain('name="score"'); // not before collection
  const v = await shop.call('counter', 'collection.lookup', { ref: id });
  const due = v.settlement.dueNowFen as number;
  await shop.call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: due > 0 ? [{ tender: 'alipay', amountFen: due, reference: 'ALI-1' }] : [] });
  await shop.sync();
  return { id, number: r.ticket.number as string, path };
}
const followUpOf = async (ticketId: string) => {
  const { rows } = await shop.call('counter', 'followUps.list', { view: 'all', limit: 200 });
  return (rows as Array<Record<string, unknown>>).filter((f) => f.ticketId === ticketId);
};

describe('the survey after collection', () => {
  it('asks for a score once collected, and a low score reaches the shop as the follow-up with a problem reported', async () => {
    hqClock.set(TEST_EPOCH);
    const t = await collected('王小明');
    const asked = await page(t.path);
    for (const s of ['服务评价', '1 分很不满意，5 分很满意', 'name="score"', '提交评价']) expect(asked.text).toContain(s);
    // the open follow-up the collection made, due in the shop's follow-up days
    expect(await followUpOf(t.id)).toMatchObject([{ status: 'open', score: null }]);

    const missing = await post(`${t.path}/survey`, { comment: '还行' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('请先选择 1 到 5 分');
    const tooLong = await post(`${t.path}/survey`, { score: '3', comment: '长'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('留言最多 500 字');

    expect((await post(`${t.path}/survey`, { score: '2', comment: '等了太久，屏幕边缘有缝隙' })).status).toBe(303);
    expect((await page(t.path)).text).toContain('感谢评价（2 分）');
    // once per ticket: a second answer changes nothing
    expect((await post(`${t.path}/survey`, { score: '5', comment: '' })).status).toBe(303);
    expect((await page(t.path)).text).toContain('感谢评价（2 分）');

    await shop.sync();
    const [f] = await followUpOf(t.id);
    expect(f).toMatchObject({ status: 'done', reached: true, score: 2, comments: '等了太久，屏幕边缘有缝隙', problemReported: true, suggestComplaint: true, outcomeBy: null });
    expect(await followUpOf(t.id)).toHaveLength(1);
    const events = (await shop.call('counter', 'tickets.get', { id: t.id })).events as Array<{ note: string }>;
    expect(events.filter((e) => e.note === 'status.survey.timeline')).toHaveLength(1);
  });

  it('records a good score without a problem, in English too', async () => {
    hqClock.set(TEST_EPOCH);
    const t = await collected('Wang Fang');
    const en = await page(`${t.path}?lang=en`);
    for (const s of ['How did we do?', '1 is very unhappy, 5 is very happy', 'Send']) expect(en.text).toContain(s);
    expect((await post(`${t.path}/survey?lang=en`, { score: '5', comment: 'Fast and friendly' })).status).toBe(303);
    expect((await page(`${t.path}?lang=en`)).text).toContain('Thank you for your answer (5 of 5)!');
    await shop.sync();
    expect(await followUpOf(t.id)).toMatchObject([{ status: 'done', score: 5, comments: 'Fast and friendly', problemReported: false, suggestComplaint: false }]);
  });
});
