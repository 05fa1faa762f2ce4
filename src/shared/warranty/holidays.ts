/**
 * China's public-holiday schedule (国务院办公厅 部分节假日安排的通知) as editable data, and the
 * working-day test the period rules need.
 *
 * Why weekends count as non-working days: the 三包 texts extend a period whose last day is a
 * 法定节假日/休假日, and 民法典 第二百零三条 says "期间的最后一日是法定休假日的，以法定休假日结束的
 * 次日为期间的最后一日". In Chinese law 法定休假日 covers the weekly rest days (公休日) as well as the
 * festival holidays, and the Supreme People's Court's long-standing reading (民通意见 第198条) uses
 * the *actual* rest days after 调休. So: a Saturday or Sunday that is not an adjusted working day
 * (调休上班日) extends the period; an adjusted working Saturday does not; a festival day on a
 * weekday does.
 *
 * Years outside `years` fall back to "weekends are rest days, no festivals": the engine reports
 * that with a reason so nobody mistakes it for a confirmed schedule. Add a year here when the
 * State Council publishes it (usually in November for the next year).
 */
import { fromDay, toDay, weekdayOfDay, yearOfDay, type IsoDate } from './dates';
import type { HolidayCalendar } from './schemas';

export const CN_HOLIDAYS: HolidayCalendar = {
  id: 'cn-state-council',
  years: [
    {
      year: 2024,
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
      // 除夕 2024-02-09 was only "encouraged" as a rest day: officially a working day, so not listed.
      holidays: [
        ['2024-01-01', '2024-01-01'],
        ['2024-02-10', '2024-02-17'],
        ['2024-04-04', '2024-04-06'],
        ['2024-05-01', '2024-05-05'],
        ['2024-06-10', '2024-06-10'],
        ['2024-09-15', '2024-09-17'],
        ['2024-10-01', '2024-10-07'],
      ],
      workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    },
    {
      year: 2025,
      source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
      holidays: [
        ['2025-01-01', '2025-01-01'],
        ['2025-01-28', '2025-02-04'],
        ['2025-04-04', '2025-04-06'],
        ['2025-05-01', '2025-05-05'],
        ['2025-05-31', '2025-06-02'],
        ['2025-10-01', '2025-10-08'],
      ],
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
      holidays: [
        ['2026-01-01', '2026-01-03'],
        ['2026-02-15', '2026-02-23'],
        ['2026-04-04', '2026-04-06'],
        ['2026-05-01', '2026-05-05'],
        ['2026-06-19', '2026-06-21'],
        ['2026-09-25', '2026-09-27'],
        ['2026-10-01', '2026-10-07'],
      ],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  ],
};

/** Precomputed sets: the hot path asks "is day n a working day" with two Set lookups. */
export interface CompiledCalendar {
  readonly id: string;
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  readonly years: ReadonlySet<number>;
}

const cache = new WeakMap<HolidayCalendar, CompiledCalendar>();

/** Compiles once per calendar object (cached by identity), so editing means passing a new object. */
export function compileCalendar(cal: HolidayCalendar): CompiledCalendar {
  const hit = cache.get(cal);
  if (hit) return hit;
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const years = new Set<number>();
  for (const y of cal.years) {
    years.add(y.year);
    for (const [from, to] of y.holidays) {
      for (let d = toDay(from), end = toDay(to); d <= end; d++) holidays.add(d);
    }
    for (const w of y.workdays) workdays.add(toDay(w));
  }
  const compiled: CompiledCalendar = { id: cal.id, holidays, workdays, years };
  cache.set(cal, compiled);
  return compiled;
}

function compiled(cal: HolidayCalendar | CompiledCalendar): CompiledCalendar {
  return 'holidays' in cal && cal.holidays instanceof Set ? (cal as CompiledCalendar) : compileCalendar(cal as HolidayCalendar);
}

export function isWorkingDayNumber(n: number, cal: CompiledCalendar): boolean {
  if (cal.workdays.has(n)) return true;
  if (cal.holidays.has(n)) return false;
  const wd = weekdayOfDay(n);
  return wd !== 0 && wd !== 6;
}

export function isWorkingDay(date: IsoDate, cal: HolidayCalendar | CompiledCalendar = CN_HOLIDAYS): boolean {
  return isWorkingDayNumber(toDay(date), compiled(cal));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, cal: HolidayCalendar | CompiledCalendar = CN_HOLIDAYS): IsoDate {
  const c = compiled(cal);
  let n = toDay(date) + 1;
  while (!isWorkingDayNumber(n, c)) n++;
  return fromDay(n);
}

/** `n` itself when it is a working day, else the next working day: how a period's last day moves. */
export function rollToWorkingDayNumber(n: number, cal: CompiledCalendar): number {
  let d = n;
  // A rest stretch is never longer than a few weeks; the bound only guards corrupted data.
  for (let i = 0; i < 366 && !isWorkingDayNumber(d, cal); i++) d++;
  return d;
}

export function rollToWorkingDay(date: IsoDate, cal: HolidayCalendar | CompiledCalendar = CN_HOLIDAYS): IsoDate {
  return fromDay(rollToWorkingDayNumber(toDay(date), compiled(cal)));
}

/** Whether the schedule for the year of `n` is in the calendar (else only weekends are known). */
export function calendarCoversDay(n: number, cal: CompiledCalendar): boolean {
  return cal.years.has(yearOfDay(n));
}

