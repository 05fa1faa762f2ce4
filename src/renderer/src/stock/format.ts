import type { Locale } from '../../../shared/i18n/types';
import { formatFen } from '../../../shared/money';

/** Integer fen → "¥1,299.00" in the reader's locale. */
export function money(fen: number, locale: Locale, currency = 'CNY'): string {
  return formatFen(fen, locale, currency);
}

/** The part's name in the UI language (the Chinese name when no English one was given). */
export function partName(p: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && p.nameEn ? p.nameEn : p.nameZh;
}

/** Signed quantities read as changes: +3, −2. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** Today as YYYY-MM-DD in the shop's zone. */
export function todayIn(timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
