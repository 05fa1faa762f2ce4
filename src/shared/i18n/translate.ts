import { LOCALES, type Locale, type Params } from './types';
import { catalog } from './catalog';

/** Picks a supported locale from a system/browser locale string; Chinese by default on a Chinese system. */
export function pickLocale(systemLocale: string | undefined | null, fallback: Locale = 'zh-CN'): Locale {
  if (!systemLocale) return fallback;
  const lower = systemLocale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return fallback;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Translates a key; `{name}` placeholders take params. An unknown key shows itself so it is noticed, never crashes. */
export function t(locale: Locale, key: string, params?: Params): string {
  const text = catalog[locale][key] ?? catalog['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function hasKey(key: string): boolean {
  return key in catalog['zh-CN'];
}
