import type { Locale, Params } from '../i18n/types';
import { messages } from './messages';

/**
 * Reads this module's own catalog so builders work on their own (tests, bench, a future
 * renderer preview) without the app-wide catalog; the same keys are registered there too.
 */
export function tr(locale: Locale, key: string, params?: Params): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
