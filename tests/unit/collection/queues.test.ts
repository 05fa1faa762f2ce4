import { describe, expect, it } from 'vitest';
import { splitQueues, type CounterQueueRow } from '../../../src/shared/collection/queues';

const row = (number: string, status: CounterQueueRow['status'], days: number, daysToPromise: number, called = false): CounterQueueRow => ({
  ticketId: number,
  number,
  status,
  customerName: '王小明',
  phone: '138 0013 8000',
  device: '华为 Mate 60',
  since: '2026-11-01T02:00:00.000Z',
  days,
  promisedDate: '2026-11-23',
  daysToPromise,
  called,
  calls: called ? 1 : 0,
  lastCall: null,
});

describe("the counter's queues, split", () => {
  const rows = [
    row('T1', 'ready', 3, -10, true),
    row('T2', 'ready', 1, -5),
    row('T3', 'ready', 30, -40),
    row('T4', 'ready', 29, -39),
    row('T5', 'awaiting_approval', 2, 1),
    row('T6', 'awaiting_approval', 4, -2),
    row('T7', 'repairing', 6, 0),
    row('T8', 'qc', 8, -3),
    row('T9', 'received', 0, 2),
  ];
  const q = splitQueues(rows, '2026-11-23', 30);

  it('ready: under 30 days, the customers not yet reached first, then the longest waiting', () => {
    expect(q.ready.map((r) => r.number)).toEqual(['T4', 'T2', 'T1']);
  });

  it('30 days and more is long uncollected, longest first, and nowhere else', () => {
    expect(q.uncollected.map((r) => r.number)).toEqual(['T3']);
  });

  it('approvals, longest waiting first', () => {
    expect(q.approval.map((r) => r.number)).toEqual(['T6', 'T5']);
  });

  it('due: work promised for today or earlier, most overdue first; a ready device is no longer due', () => {
    expect(q.due.map((r) => r.number)).toEqual(['T8', 'T6', 'T7']);
  });
});
