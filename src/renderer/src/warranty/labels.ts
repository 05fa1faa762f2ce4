import type { Locale } from '../../../shared/i18n/types';
import type { TFunction } from '../i18n/I18nProvider';
import { periodCode } from '../../../shared/warranty/engine';
import { formatPeriod } from '../../../shared/warranty/format';
import type { CategoryPolicy, Period, RuleKey } from '../../../shared/warranty/schemas';

export const periodText = (p: Period, locale: Locale) => formatPeriod(periodCode(p), locale);

/** ppm per day → "0.5" (percent per day). */
export const ppmToPct = (ppm: number) => String(Math.round(ppm) / 10_000);

/** The value a rule row stands for, in words ('' when the row is only a citation). */
export function ruleValue(key: RuleKey, p: CategoryPolicy, t: TFunction, locale: Locale): string {
  const days = (n: number | null) => (n === null ? t('ui.warranty.none') : t('ui.warranty.days', { n }));
  switch (key) {
    case 'unit':
      return periodText(p.unitPeriod, locale);
    case 'returnDays':
      return days(p.returnDays);
    case 'exchangeDays':
      return days(p.exchangeDays);
    case 'depreciation':
      return t('ui.warranty.perDay', { rate: ppmToPct(p.depreciationPpmPerDay) });
    case 'repairerDelay':
      return days(p.repairerDelayDays);
    case 'partsWait':
      return days(p.partsWaitDays);
    case 'loaner':
      return days(p.loanerDays);
    case 'repairWarranty':
      return days(p.repairWarrantyDays);
    case 'repeatRepair':
      return `${p.repeatRepair.threshold} ×`;
    case 'noInvoice':
      return p.noInvoice.factoryOffsetDays === null ? '' : `+${p.noInvoice.factoryOffsetDays}`;
    default:
      return '';
  }
}

export const confidenceColor = { text: 'teal', secondary: 'yellow', unconfirmed: 'red' } as const;
export const sourceColor = { preset: 'gray', local: 'blue', hq: 'grape' } as const;
