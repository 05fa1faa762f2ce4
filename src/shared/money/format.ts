/** Fen → text: the reader's locale with the currency's narrow symbol, or plain yuan for inputs. */
import type { Locale } from '../i18n/types';

const cache = new Map<string, Intl.NumberFormat>();

/** Integer fen → '¥1,299.50' (grouping per locale; the narrow symbol in both languages). */
export function formatFen(fen: number, locale: Locale, currency = 'CNY'): string {
  const key = `${locale}|${currency}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    cache.set(key, f);
  }
  // Whole fen divided by 100 is exact to two decimals for every amount below 2^53 fen.
  return f.format(fen / 100);
}

/** Fen → "1299.00" (no currency sign: what an input shows back to the person typing). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
