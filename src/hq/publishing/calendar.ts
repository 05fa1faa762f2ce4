/**
 * The holiday calendar editor at head office. Shops count 三包 periods on their one active
 * calendar (core/warranty/store.ts activeCalendarRow: the first active by id), and a published
 * calendar replaces the active one of the same id (core/sync/pulled-builtin.ts). So head office
 * publishes under the built-in calendar's id: a calendar under another id would sit beside it
 * and, sorting after 'cn-state-council', never be used.
 */
import type { z } from 'zod';
import type { HqContext } from '../context';
import type { Actor } from '../console/audit';
import { CN_HOLIDAYS } from '../../shared/warranty/holidays';
import { holidayCalendarSchema, type HolidayCalendar } from '../../shared/warranty/schemas';
import { calendarProblems, type CalendarPublished, type CalendarState, type calendarPublishSchema } from '../../shared/hq-console/publishing-calendar';
import { HqError } from '../errors';
import { checkKind, publishedItem } from './editor-items';
import { publishAs } from './publish-as';
import { CALENDAR_KIND } from './whatif';

const calendarOf = (d: unknown) => holidayCalendarSchema.parse(d);

export async function calendarState(ctx: HqContext): Promise<CalendarState> {
  return { published: await publishedItem(ctx, CALENDAR_KIND, '*', CN_HOLIDAYS.id, calendarOf), builtIn: CN_HOLIDAYS };
}

export async function publishCalendar(ctx: HqContext, actor: Actor, input: z.output<typeof calendarPublishSchema>): Promise<CalendarPublished> {
  const calendar = checkKind<HolidayCalendar>(CALENDAR_KIND, { ...input.calendar, id: CN_HOLIDAYS.id }, 'calendar');
  const problems = Object.fromEntries(Object.entries(calendarProblems(calendar)).map(([k, v]) => [`calendar.${k}`, v]));
  if (Object.keys(problems).length > 0) throw new HqError('VALIDATION', 400, `invalid: ${Object.keys(problems).join(', ')}`.slice(0, 200), { reason: Object.keys(problems).join(', ').slice(0, 200), fields: problems });
  // Years in order, each year's ranges in order: the shops and the next editor read it as a schedule.
  calendar.years.sort((a, b) => a.year - b.year);
  for (const y of calendar.years) {
    y.holidays.sort((a, b) => a[0].localeCompare(b[0]));
    y.workdays.sort();
  }
  const title = input.title || calendar.years.map((y) => y.year).join(', ');
  const r = await publishAs(ctx, actor, { kind: CALENDAR_KIND, items: [{ id: CN_HOLIDAYS.id, data: calendar }], title });
  return { ...r, calendar: (await publishedItem(ctx, CALENDAR_KIND, '*', CN_HOLIDAYS.id, calendarOf))! };
}
