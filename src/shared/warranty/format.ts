/**
 * Turns a reason {code, params} into a sentence. Reason params are locale-neutral on purpose
 * (part ids, period codes like '6m', amounts in fen) so a decision can be stored and shown later
 * in either language; this is where they become words. Reads this module's own `messages`, so it
 * works before (and independently of) the app-wide catalog.
 */
import type { Locale } from '../i18n/types';
import { messages } from './messages';
import { formatFen as formatMoneyFen } from '../money/format';
import { messages as deviceMessages } from '../devices/messages';
import { IntlMessageFormat } from 'intl-messageformat';
import type { CategoryPolicy, Reason } from './schemas';
import { sourcesOf, withCitation } from './citations';

const AMOUNT_PARAMS = new Set(['amount', 'deductible', 'cap', 'left', 'fee', 'depreciation']);

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

const icuCache = new Map<string, IntlMessageFormat>();
/** Sentences with a count ("1 day" / "2 days") are ICU messages; the rest a plain fill. */
function render(text: string, params: Record<string, string | number>, locale: Locale): string {
  if (!/, (plural|select),/.test(text)) return fill(text, params);
  const key = `${locale}|${text}`;
  let f = icuCache.get(key);
  if (!f) {
    f = new IntlMessageFormat(text, locale);
    icuCache.set(key, f);
  }
  return String(f.format(params));
}

/** Amounts in reasons read as everywhere else in the product (the shared money formatter). */
export function formatFen(fen: number, locale: Locale): string {
  return formatMoneyFen(fen, locale);
}

/** '6m' → '6个月' / '6 months'. */
export function formatPeriod(code: string, locale: Locale): string {
  const m = /^(\d+)([dmy])$/.exec(code);
  if (!m) return code;
  const unit = m[2] === 'd' ? 'day' : m[2] === 'm' ? 'month' : 'year';
  const n = Number(m[1]);
  let text = fill(messages[locale][`warranty.period.${unit}`] ?? code, { n });
  if (locale === 'en' && n === 1) text = text.replace(/s$/, '');
  return text;
}

/** A part's display name: the policy's own name first (head office data), then the catalog. */
export function partName(id: string, locale: Locale, policy?: CategoryPolicy): string {
  const rule = policy?.mainParts.find((p) => p.id === id) ?? policy?.accessories.find((p) => p.id === id);
  if (rule) return rule.name[locale];
  return messages[locale][`warranty.part.${id}`] ?? id;
}

export function formatReason(reason: Reason, locale: Locale, policy?: CategoryPolicy): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    if (k === 'part' && typeof v === 'string') params[k] = partName(v, locale, policy);
    else if (k === 'period' && typeof v === 'string') params[k] = formatPeriod(v, locale);
    else if (k === 'finding' && typeof v === 'string') params[k] = messages[locale][`warranty.finding.${v}`] ?? v;
    // A fault code reads by its name (no_power → 不开机/无电源), as the intake screen shows it.
    else if (k === 'fault' && typeof v === 'string') params[k] = deviceMessages[locale][`devices.fault.${v}`] ?? v;
    else if (k === 'rest' && typeof v === 'string') params[k] = messages[locale][`warranty.rest.${v}`] ?? v;
    else if (k === 'options' && typeof v === 'string')
      params[k] = v
        .split(',')
        .filter(Boolean)
        .map((o) => messages[locale][`warranty.option.${o}`] ?? o)
        .join(locale === 'zh-CN' ? '、' : ', ');
    else if (AMOUNT_PARAMS.has(k) && typeof v === 'number') params[k] = formatFen(v, locale);
    else params[k] = v;
  }
  // A reason stored before the rest-day kind was recorded reads as a rest day.
  if (params.rest === undefined) params.rest = messages[locale]['warranty.rest.weekend']!;
  const rolled = reason.params.rolledFrom !== undefined ? messages[locale][`warranty.reason.${reason.code}.rolled`] : undefined;
  const text = rolled ?? messages[locale][`warranty.reason.${reason.code}`] ?? reason.code;
  // With the policy at hand, the sentence names the article it applies (citations.ts).
  const sentence = render(text, params, locale);
  return policy ? withCitation(sentence, sourcesOf(reason, policy), locale) : sentence;
}
