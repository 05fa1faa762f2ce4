/**
 * The console's holiday calendar editor (kind warranty.calendar, every shop): public holidays
 * and adjusted working days per year. The shop counts 三包 periods with its active calendar
 * (a last day on a rest day moves to the next working day, 民法典 第二百零三条); head office
 * publishes under the shop's calendar id so its version replaces the built-in one.
 */
import { z } from 'zod';
import type { HolidayCalendar } from '../warranty/schemas';
import type { EditorPublished, PublishedItem } from './publishing-editors';

export const calendarPublishSchema = z.object({ calendar: z.record(z.string(), z.unknown()), title: z.string().trim().max(200).default('') }).strict();

export interface CalendarState {
  published: PublishedItem<HolidayCalendar> | null;
  /** The State Council schedule every shop starts with: the editor opens on it when nothing is published. */
  builtIn: HolidayCalendar;
}
export type CalendarPublished = EditorPublished & { calendar: PublishedItem<HolidayCalendar> };

/**
 * What the kind's schema cannot say about a calendar: a range that ends before it starts, a day
 * outside its year, a year listed twice. Field paths as the editor names them; used by the
 * console before sending and by head office before publishing.
 */
export function calendarProblems(cal: Pick<HolidayCalendar, 'years'>): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<number>();
  cal.years.forEach((y, i) => {
    if (seen.has(y.year)) out[`years.${i}.year`] = 'ui.hq.pub.error.yearTwice';
    seen.add(y.year);
    const inYear = (d: string) => d.startsWith(`${y.year}-`);
    y.holidays.forEach(([from, to], j) => {
      if (to < from) out[`years.${i}.holidays.${j}`] = 'ui.hq.pub.error.rangeOrder';
      else if (!inYear(from) && !inYear(to)) out[`years.${i}.holidays.${j}`] = 'ui.hq.pub.error.otherYear';
    });
    y.workdays.forEach((d, j) => {
      if (!inYear(d)) out[`years.${i}.workdays.${j}`] = 'ui.hq.pub.error.otherYear';
    });
  });
  return out;
}
