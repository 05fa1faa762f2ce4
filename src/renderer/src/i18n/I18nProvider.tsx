import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { engine } from '../../../shared/i18n/engine';
import { isLocale } from '../../../shared/i18n/translate';
import type { Locale, Params } from '../../../shared/i18n/types';
import { api } from '../api/client';
import { ensureLanguage, initialLocale, languageReady, storedLocale, STORAGE_KEY } from './languages';

export type TFunction = (key: string, params?: Params) => string;

interface I18nValue {
  locale: Locale;
  t: TFunction;
  /** A person's explicit choice: remembered on this PC. */
  setLocale(next: Locale): void;
  /** The shop's default language: applies only while nobody on this PC has chosen one. */
  suggestLocale(next: Locale): void;
  /** "label: value" in the UI language: a full-width colon in Chinese, a colon and a space in English. */
  colon: string;
}

/**
 * The UI language is i18next's: this PC's choice, else the browser's, before the first render
 * (main.tsx loads its messages first). Another language shows once its messages are loaded; until
 * then the screen, and the language calls ask the backend in, stay as they were.
 */
function switchLanguage(next: Locale): void {
  if (!languageReady(next)) return void ensureLanguage(next).then(() => switchLanguage(next));
  // at once, not in an effect: children's effects (a query asked again in the new language) run
  // before their parent's, and server errors are translated by the backend in this language
  api.setLocale(next);
  if (engine.language !== next) void engine.changeLanguage(next);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  useState(() => switchLanguage(initialLocale()));
  return (
    <I18nextProvider i18n={engine}>
      <OneTranslation>{children}</OneTranslation>
    </I18nextProvider>
  );
}

const I18nContext = createContext<I18nValue | null>(null);

/**
 * react-i18next's useTranslation once for the whole app, shared by context: called in every
 * component that translates, it copied the i18n instance and subscribed to its events per
 * component (a 50-row ticket list mounts ~200 of them), a tenth of the list's mount at a
 * low-end PC's speed. A language change still re-renders every component that translates.
 */
function OneTranslation({ children }: { children: ReactNode }) {
  const { t: i18nT, i18n } = useTranslation(undefined, { useSuspense: false });
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    switchLanguage(next);
  }, []);

  const suggestLocale = useCallback((next: Locale) => {
    if (!storedLocale()) switchLanguage(next);
  }, []);

  const t = useCallback<TFunction>((key, params) => i18nT(key, params) as string, [i18nT]);
  const value = useMemo(() => ({ locale, setLocale, suggestLocale, t, colon: locale === 'zh-CN' ? '：' : ': ' }), [locale, setLocale, suggestLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The translate function for the current UI language. */
export function useT(): TFunction {
  return useI18n().t;
}
