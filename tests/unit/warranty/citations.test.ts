import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOUR_TV_1995, LAPTOP_2002, PHONE_2001, REASON_CODES, REASON_RULES, evaluate, formatReason, type CategoryPolicy, type Reason, type ReasonCode } from '../../../src/shared/warranty';
import { withRegulationDefaults } from '../../../src/shared/warranty/regulation-defaults';
import { categoryPolicySchema } from '../../../src/shared/warranty/schemas';
import { PRESET_POLICIES_V2 } from '../../../src/core/db/migrations/002-warranty-data';
import { fault, input } from './helpers';

/**
 * Every reason a person sees names the article it applies (issue 15: "the reasons a person sees
 * cite it"), from the policy's own data. The expected articles are read from the regulation
 * texts in docs/regulations by hand (first block) and from the README's table of which engine
 * rule applies which article (second block), never from the code that cites them.
 */
const PHONE = '《移动电话机商品修理更换退货责任规定》';
const PC = '《微型计算机商品修理更换退货责任规定》';
const HH = '《部分商品修理更换退货责任规定》';
const CIVIL = '《中华人民共和国民法典》';

// Params enough for each sentence to render (the citation does not depend on them, except a part's).
const PARAMS: Record<string, Reason['params']> = {
  mainPartCovered: { part: 'crt', end: '2028-03-10' },
  accessoryCovered: { part: 'battery', end: '2025-09-10' },
  partExpired: { part: 'battery', period: '6m', end: '2025-09-10' },
  accessoryReplacedTwice: { part: 'battery', count: 2 },
};
const say = (code: ReasonCode, policy: CategoryPolicy, locale: 'zh-CN' | 'en' = 'zh-CN', params: Reason['params'] = {}) =>
  formatReason({ code, params: { end: '2026-03-10', date: '2025-03-10', day: 3, days: 7, count: 2, limit: 30, amount: 100, depreciation: 10, fault: 'no_power', finding: 'liquid', from: '2026-03-07', to: '2026-03-09', year: 2027, options: 'repair', threshold: 2, ...(PARAMS[code] ?? {}), ...params } }, locale, policy);

describe('a handful of citations worked out from the regulation texts', () => {
  it.each([
    // mobile-phone-2001.md: "## 第十一条 — days 1–7 … 按发货票价格一次退清货款"
    ['returnWindow', PHONE_2001, `（${PHONE}第十一条）`, '(Mobile phone regulation, art. 11)'],
    ['refundFullPrice', PHONE_2001, `（${PHONE}第十一条）`, '(Mobile phone regulation, art. 11)'],
    // "## 第十二条 — days 8–15"
    ['exchangeWindow', PHONE_2001, `（${PHONE}第十二条）`, '(Mobile phone regulation, art. 12)'],
    // "## 第十条 — a repaired phone must work at least 30 days" (the shop's repair warranty)
    ['repairWarranty', PHONE_2001, `（${PHONE}第十条）`, '(Mobile phone regulation, art. 10)'],
    // "## 第十三条 — two repairs still failing"; "## 第十四条 — accessories replaced twice"
    ['repeatRepair', PHONE_2001, `（${PHONE}第十三条）`, '(Mobile phone regulation, art. 13)'],
    ['accessoryReplacedTwice', PHONE_2001, `（${PHONE}第十四条）`, '(Mobile phone regulation, art. 14)'],
    // "## 第十六条 — parts not supplied … within 60 days"
    ['partsWaitExceeded', PHONE_2001, `（${PHONE}第十六条）`, '(Mobile phone regulation, art. 16)'],
    // "## 第十九条 — return where an exchange is due"
    ['exchangeRefusedReturn', PHONE_2001, `（${PHONE}第十九条）`, '(Mobile phone regulation, art. 19)'],
    ['refundDepreciated', PHONE_2001, `（${PHONE}第十九条）`, '(Mobile phone regulation, art. 19)'],
    // README: 民法典 第二百零三条 "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日"
    ['holidayExtended', PHONE_2001, `（${CIVIL}第二百零三条）`, '(Civil Code, art. 203)'],
    // microcomputer-2002.md: "第八条 … a last day on a public holiday moves to the next working day"
    ['holidayExtended', LAPTOP_2002, `（${PC}第八条）`, '(Microcomputer regulation, art. 8)'],
    // "第二十八条 [B] — not covered: … disassembly by a non-三包 repairer …"
    ['excluded', LAPTOP_2002, `（${PC}第二十八条）`, '(Microcomputer regulation, art. 28)'],
    // household-1995.md: 第十条 "产品自售出之日起15日内…可选择换货或者修理"; 第十一条 修理两次; 第十四条 换货后重新计算
    ['exchangeWindow', COLOUR_TV_1995, `（${HH}第十条）`, '(Household goods regulation, art. 10)'],
    ['repeatRepair', COLOUR_TV_1995, `（${HH}第十一条）`, '(Household goods regulation, art. 11)'],
    ['startExchange', COLOUR_TV_1995, `（${HH}第十四条）`, '(Household goods regulation, art. 14)'],
    // 第十三条: the return less 折旧费, at the 附件 table's rate (0.1 %/day for a colour TV)
    ['refundDepreciated', COLOUR_TV_1995, `（${HH}第十三条、附件）`, '(Household goods regulation, art. 13, annex)'],
    // 附件: 彩色电视机 主要部件 3 年 (显像管 …)
    ['mainPartCovered', COLOUR_TV_1995, `（${HH}附件）`, '(Household goods regulation, annex)'],
    // mobile-phone-2001.md 附录: 电池 6 个月
    ['partExpired', PHONE_2001, `（${PHONE}附录）`, '(Mobile phone regulation, appendix)'],
  ] as const)('%s under %#', (code, policy, zh, en) => {
    expect(say(code, policy)).toMatch(new RegExp(`${esc(zh)}$`));
    expect(say(code, policy, 'en')).toMatch(new RegExp(` ${esc(en)}$`));
  });

  it('the invoice-price refund of an exchange that cannot be made cites 第十九条, not the 7-day 第十一条', () => {
    // Bought 2025-03-10, a listed fault on day 10 (exchange window), no unit of the same model.
    const d = evaluate(input({ current: { ...fault('2025-03-20'), exchange: 'unavailable' }, today: '2025-03-25' }));
    const ret = d.options.find((o) => o.option === 'return' && !o.part)!;
    expect(ret.reasons.map((r) => formatReason(r, 'zh-CN', PHONE_2001))).toEqual([
      `应予换货，但无同型号同规格产品，客户不愿调换其他型号、规格产品，可选择退货（${PHONE}第十九条）`,
      `按发票价格退款¥3,000.00（${PHONE}第十九条）`,
    ]);
  });

  it('a phone rule without an article number we could read cites the regulation by name; a service program cites no article', () => {
    // mobile-phone-2001.md "三包有效期 (periods)": [summary], no article number known.
    expect(say('startInvoice', PHONE_2001)).toBe(`三包有效期自发票日期2025-03-10起算（${PHONE}）`);
    expect(say('startInvoice', PHONE_2001, 'en')).toBe('Warranty runs from the invoice date 2025-03-10 (Mobile phone regulation)');
    // 延保 is the customer's contract with its program, not an article.
    expect(say('extendedWarranty', PHONE_2001, 'zh-CN', { start: '2026-03-11', end: '2027-03-10' })).toBe('延保有效期2026-03-11至2027-03-10');
    // Without the policy (a sentence built before one is known) nothing is appended.
    expect(formatReason({ code: 'returnWindow', params: { day: 3, days: 7, end: '2025-03-17' } }, 'zh-CN')).not.toContain('《');
  });
});

// ---- the README's table: which engine rule applies which article ----

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const README = fs.readFileSync(path.resolve('docs/regulations/README.md'), 'utf8');
const table = README.slice(README.indexOf('## Which engine rule applies which article'));
const rows = table
  .split('\n')
  .filter((l) => l.startsWith('| ') && l.includes('`'))
  .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
const COLUMNS = [
  [PHONE_2001, PHONE],
  [LAPTOP_2002, PC],
  [COLOUR_TV_1995, HH],
] as const;

/** What a cell of the table says the citation must carry: articles (第…条, 附录/附件, 民法典 N) or none. */
function expectedFromCell(cell: string): { zh: string[] } | null {
  if (/^(—|\(not enabled\)|not in our notes)/.test(cell)) return null;
  // "(secondary)", "(unconfirmed)", "(secondary; fixed-phone rule 第十八条)": the article of this rule is not known — the regulation alone.
  if (/^\((secondary|unconfirmed)/.test(cell)) return { zh: [] };
  const zh: string[] = [];
  for (const m of cell.matchAll(/第[零一二三四五六七八九十百]+条/g)) zh.push(m[0]);
  const civil = /民法典 (\d+)/.exec(cell);
  if (civil) zh.push(CIVIL);
  for (const w of ['附件', '附录']) if (cell.includes(w)) zh.push(w);
  return { zh };
}

describe('every rule in docs/regulations/README.md is cited as the table says', () => {
  it('the table lists the rules', () => {
    expect(rows.length).toBeGreaterThan(12);
  });
  for (const row of rows) {
    const codes = [...row[0]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!).filter((c): c is ReasonCode => (REASON_CODES as readonly string[]).includes(c));
    COLUMNS.forEach(([policy, name], i) => {
      const cell = row[i + 1]!;
      const want = expectedFromCell(cell);
      if (!want) return;
      for (const code of codes) {
        it(`${code} under ${policy.id}: "${cell}"`, () => {
          const text = say(code, policy);
          // The phone's 第十四条 row is in the phone column only; 第十九条 rows carry the article and, for a rate, the 附件.
          expect(text).toContain(`（${want.zh.includes(CIVIL) ? CIVIL : name}`);
          for (const a of want.zh.filter((x) => x !== CIVIL)) expect(text).toContain(a);
          // "(secondary)" / "(unconfirmed)" with no article: the regulation alone, no article number invented.
          if (want.zh.length === 0) expect(text).toMatch(new RegExp(`（${esc(name)}）$`));
        });
      }
    });
  }
});

describe('every reason code the engine can produce', () => {
  const regulated = REASON_CODES.filter((c) => REASON_RULES[c] !== null);
  it.each(regulated)('%s cites the phone regulation or the Civil Code, in both languages', (code) => {
    expect(say(code, PHONE_2001)).toMatch(/（《(移动电话机商品修理更换退货责任规定|中华人民共和国民法典)》[^（]*）$/);
    expect(say(code, PHONE_2001, 'en')).toMatch(/ \((Mobile phone regulation|Civil Code)(, (art\. \d+|appendix|annex))*\)$/);
  });

  it('the shop\'s stored phone policy (migration 002, read with the regulation defaults) cites the same articles as the preset', () => {
    const row = PRESET_POLICIES_V2.find((r) => r[0] === 'cn.phone.2001')!;
    const stored = categoryPolicySchema.parse(withRegulationDefaults(JSON.parse(row[4])));
    for (const code of regulated) expect(say(code, stored), code).toBe(say(code, PHONE_2001));
  });
});
