import type { Locale } from '../../../shared/i18n/types';
import { formatFen } from '../../../shared/money';

/** Integer fen → "¥1,299.00" in the reader's locale. */
export function yuan(fen: number, locale: Locale, currency = 'CNY'): string {
  return formatFen(fen, locale, currency);
}

/** A calendar date (YYYY-MM-DD) the way the reader writes dates. */
export function calendarDate(date: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export const deviceName = (d: { brand: string; model: string }) => `${d.brand} ${d.model}`.trim();
