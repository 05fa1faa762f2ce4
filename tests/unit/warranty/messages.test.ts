import { describe, it, expect } from 'vitest';
import { CATEGORY_IDS, FINDINGS, OPTION_KINDS, PAYERS, PRESETS, REASON_CODES, messages } from '../../../src/shared/warranty';

describe('warranty messages', () => {
  const zh = messages['zh-CN'];
  const en = messages.en;
  it('both locales have the same keys, all prefixed warranty.', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh).every((k) => k.startsWith('warranty.'))).toBe(true);
  });
  it('every reason, category, payer, option, finding and preset part has a sentence', () => {
    const keys = [
      ...REASON_CODES.map((c) => `warranty.reason.${c}`),
      ...CATEGORY_IDS.map((c) => `warranty.category.${c}`),
      ...PAYERS.map((c) => `warranty.payer.${c}`),
      ...OPTION_KINDS.map((c) => `warranty.option.${c}`),
      ...FINDINGS.map((c) => `warranty.finding.${c}`),
      ...PRESETS.flatMap((p) => [...p.mainParts, ...p.accessories].map((r) => `warranty.part.${r.id}`)),
    ];
    for (const k of keys) {
      expect(zh[k], k).toBeTruthy();
      expect(en[k], k).toBeTruthy();
    }
  });
  it('placeholders match between locales', () => {
    // A plain {name} or the argument of an ICU {name, plural, …}; plural branches start with '#'.
    const ph = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]))].sort();
    for (const k of Object.keys(zh)) expect(ph(en[k]!), k).toEqual(ph(zh[k]!));
  });
  it('every error key the code uses exists', async () => {
    const fs = await import('node:fs');
    const src = ['validate.ts', 'refund.ts', 'schemas.ts']
      .map((f) => fs.readFileSync(new URL(`../../../src/shared/warranty/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    for (const m of src.matchAll(/'(warranty\.error\.\w+)'/g)) expect(zh[m[1]!], m[1]).toBeTruthy();
  });
});
