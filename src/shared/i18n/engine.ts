import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import { catalog } from './catalog';
import { LOCALES, type Locale } from './types';

/**
 * The one i18next instance of this process (main, shop host, head office or renderer), with the
 * ICU message format: plurals and selects live in the messages, not in code. The catalogs are its
 * resources as they are (flat keys with dots in them, hence no key or namespace separator).
 * Compiled messages are memoized by i18next-icu per locale and key, so a sentence is parsed once.
 */
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
