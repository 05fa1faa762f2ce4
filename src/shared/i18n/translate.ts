import { LOCALES, type Locale, type Params } from './types';
import { catalog } from './catalog';
import { engine } from './engine';

export { isLocale, pickLocale } from './locale';

type Translate = (key: string, params?: Params) => string;

// One fixed-language `t` per locale: documents and server errors name their language per call,
// independent of the language the renderer's instance currently shows. Not getFixedT: that one
// copies the instance's whole options object on every call (a tenfold cost on a hot path).
// A message without values always reads the same (the catalogs do not change while the process
// runs): names of codes, labels, headings are translated once per language and key.
const fixedT = (lng: Locale): Translate => {
  const plain = new Map<string, string>();
  return (key, params) => {
    // (unknown keys are not kept: they may come from data and need not be few)
    if (params || !(key in catalog[lng])) return engine.t(key, params ? { ...params, lng } : { lng }) as string;
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = engine.t(key, { lng }) as string));
    return text;
  };
};
const fixed = Object.fromEntries(LOCALES.map((l) => [l, fixedT(l)])) as Record<Locale, Translate>;

/** Translates a key (an ICU message). An unknown key shows itself so it is noticed, never crashes. */
export function t(locale: Locale, key: string, params?: Params): string {
  return fixed[locale](key, params);
}

export function hasKey(key: string): boolean {
  return key in catalog['zh-CN'];
}
