import { catalog, loadCatalog } from '../../../shared/i18n/catalog';
import { engine } from '../../../shared/i18n/engine';
import { initialLocale } from './choice';
import type { Locale } from '../../../shared/i18n/types';

export { initialLocale, storedLocale, STORAGE_KEY } from './choice';

const loaded = new Map<Locale, Promise<void>>();
const ready = new Set<Locale>();

/** Whether a language's messages are in memory (a switch to it can happen in this very render). */
export const languageReady = (locale: Locale): boolean => ready.has(locale);

/**
 * Makes a language's messages available to i18next and to the shared `t(locale, …)`. A built
 * renderer fetches each language's chunk the first time it is needed (scripts/vite-catalog.mjs): the
 * UI's language before the first render, the other when someone switches to it.
 */
export function ensureLanguage(locale: Locale): Promise<void> {
  let done = loaded.get(locale);
  if (!done) {
    done = loadCatalog[locale]().then((messages) => {
      if (messages !== catalog[locale]) Object.assign(catalog[locale], messages);
      engine.addResourceBundle(locale, 'translation', messages, true, true);
      ready.add(locale);
    });
    // a failed fetch (the host restarted with a new build) is tried again at the next switch
    done.catch(() => loaded.delete(locale));
    loaded.set(locale, done);
  }
  return done;
}
