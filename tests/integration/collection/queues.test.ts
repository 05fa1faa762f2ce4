import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDate } from '../../helpers/clock';
import { PASSWORD } from '../../helpers/backend';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import type { CounterQueues } from '../../../src/shared/collection/queues';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const DAY = 86_400_000;

let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

/** Days pass: the shop's sessions expire meanwhile, so everyone signs in again. */
async function later(days: number) {
  s.clock.advance(days * DAY);
  for (const role of ['counter', 'technician'] as const) s.tokens[role] = (await s.backend.call('auth.login', { username: role, password: PASSWORD })).token;
}

const call = (role: Parameters<BenchShop['as']>[0], name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role));
const numberOf = (id: string) => (s.backend.services.sqlite.prepare(`SELECT number FROM tickets WHERE id = ?`).get(id) as { number: string }).number;

/** A paid repair quoted (labour only) and sent to the customer: awaiting approval. `day`: days after the test epoch. */
async function awaitingApproval(day: number, promisedDay = day + 3) {
  const id = await newTicket(s, { ...oldPhone(), confirmDuplicate: true, promisedDate: testDate(promisedDay) });
  await call('technician', 'bench.claim', { ticketId: id });
  await call('technician', 'bench.diagnose', { ticketId: id, cause: '尾插接触不良', findings: [] });
  const wb = (await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], estimatedCompletion: testDate(day + 3), submit: true })) as {
    quote: { current: { id: string } };
  };
  return { id, quoteId: wb.quote.current.id };
}

/** The same repair approved, done and through QC: ready for pickup. */
async function ready(day: number) {
  const { id, quoteId } = await awaitingApproval(day);
  await call('counter', 'bench.authorize', { ticketId: id, quoteId, method: 'signature', signerName: '王小明', signaturePng: PNG });
  await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
  const wb = (await call('technician', 'bench.workbench', { ticketId: id })) as { qcChecklist: string[] };
  await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass'])), data: 'preserved', erasePasscode: true });
  return id;
}

describe("the counter's queues", () => {
  it('ready (days waiting, reached or not, last call), awaiting approval, promised today or overdue, long uncollected', async () => {
    const a = await ready(0); // day 0: ready, never collected
    await later(30);
    const f = await newTicket(s, { ...oldPhone(), confirmDuplicate: true, promisedDate: testDate(34) }); // day 30, promised for day 34
    await later(3);
    const b = await ready(33);
    await call('counter', 'bench.logCall', { ticketId: b, result: 'no_answer', note: '' });
    await later(1);
    const c = await ready(34);
    await call('counter', 'bench.logCall', { ticketId: c, result: 'reached', note: '明天来取' });
    const d = await awaitingApproval(34, 40);
    await later(1);
    const e = await newTicket(s, { ...oldPhone(), confirmDuplicate: true, promisedDate: testDate(35) }); // promised for today

    const q = (await call('counter', 'collection.queues', {})) as CounterQueues;
    expect(q.today).toBe(testDate(35));
    // not yet reached first: B (2 days, no answer) before C (1 day, reached)
    expect(q.ready.map((r) => [r.number, r.days, r.called, r.calls, r.lastCall?.result])).toEqual([
      [numberOf(b), 2, false, 1, 'no_answer'],
      [numberOf(c), 1, true, 1, 'reached'],
    ]);
    expect(q.ready[1]!.lastCall?.note).toBe('明天来取');
    expect(q.approval.map((r) => [r.number, r.days])).toEqual([[numberOf(d.id), 1]]);
    // most overdue first; D is promised for day 40, so not due
    expect(q.due.map((r) => [r.number, r.daysToPromise])).toEqual([
      [numberOf(f), -1],
      [numberOf(e), 0],
    ]);
    expect(q.uncollected.map((r) => [r.number, r.days])).toEqual([[numberOf(a), 35]]);

    // a threshold of 2 days moves B (2 days) to long uncollected and leaves C (1 day)
    const short = (await call('counter', 'collection.queues', { uncollectedDays: 2 })) as CounterQueues;
    expect(short.ready.map((r) => r.number)).toEqual([numberOf(c)]);
    expect(short.uncollected.map((r) => r.number)).toEqual([numberOf(a), numberOf(b)]);
  });
});
