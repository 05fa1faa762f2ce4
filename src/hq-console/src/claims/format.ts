import type { ReviewState } from '../../../shared/hq-console/claims';
import { formatFen } from '../../../shared/money/format';
import type { Locale } from '../../../shared/i18n/types';

export const STATE_COLOR: Record<ReviewState, string> = { submitted: 'blue', resubmitted: 'indigo', returned: 'orange', rejected: 'red', approved: 'teal', paid: 'green', draft: 'gray', shop_decided: 'gray' };

export const fen = (v: number | null, locale: Locale) => (v === null ? '—' : formatFen(v, locale));
/** Yuan typed in a field → fen (null when it is not a number). */
export const toFen = (v: string | number) => {
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,\s¥]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
};
