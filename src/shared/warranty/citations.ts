/**
 * Which article a reason applies. Every reason code names the policy row (RuleKey) whose
 * `sources` entry carries the regulation and article (head office's data, as the presets and
 * docs/regulations state them); part reasons read the part rule's own source. The sentence then
 * ends with the citation: "…（《移动电话机商品修理更换退货责任规定》第十一条）" / "… (Mobile phone
 * regulation, art. 11)". Nothing here retypes an article: only the mapping code → row.
 *
 * Reasons with no row (null) are not the regulation's: a service program's terms (延保, 意外保,
 * 以换代修) are a contract the customer holds, and a replaced part's own period comes from the
 * maker's parts catalog. They cite nothing rather than an article that does not decide them.
 */
import type { Locale } from '../i18n/types';
import { RULE_KEYS as RULE_KEY_LIST, type CategoryPolicy, type Reason, type ReasonCode, type RuleKey, type Source } from './schemas';

type Row = RuleKey | 'part';

export const REASON_RULES: Record<ReasonCode, readonly Row[] | null> = {
  covered: ['unit'],
  mainPartCovered: ['part'],
  accessoryCovered: ['part'],
  partExpired: ['part'],
  mainPartLaborNotCovered: ['unit'],
  excluded: ['exclusions'],
  noStartDate: ['noInvoice'],
  replacedPart: null,
  repairWarranty: ['repairWarranty'],
  extendedWarranty: null,
  extendedWarrantyExpired: null,
  accidentalDamage: null,
  accidentalCapped: null,
  accidentalTermExhausted: null,
  customerPays: null,
  startInvoice: ['periodStart'],
  // Flat TVs: the 2011 notice's table row says the period starts at installation.
  startInstallation: ['unit'],
  startExchange: ['exchangeRestart'],
  startOtherProof: ['noInvoice'],
  startFactoryOffset: ['noInvoice'],
  periodExtended: ['periodStart'],
  holidayExtended: ['holiday'],
  calendarYearMissing: ['holiday'],
  returnWindow: ['returnDays'],
  exchangeWindow: ['exchangeDays'],
  inWarrantyRepair: ['unit'],
  repeatRepair: ['repeatRepair'],
  partsWaitExceeded: ['partsWait'],
  repairerDelayExceeded: ['repairerDelay'],
  noInvoiceRepairOnly: ['noInvoice'],
  // Both windows open only for a listed performance fault (phone 第十一条, 第十二条).
  noListedFault: ['returnDays', 'exchangeDays'],
  sanbaoVoided: ['exclusions'],
  sanbaoExpired: ['unit'],
  replaceProgram: null,
  loanerDue: ['loaner'],
  // Inside the 7-day window; the engine says `rule: exchangeFallback` when the refund is the fallback's.
  refundFullPrice: ['returnDays'],
  // The return that pays depreciation is the fallback's (phone 第十九条, household 第十三条), at the table's rate.
  refundDepreciated: ['exchangeFallback', 'depreciation'],
  exchangeUnavailableReturn: ['exchangeFallback'],
  exchangeRefusedReturn: ['exchangeFallback'],
  accessoryReplacedTwice: ['accessoryReturn'],
};

const RULE_KEYS: ReadonlySet<string> = new Set(RULE_KEY_LIST);

/** The sources a reason applies, from the policy's data (empty when the reason is no regulation's). */
export function sourcesOf(reason: Reason, policy: CategoryPolicy): Source[] {
  const ruled = typeof reason.params.rule === 'string' && RULE_KEYS.has(reason.params.rule) ? [reason.params.rule as RuleKey] : null;
  const rows = ruled ?? REASON_RULES[reason.code];
  if (!rows) return [];
  const out: Source[] = [];
  for (const row of rows) {
    let s: Source | undefined;
    if (row === 'part') {
      const id = reason.params.part;
      const rule = typeof id === 'string' ? (policy.mainParts.find((p) => p.id === id) ?? policy.accessories.find((p) => p.id === id)) : undefined;
      s = rule?.source ?? policy.sources.unit;
    } else s = policy.sources[row];
    if (s && !out.some((o) => o.regulation === s!.regulation && o.article === s!.article)) out.push(s);
  }
  return out;
}

const REGULATION_NAMES: Record<Source['regulation'], Record<Locale, string>> = {
  'cn.mobile_phone_2001': { 'zh-CN': '《移动电话机商品修理更换退货责任规定》', en: 'Mobile phone regulation' },
  'cn.microcomputer_2002': { 'zh-CN': '《微型计算机商品修理更换退货责任规定》', en: 'Microcomputer regulation' },
  'cn.household_1995': { 'zh-CN': '《部分商品修理更换退货责任规定》', en: 'Household goods regulation' },
  'cn.flat_tv_2011': { 'zh-CN': '《质检总局2011年第20号公告》', en: '2011 flat-TV notice' },
  'cn.civil_code_2020': { 'zh-CN': '《中华人民共和国民法典》', en: 'Civil Code' },
  'cn.consumer_law_2013': { 'zh-CN': '《消费者权益保护法》', en: 'Consumer Protection Law' },
  brand: { 'zh-CN': '品牌保修政策', en: 'brand warranty policy' },
};

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 十一 → 11, 二百零三 → 203 (the numerals articles are numbered with). */
export function chineseNumber(s: string): number | null {
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
      seen = true;
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (seen ? digit : 1) * unit;
      digit = 0;
      seen = false;
    } else return null;
  }
  return total + digit;
}

// From a string, so the compiled host stays ASCII (see src/shared/money/parse.ts).
const ARTICLE = new RegExp('^第([零一二两三四五六七八九十百]+)条$');

/**
 * The article parts of a source as printed: '第十一条' → ['第十一条'] / ['art. 11'],
 * '第十三条/附件' → both parts, '附录' → appendix. Anything else (a phrase, '—': the article
 * number is not known to us) names no article, and the citation names the regulation only.
 */
function articleWords(article: string, locale: Locale): string[] {
  const out: string[] = [];
  for (const part of article.split('/').map((p) => p.trim())) {
    const m = ARTICLE.exec(part);
    if (m) {
      const n = chineseNumber(m[1]!);
      if (n !== null) out.push(locale === 'zh-CN' ? part : `art. ${n}`);
    } else if (part === '附录') out.push(locale === 'zh-CN' ? '附录' : 'appendix');
    else if (part === '附件') out.push(locale === 'zh-CN' ? '附件' : 'annex');
  }
  return out;
}

/** "《…》第十一条" / "Mobile phone regulation, art. 11"; several sources joined. */
export function citationText(sources: readonly Source[], locale: Locale): string {
  const byReg = new Map<Source['regulation'], string[]>();
  for (const s of sources) {
    const list = byReg.get(s.regulation) ?? [];
    for (const w of articleWords(s.article, locale)) if (!list.includes(w)) list.push(w);
    byReg.set(s.regulation, list);
  }
  const parts = [...byReg].map(([reg, arts]) => {
    const name = REGULATION_NAMES[reg][locale];
    if (arts.length === 0) return name;
    return locale === 'zh-CN' ? `${name}${arts.join('、')}` : `${name}, ${arts.join(', ')}`;
  });
  return locale === 'zh-CN' ? parts.join('；') : parts.join('; ');
}

/** The sentence with its citation appended, in the sentence's language. */
export function withCitation(sentence: string, sources: readonly Source[], locale: Locale): string {
  if (sources.length === 0) return sentence;
  const c = citationText(sources, locale);
  return locale === 'zh-CN' ? `${sentence}（${c}）` : `${sentence} (${c})`;
}
