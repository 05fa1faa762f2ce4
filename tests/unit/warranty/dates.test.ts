import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, compareDates, daysBetween, fromDay, isIsoDate, toDay, weekday } from '../../../src/shared/warranty';

describe('dates', () => {
  it('parses and prints through day numbers', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(fromDay(0)).toBe('1970-01-01');
    expect(toDay('2000-03-01') - toDay('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(toDay('1900-03-01') - toDay('1900-02-28')).toBe(1); // 1900 is not
  });
  it('validates real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-10', -3)).toBe('2024-12-10');
  });
  it('counts days between and compares', () => {
    expect(daysBetween('2025-01-01', '2025-01-08')).toBe(7);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(compareDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(weekday('2026-01-04')).toBe(0); // a Sunday
  });
  it('round-trips every day and agrees with Date.UTC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 300000 }), (n) => {
        const s = fromDay(n);
        expect(toDay(s)).toBe(n);
        expect(Date.parse(`${s}T00:00:00Z`) / 86400000).toBe(n);
      }),
    );
  });
});
