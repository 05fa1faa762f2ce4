import { LOCALES, type Locale } from '../../../shared/i18n/types';
import { ROLES } from '../../../shared/api/roles';
import type { TFunction } from '../i18n/I18nProvider';

/** Language names are shown in their own language, whatever the UI language is. */
export function localeOptions(t: TFunction): { value: Locale; label: string }[] {
  return LOCALES.map((l) => ({ value: l, label: t(`ui.lang.${l}`) }));
}

export function roleOptions(t: TFunction, includeAdmin: boolean) {
  return ROLES.filter((r) => includeAdmin || r !== 'admin').map((r) => ({ value: r, label: t(`role.${r}`) }));
}

const FIRST_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];
const ALL_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai'];
const ZONES = [...FIRST_ZONES.filter((z) => ALL_ZONES.includes(z) || z === 'Asia/Shanghai'), ...ALL_ZONES.filter((z) => !FIRST_ZONES.includes(z))];
/** A zone as a person names it, "中国标准时间 (GMT+8)", the city added where two zones share a name. */
function zoneLabels(locale: Locale): Map<string, string> {
  const named = (zone: string, style: 'longGeneric' | 'shortOffset') => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(new Date(0)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
    } catch {
      return zone;
    }
  };
  const base = new Map(ZONES.map((z) => [z, `${named(z, 'longGeneric')} (${named(z, 'shortOffset')})`]));
  const seen = new Map<string, number>();
  for (const l of base.values()) seen.set(l, (seen.get(l) ?? 0) + 1);
  return new Map([...base].map(([z, l]) => [z, seen.get(l)! > 1 ? `${l} · ${z.split('/').pop()!.replaceAll('_', ' ')}` : l]));
}
/**
 * All IANA zones the runtime knows, China's first since nearly every shop is there, each by its
 * name in the UI language. Some 400 zones named by Intl: a screen keeps the list (useMemo).
 */
export function timeZoneOptions(locale: Locale): { value: string; label: string }[] {
  const labels = zoneLabels(locale);
  return ZONES.map((z) => ({ value: z, label: labels.get(z)! }));
}

export const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR'];
/** A currency by its name in the UI language (人民币, Chinese Yuan), not its ISO code. */
export function currencyName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

