import type { Locale } from '../../../shared/i18n/types';
import { formatFen, parseYuan } from '../../../shared/money';

/** Integer fen → '¥1,530.00' in the UI's language. */
export function money(fen: number, locale: Locale, currency = 'CNY'): string {
  return formatFen(fen, locale, currency);
}

/** What a person types in yuan ('12.5', '１２．５', '¥1,299.5') → integer fen, or undefined when empty or not an amount. */
export function toFen(v: number | string | ''): number | undefined {
  if (v === null || v === undefined) return undefined;
  return parseYuan(v) ?? undefined;
}


