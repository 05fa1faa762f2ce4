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
/** All IANA zones the runtime knows, China's first since nearly every shop is there. */
export function timeZoneOptions(): string[] {
  return ZONES;
}

export const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR'];
