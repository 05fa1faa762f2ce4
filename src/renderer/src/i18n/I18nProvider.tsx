import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLocale, pickLocale, t as translate } from '../../../shared/i18n/translate';
import type { Locale, Params } from '../../../shared/i18n/types';
import { api } from '../api/client';

const STORAGE_KEY = 'fixpoint.locale';

export type TFunction = (key: string, params?: Params) => string;

interface I18nValue {
  locale: Locale;
  t: TFunction;
  /** A person's explicit choice: remembered on this PC. */
  setLocale(next: Locale): void;
  /** The shop's default language: applies only while nobody on this PC has chosen one. */
  suggestLocale(next: Locale): void;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(typeof navigator !== 'undefined' ? navigator.language : null);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  // Server errors are translated by the backend, so it must know the language too.
  useEffect(() => api.setLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    // at once, not in the effect above: children's effects (a query asked again in the new
    // language) run before their parent's
    api.setLocale(next);
    setLocaleState(next);
  }, []);

  const suggestLocale = useCallback((next: Locale) => {
    if (!storedLocale()) setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, suggestLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale, suggestLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The translate function for the current UI language. */
export function useT(): TFunction {
  return useI18n().t;
}
