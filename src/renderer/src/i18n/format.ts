import type { Locale } from '../../../shared/i18n/types';

// An Intl.DateTimeFormat costs far more to make than to use (a list of 50 tickets made 50 of
// them on its first render): one per language and time zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(locale: Locale, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
    formats.set(key, f);
  }
  return f;
}

/** Instants are stored as ISO UTC; people read them in the shop's time zone and their language. */
export function formatInstant(iso: string, locale: Locale, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatFor(locale, timeZone).format(d);
}
