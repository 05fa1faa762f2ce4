/**
 * A replaced part's warranty end, as the engine decides it (and the hand-back prints it): the
 * later of the coverage the part already had and the completion day plus the part's own period,
 * where a last day on a rest day moves to the next working day (民法典 第二百零三条, the same roll
 * every period of the engine gets). One function, so the receipt and the engine cannot differ.
 */
import { fromDay, toDay, type IsoDate } from './dates';
import { addPeriodDay } from './period';
import { CN_HOLIDAYS, compileCalendar, rollToWorkingDayNumber, type CompiledCalendar } from './holidays';
import type { HolidayCalendar, Period } from './schemas';

export function replacedPartEndDay(completedDay: number, period: Period, cal: CompiledCalendar): number {
  return rollToWorkingDayNumber(addPeriodDay(completedDay, period), cal);
}

export function replacedPartWarrantyEnd(
  originalEnd: IsoDate | null,
  completedOn: IsoDate,
  period: Period,
  calendar: HolidayCalendar | CompiledCalendar = CN_HOLIDAYS,
): IsoDate {
  const cal = 'holidays' in calendar && calendar.holidays instanceof Set ? calendar : compileCalendar(calendar as HolidayCalendar);
  const own = fromDay(replacedPartEndDay(toDay(completedOn), period, cal));
  return originalEnd !== null && originalEnd > own ? originalEnd : own;
}
