import { LOCALES, type Locale } from './types';

// Apart from translate.ts (which loads i18next): the renderer's first script picks the language with these alone.

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
