import { describe, expect, it } from 'vitest';
import { calendarProblems } from '../../../src/shared/hq-console/publishing-calendar';

/** What the calendar editor refuses beyond the kind's schema, on both sides (console and head office). */
describe('calendarProblems', () => {
  it('accepts a State Council style year: ranges in order, inside the year, working weekend days of the year', () => {
    expect(calendarProblems({ years: [{ year: 2027, source: '通知', holidays: [['2027-01-01', '2027-01-01'], ['2027-02-06', '2027-02-13']], workdays: ['2027-02-14'] }] })).toEqual({});
  });

  it('names a backwards range, a day of another year and a year listed twice by their paths', () => {
    const y = (year: number, holidays: [string, string][], workdays: string[]) => ({ year, source: '', holidays, workdays });
    expect(
      calendarProblems({
        years: [y(2026, [['2026-10-07', '2026-10-01'], ['2025-12-31', '2025-12-31']], ['2027-01-02']), y(2026, [], [])],
      }),
    ).toEqual({
      'years.0.holidays.0': 'ui.hq.pub.error.rangeOrder',
      'years.0.holidays.1': 'ui.hq.pub.error.otherYear',
      'years.0.workdays.0': 'ui.hq.pub.error.otherYear',
      'years.1.year': 'ui.hq.pub.error.yearTwice',
    });
  });

  it('lets a range run over new year from its year (31 Dec – 2 Jan is one break)', () => {
    expect(calendarProblems({ years: [{ year: 2026, source: '', holidays: [['2026-12-31', '2027-01-02']], workdays: [] }] })).toEqual({});
  });
});
