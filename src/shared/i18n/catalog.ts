import type { Locale, Messages } from './types';
import { messages as errors } from '../api/messages';
import { messages as system } from '../system/messages';
import { messages as warranty } from '../warranty/messages';
import { messages as documents } from '../documents/messages';
// UI catalogs (renderer strings, keys `ui.*`):
import { uiCatalogs } from './ui';

/**
 * Every capability registers its catalog here. Keys are namespaced by capability
 * (`warranty.reason.expired`), so merging cannot collide silently; the i18n test
 * checks both locales carry the same keys.
 */
export const catalogs: Record<string, Messages> = { errors, system, warranty, documents, ...uiCatalogs };

function merge(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of Object.values(catalogs)) Object.assign(out, m[locale]);
  return out;
}

export const catalog: Record<Locale, Record<string, string>> = {
  'zh-CN': merge('zh-CN'),
  en: merge('en'),
};
