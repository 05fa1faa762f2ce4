import { describe, it, expect } from 'vitest';
import { CN_HOLIDAYS, compileCalendar, holidayCalendarSchema, isWorkingDay, nextWorkingDay, rollToWorkingDay } from '../../../src/shared/warranty';

describe('China holiday calendar', () => {
  it('is valid data with the years we could confirm', () => {
    expect(holidayCalendarSchema.parse(CN_HOLIDAYS)).toEqual(CN_HOLIDAYS);
    expect(CN_HOLIDAYS.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });
  it('treats festival days as rest days, even on weekdays', () => {
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆中秋 2025
    expect(isWorkingDay('2026-02-23')).toBe(false); // Monday, 春节 2026
    expect(isWorkingDay('2024-06-10')).toBe(false); // Monday, 端午 2024
  });
  it('treats 调休 Saturdays/Sundays as working days', () => {
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(isWorkingDay('2024-02-18')).toBe(true); // Sunday
  });
  it('treats plain weekends as rest days and ordinary weekdays as working', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
    expect(isWorkingDay('2024-02-09')).toBe(true); // 除夕 2024 was officially a working day
  });
  it('finds the next working day after a holiday stretch', () => {
    expect(nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-14'); // Friday → 调休 Saturday
    expect(rollToWorkingDay('2026-02-15')).toBe('2026-02-24');
    expect(rollToWorkingDay('2026-02-24')).toBe('2026-02-24');
  });
  it('compiles once per calendar object', () => {
    expect(compileCalendar(CN_HOLIDAYS)).toBe(compileCalendar(CN_HOLIDAYS));
  });
  it('falls back to weekends only for a year it does not hold', () => {
    expect(isWorkingDay('2027-03-05')).toBe(true); // a Friday: 2027 schedule not loaded
    expect(isWorkingDay('2027-01-02')).toBe(false); // Saturday
  });
});
