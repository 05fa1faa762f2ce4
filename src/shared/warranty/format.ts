/**
 * Turns a reason {code, params} into a sentence. Reason params are locale-neutral on purpose
 * (part ids, period codes like '6m', amounts in fen) so a decision can be stored and shown later
 * in either language; this is where they become words, through the app's ICU catalog (counts
 * are plurals in the messages themselves).
 */
import type { Locale } from '../i18n/types';
import { hasKey, t } from '../i18n/translate';
import { formatFen as formatMoneyFen } from '../money/format';
import type { CategoryPolicy, Reason } from './schemas';
import { sourcesOf, withCitation } from './citations';

const AMOUNT_PARAMS = new Set(['amount', 'deductible', 'cap', 'left', 'fee', 'depreciation']);

/** A code's name from a key family, or the code itself when the family has no such member. */
function named(locale: Locale, family: string, code: string): string {
  const key = `${family}.${code}`;
  return hasKey(key) ? t(locale, key) : code;
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
  return t(locale, `warranty.period.${unit}`, { n: Number(m[1]) });
}

/** A part's display name: the policy's own name first (head office data), then the catalog. */
export function partName(id: string, locale: Locale, policy?: CategoryPolicy): string {
  const rule = policy?.mainParts.find((p) => p.id === id) ?? policy?.accessories.find((p) => p.id === id);
  if (rule) return rule.name[locale];
  return named(locale, 'warranty.part', id);
}

export function formatReason(reason: Reason, locale: Locale, policy?: CategoryPolicy): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    if (k === 'part' && typeof v === 'string') params[k] = partName(v, locale, policy);
    else if (k === 'period' && typeof v === 'string') params[k] = formatPeriod(v, locale);
    else if (k === 'finding' && typeof v === 'string') params[k] = named(locale, 'warranty.finding', v);
    // A fault code reads by its name (no_power → 不开机/无电源), as the intake screen shows it.
    else if (k === 'fault' && typeof v === 'string') params[k] = named(locale, 'devices.fault', v);
    else if (k === 'rest' && typeof v === 'string') params[k] = named(locale, 'warranty.rest', v);
    else if (k === 'options' && typeof v === 'string')
      params[k] = v
        .split(',')
        .filter(Boolean)
        .map((o) => named(locale, 'warranty.option', o))
        .join(locale === 'zh-CN' ? '、' : ', ');
    else if (AMOUNT_PARAMS.has(k) && typeof v === 'number') params[k] = formatFen(v, locale);
    else params[k] = v;
  }
  // A reason stored before the rest-day kind was recorded reads as a rest day.
  if (params.rest === undefined) params.rest = t(locale, 'warranty.rest.weekend');
  const base = `warranty.reason.${reason.code}`;
  const key = reason.params.rolledFrom !== undefined && hasKey(`${base}.rolled`) ? `${base}.rolled` : base;
  // With the policy at hand, the sentence names the article it applies (citations.ts).
  const sentence = hasKey(key) ? t(locale, key, params) : reason.code;
  return policy ? withCitation(sentence, sourcesOf(reason, policy), locale) : sentence;
}
