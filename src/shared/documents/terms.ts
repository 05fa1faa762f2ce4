import type { Locale } from '../i18n/types';
import { formatMoney } from './format';
import type { DocumentsSettings } from './settings';
import { tr } from './translate';

/**
 * The terms printed on ticket documents: the shop's own text (one paragraph per line) when it
 * set one for this language, else the default data-loss, storage/disposal and collection notices.
 */
export function shopTerms(settings: DocumentsSettings, locale: Locale, currency = 'CNY'): string[] {
  const own = settings.terms[locale].trim();
  if (own) return own.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const storage =
    settings.storageFeeFenPerDay > 0
      ? tr(locale, 'documents.terms.storageFee', {
          afterDays: settings.storageFeeAfterDays,
          fee: formatMoney(settings.storageFeeFenPerDay, locale, currency),
          disposalDays: settings.disposalAfterDays,
        })
      : tr(locale, 'documents.terms.storageNoFee', { disposalDays: settings.disposalAfterDays });
  return [tr(locale, 'documents.terms.dataLoss'), storage, tr(locale, 'documents.terms.collect')];
}
