import { addMonthsDay } from './dates';
import type { Period } from './schemas';

/** Last day (inclusive) of a period starting on day `start` (day 0), before any extension. */
export function addPeriodDay(start: number, p: Period): number {
  if (p.unit === 'day') return start + p.n;
  return addMonthsDay(start, p.unit === 'year' ? p.n * 12 : p.n);
}
