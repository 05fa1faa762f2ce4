import { describe, expect, it } from 'vitest';
import { factsFromEvents, percentile, percentileOfSorted, returnFlags, returnGaps, spreadOfSeconds } from '../../../src/shared/reports/math';
import { addYearsToDate, reportInputSchema } from '../../../src/shared/reports/schemas';
import { complaintDeadlines, escalationDue } from '../../../src/shared/reports/care';
import { zonedDayStartIso } from '../../../src/shared/reports/compute';

describe('percentile (linear interpolation, as SQLite percentile() and PostgreSQL percentile_cont)', () => {
  it('hand values', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 90)).toBeCloseTo(3.7);
    expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50);
    expect(spreadOfSeconds([3600, 7200, 36000])).toEqual({ n: 3, medianHours: 2, p90Hours: 8.4 });
  });
});

describe('factsFromEvents', () => {
  const ev = (at: string, toStatus: string | null, userId: string | null = 'u1') => ({ at: `2026-11-01T${at}:00.000Z`, toStatus: toStatus as never, userId });
  it('stage durations, first/last ready and collected, reopens, credit', () => {
    const f = factsFromEvents([
      ev('00:00', 'received', 'counter'),
      ev('01:00', 'diagnosing', 'tech'),
      ev('01:30', null, 'tech'), // a note changes nothing
      ev('03:00', 'repairing', 'tech'),
      ev('07:00', 'qc', 'tech'),
      ev('08:00', 'repairing', 'qa'), // QC failed
      ev('09:00', 'qc', 'tech2'),
      ev('10:00', 'ready', 'qa'),
      ev('12:00', 'collected', 'counter'),
      ev('13:00', 'received', 'manager'), // rework
      ev('14:00', 'repairing', 'tech'),
      ev('15:00', 'ready', 'tech3'),
      ev('16:00', 'collected', 'counter'),
    ]);
    expect(f.receivedAt).toBe('2026-11-01T00:00:00.000Z');
    expect(f.stageSeconds).toEqual({ received: 7200, diagnosing: 7200, awaiting_approval: 0, repairing: 6 * 3600, awaiting_parts: 0, qc: 7200, ready: 3 * 3600 });
    expect(f.firstReadyAt).toBe('2026-11-01T10:00:00.000Z');
    expect(f.lastReadyAt).toBe('2026-11-01T15:00:00.000Z');
    expect(f.firstCollectedAt).toBe('2026-11-01T12:00:00.000Z');
    expect(f.lastCollectedAt).toBe('2026-11-01T16:00:00.000Z');
    expect(f.reopens).toBe(1);
    expect(f.creditUserId).toBe('tech3');
    expect(f.status).toBe('collected');
  });
});

describe('first-time fix rule', () => {
  const v = (ticketId: string, deviceId: string, receivedAt: string, firstCollectedAt: string | null, faultKey: string) => ({ ticketId, deviceId, receivedAt, firstCollectedAt, faultKey });
  it('a same-fault return within the window fails the earlier ticket; another fault or a later return does not', () => {
    const flags = returnFlags(
      [
        v('a', 'd1', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'battery'),
        v('b', 'd1', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 'battery'), // 58 days later: a return
        v('c', 'd1', '2026-03-10T00:00:00Z', null, 'screen_broken'), // other fault
        v('d', 'd2', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', ''),
        v('e', 'd2', '2026-04-02T00:00:00Z', null, 'audio'), // exactly 90 days: still inside (no codes matches any)
        v('f', 'd3', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'x'),
        v('g', 'd3', '2026-04-03T00:00:00Z', null, 'x'), // 91 days: outside
      ],
      90,
    );
    expect(Object.fromEntries([...flags].map(([k, x]) => [k, [x.returned, x.isReturn]]))).toEqual({
      a: [true, false],
      b: [false, true],
      c: [false, false],
      d: [true, false],
      e: [false, true],
      f: [false, false],
      g: [false, false],
    });
  });
});

describe('ranges, deadlines, escalation', () => {
  it('five years is the limit; a day more is refused; the end before the start is refused', () => {
    expect(addYearsToDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(reportInputSchema.safeParse({ from: '2021-01-01', to: '2025-12-31' }).success).toBe(true);
    const over = reportInputSchema.safeParse({ from: '2021-01-01', to: '2026-01-01' });
    expect(over.success ? null : over.error.issues[0]!.message).toBe('reports.error.rangeTooLong');
    const back = reportInputSchema.safeParse({ from: '2026-01-02', to: '2026-01-01' });
    expect(back.success ? null : back.error.issues[0]!.message).toBe('reports.error.endBeforeStart');
  });
  it('shop days start at local midnight', () => {
    expect(zonedDayStartIso('2026-11-01', 'Asia/Shanghai')).toBe('2026-10-31T16:00:00.000Z');
    expect(zonedDayStartIso('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStartIso('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });
  it('missed deadline → manager; still missed after N hours → head office', () => {
    const d = complaintDeadlines('2026-11-01T00:00:00.000Z', 24, 7);
    expect(d).toEqual({ respondBy: '2026-11-02T00:00:00.000Z', resolveBy: '2026-11-08T00:00:00.000Z' });
    const c = { status: 'open', ...d, respondedAt: null, resolvedAt: null, escalation: 'none', escalatedAt: null };
    expect(escalationDue(c, '2026-11-01T23:00:00.000Z', 24)).toBeNull();
    expect(escalationDue(c, '2026-11-02T01:00:00.000Z', 24)).toEqual({ level: 'manager', reason: 'response' });
    const m = { ...c, escalation: 'manager', escalatedAt: '2026-11-02T01:00:00.000Z' };
    expect(escalationDue(m, '2026-11-03T00:59:00.000Z', 24)).toBeNull();
    expect(escalationDue(m, '2026-11-03T01:00:00.000Z', 24)).toEqual({ level: 'head_office', reason: 'response' });
    expect(escalationDue({ ...m, status: 'resolved' }, '2026-11-09T00:00:00.000Z', 24)).toBeNull();
  });
});

describe('large lists: selection gives the same figures as a full sort', () => {
  it('random lists with and without ties', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [64, 65, 100, 1001, 5000]) {
      for (const kind of ['ties', 'spread', 'sorted', 'reversed']) {
        const xs = Array.from({ length: n }, (_, i) =>
          kind === 'ties' ? Math.floor(rnd() * 7) * 3600 : kind === 'sorted' ? i * 97.5 : kind === 'reversed' ? (n - i) * 13 : rnd() * 900_000,
        );
        const sorted = Float64Array.from(xs).sort();
        const h = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
        expect(spreadOfSeconds(xs), `${kind} ${n}`).toEqual({ n, medianHours: h(percentileOfSorted(sorted, 50)), p90Hours: h(percentileOfSorted(sorted, 90)) });
      }
    }
  });
});

describe('return gaps (what the shop keeps per ticket) give the same flags as returnFlags for any window', () => {
  it('random visits of a few devices', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const visits = Array.from({ length: 300 }, (_, i) => {
      const rec = Date.UTC(2026, 0, 1) + Math.floor(rnd() * 400) * 86_400_000 + Math.floor(rnd() * 86_400_000);
      const col = rnd() < 0.8 ? new Date(rec + Math.floor(rnd() * 20 * 86_400_000)).toISOString() : null;
      return { ticketId: `t${i}`, deviceId: `d${Math.floor(rnd() * 40)}`, receivedAt: new Date(rec).toISOString(), firstCollectedAt: col, faultKey: ['', 'battery', 'screen'][Math.floor(rnd() * 3)]! };
    });
    const gaps = returnGaps(visits);
    for (const days of [1, 30, 90, 365]) {
      const flags = returnFlags(visits, days);
      const w = days * 86_400_000;
      for (const v of visits) {
        const g = gaps.get(v.ticketId)!;
        expect({ returned: g.returnedAfterMs !== null && g.returnedAfterMs <= w, isReturn: g.returnAfterMs !== null && g.returnAfterMs <= w }, `${v.ticketId} ${days}`).toEqual(flags.get(v.ticketId));
      }
    }
  });
});
