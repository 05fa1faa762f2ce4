import type { Locale, Messages } from './types';
import { messages as errors } from '../api/messages';
import { messages as system } from '../system/messages';
import { messages as auth } from '../auth/messages';
import { messages as sync } from '../sync/messages';
import { messages as hq } from '../sync/hq-refusals';
import { messages as hqConsole } from '../hq-console/messages';
import { messages as hqPublishing } from '../hq-console/publishing-messages';
import { messages as customers } from '../customers/messages';
import { messages as devices } from '../devices/messages';
import { messages as tickets } from '../tickets/messages';
import { messages as search } from '../search/messages';
import { messages as warranty } from '../warranty/messages';
import { messages as documents } from '../documents/messages';
import { messages as stock } from '../stock/messages';
import { messages as reports } from '../reports/messages';
import { messages as bench } from '../bench/messages';
import { messages as collection } from '../collection/messages';
import { messages as money } from '../money/messages';
import { messages as backup } from '../backup/messages';
import { messages as audit } from '../audit/messages';
import { messages as status } from '../status/messages';
import { messages as recalls } from '../recalls/messages';
import { messages as messaging } from '../messaging/messages';
// UI catalogs (renderer strings, keys `ui.*`):
import { uiCatalogs } from './ui';

/**
 * Every capability registers its catalog here. Keys are namespaced by capability
 * (`warranty.reason.expired`), so merging cannot collide silently; the i18n test
 * checks both locales carry the same keys.
 */
export const catalogs: Record<string, Messages> = { errors, system, auth, sync, hq, hqConsole, hqPublishing, customers, devices, tickets, search, warranty, documents, stock, reports, bench, collection, money, backup, audit, status, recalls, messaging, ...uiCatalogs };

function merge(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of Object.values(catalogs)) Object.assign(out, m[locale]);
  return out;
}

export const catalog: Record<Locale, Record<string, string>> = {
  'zh-CN': merge('zh-CN'),
  en: merge('en'),
};

/**
 * A language's messages for a process that loads them when needed. Here both are in memory
 * already; the renderer's build replaces this module by one whose catalogs start empty and whose
 * loaders fetch one language's chunk each (scripts/vite-catalog.mjs; src/renderer/src/i18n/languages.ts
 * fills them).
 */
export const loadCatalog: Record<Locale, () => Promise<Record<string, string>>> = {
  'zh-CN': async () => catalog['zh-CN'],
  en: async () => catalog.en,
};
