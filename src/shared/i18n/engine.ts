import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import IntlMessageFormat from 'intl-messageformat';
import { catalog } from './catalog';
import { LOCALES, type Locale } from './types';

/**
 * The one i18next instance of this process (main, shop host, head office or renderer), with the
 * ICU message format: plurals and selects live in the messages, not in code. The catalogs are its
 * resources as they are (flat keys with dots in them, hence no key or namespace separator).
 * Compiled messages are memoized by i18next-icu per locale and key, so a sentence is parsed once.
 */
/**
 * intl-messageformat resolves the locale of every message it compiles through
 * Intl.NumberFormat.supportedLocalesOf, whose first call loads ICU's locale data: a tenth of the
 * renderer's first screen at a low-end PC's speed, for an answer known beforehand — both our
 * languages are supported by every runtime we ship (Node's full ICU, Chromium). Any other locale
 * is resolved as before.
 */
const resolveLocale = IntlMessageFormat.resolveLocale;
const ours = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  const first = typeof locales === 'string' ? locales : locales.length === 1 ? locales[0]! : '';
  if (!(LOCALES as readonly string[]).includes(first)) return resolveLocale(locales);
  if (!ours.has(first)) ours.set(first, new Intl.Locale(first));
  return ours.get(first);
};

function createEngine(): i18n {
  const engine = i18next.createInstance();
  void engine.use(ICU).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalog[l] }])),
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    keySeparator: false,
    nsSeparator: false,
    // resources are in memory: ready on return, so `t` works at import time
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return engine;
}

export const engine: i18n = createEngine();
