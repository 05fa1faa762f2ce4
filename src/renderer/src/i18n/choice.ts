import { isLocale, pickLocale } from '../../../shared/i18n/locale';
import type { Locale } from '../../../shared/i18n/types';

/** The UI language this PC chose, else the browser's (apart from languages.ts, which loads i18next: the page's first script reads it too). */
export const STORAGE_KEY = 'fixpoint.locale';

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(typeof navigator !== 'undefined' ? navigator.language : null);
}

