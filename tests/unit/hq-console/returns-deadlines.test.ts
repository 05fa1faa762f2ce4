import { describe, expect, it } from 'vitest';
import { RETURN_TRANSIT_DAYS, isLateReturn, returnDueOn } from '../../../src/shared/hq-console/returns';
import { deadlineOk, pastHqDeadline } from '../../../src/shared/hq-console/complaints';

/** The dates head office decides by: a return's due date and lateness, a complaint response's deadline. */
describe('returned old parts: due two weeks after the shipping date', () => {
  it('is due 14 calendar days after shipping, across a month and a year', () => {
    expect(RETURN_TRANSIT_DAYS).toBe(14);
    expect(returnDueOn('2026-11-23')).toBe('2026-12-07');
    expect(returnDueOn('2026-12-25')).toBe('2027-01-08');
    expect(returnDueOn('2028-02-20')).toBe('2028-03-05'); // a leap year's 29 February counts
  });
  it('is late only after the due day, and only with lines still to receive', () => {
    expect(isLateReturn('2026-11-23', '2026-12-07', 1)).toBe(false);
    expect(isLateReturn('2026-11-23', '2026-12-08', 1)).toBe(true);
    expect(isLateReturn('2026-11-23', '2027-03-01', 0)).toBe(false);
  });
});

describe("head office's deadline on an escalated complaint", () => {
  it('may be today or later, never before', () => {
    expect(deadlineOk('2026-11-25', '2026-11-25')).toBe(true);
    expect(deadlineOk('2026-11-24', '2026-11-25')).toBe(false);
  });
  it('has passed once its day is over and the complaint is still open', () => {
    expect(pastHqDeadline('open', '2026-11-28', '2026-11-28')).toBe(false);
    expect(pastHqDeadline('responded', '2026-11-28', '2026-11-29')).toBe(true);
    expect(pastHqDeadline('resolved', '2026-11-28', '2026-12-29')).toBe(false);
    expect(pastHqDeadline('open', null, '2026-12-29')).toBe(false);
  });
});
