import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { engine } from '../../shared/i18n/engine';
import { isLocale, pickLocale } from '../../shared/i18n/translate';
import { type Locale, type Params } from '../../shared/i18n/types';
import { LanguageSwitch as Switch } from '../../ui/LanguageSwitch';

/** The shop's i18n engine and catalogs; the language is this browser's choice, else its own, Chinese first. */
const STORAGE_KEY = 'fixpoint.hq.locale';

function initial(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLocale(v)) return v;
  } catch {
    /* private mode */
  }
  return pickLocale(navigator.language);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  useState(() => void engine.changeLanguage(initial()));
  return <I18nextProvider i18n={engine}>{children}</I18nextProvider>;
}

export type TFunction = (key: string, params?: Params) => string;

export function useI18n() {
  const { t: i18nT, i18n } = useTranslation(undefined, { useSuspense: false });
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* the choice lasts for this page */
    }
    void engine.changeLanguage(next);
  }, []);
  const t = useCallback<TFunction>((key, params) => i18nT(key, params) as string, [i18nT]);
  return useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
}

/** The shared switch bound to head office's i18n. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return <Switch locale={locale} setLocale={setLocale} t={(k) => t(k)} />;
}

export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}
