import type { Locale } from '../../../../shared/i18n/types';
import { money } from '../../stock/format';

/** The engine's refund as the card shows it: the invoice price inside the return window, else less depreciation. */
export function refundText(t: (k: string, p?: Record<string, string | number>) => string, locale: Locale, refundFen: number, depreciationFen: number, days: number) {
  return depreciationFen === 0
    ? t('ui.bench.sanbao.refundFull', { refund: money(refundFen, locale) })
    : t('ui.bench.sanbao.refund', { refund: money(refundFen, locale), depreciation: money(depreciationFen, locale), days });
}
