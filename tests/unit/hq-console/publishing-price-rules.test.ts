import { describe, expect, it } from 'vitest';
import { codeClashes, listRuleIssues, previewPrices } from '../../../src/hq/publishing/price-rules';
import { mergeImport } from '../../../src/hq-console/src/publishing/prices/rows';
import type { PriceDraft, PublishedPrice } from '../../../src/shared/hq-console/publishing-prices';

/** The price list's rules across rows and the preview against the published list, on lists written out by hand. */
const item = (code: string, over: Partial<PriceDraft> = {}): PriceDraft => ({ code, kind: 'labor', nameZh: code, nameEn: '', category: 'phone', priceFen: 1000, diagnosisFee: false, active: true, ...over });
const published: PublishedPrice[] = [
  { id: 'i1', ...item('LAB-A') },
  { id: 'i2', ...item('FEE-D', { kind: 'fee', diagnosisFee: true }) },
  { id: 'i3', ...item('LAB-OLD', { active: false }) },
];

describe('the price list preview', () => {
  it('adds rows of no published item, changes by id or by a published code, removes active items left out', () => {
    const p = previewPrices(published, [{ ...published[0]!, priceFen: 1200 }, item('lab-old', { nameZh: '旧' }), item('LAB-NEW')]);
    expect(p.added.map((a) => a.code)).toEqual(['LAB-NEW']);
    // 'lab-old' is LAB-OLD's code (codes are compared without case): the item keeps its id, now active.
    expect(p.changed.map((c) => [c.id, c.fields])).toEqual([['i1', ['priceFen']], ['i3', ['code', 'nameZh', 'active']]]);
    // FEE-D was left out: removed; LAB-OLD was inactive already, so leaving it out would remove nothing.
    expect(p.removed.map((r) => r.id)).toEqual(['i2']);
    expect(p.unchanged).toBe(0);
    expect(previewPrices(published, published)).toEqual({ added: [], changed: [], removed: [], unchanged: 3 });
  });

  it("holds the shop's rules across rows: unique codes, the diagnosis fee a fee, one active per category", () => {
    const issues = listRuleIssues([item('A'), item('a'), item('F1', { kind: 'fee', diagnosisFee: true }), item('F2', { kind: 'fee', diagnosisFee: true }), item('L', { diagnosisFee: true }), item('F3', { kind: 'fee', diagnosisFee: true, category: 'tablet' })]);
    expect(issues).toEqual([
      { field: 'items.1.code', key: 'bench.validation.codeTaken', params: { code: 'a' } },
      { field: 'items.3.diagnosisFee', key: 'bench.validation.diagnosisFeeTaken', params: { code: 'F1' } },
      { field: 'items.4.diagnosisFee', key: 'bench.validation.diagnosisFeeIsFee' },
    ]);
  });

  it('refuses a code another published item holds, even a removed one (the shops keep it)', () => {
    // LAB-A renamed to LAB-OLD, which the inactive item i3 still holds; a new row taking FEE-D's code is FEE-D itself.
    expect(codeClashes(published, [{ ...published[0]!, code: 'LAB-OLD' }, item('FEE-D')])).toEqual([{ field: 'items.0.code', key: 'bench.validation.codeTaken', params: { code: 'LAB-OLD' } }]);
    expect(codeClashes(published, [{ ...published[0]!, code: 'LAB-A2' }])).toEqual([]);
  });

  it('merges an import into the editor by code, keeping each row its item', () => {
    let n = 0;
    const rows = [{ key: 'i1', row: { id: 'i1', ...item('LAB-A') } }, { key: 'k', row: item('LAB-B') }];
    const merged = mergeImport(rows, [item('lab-a', { priceFen: 1500 }), item('LAB-C')], () => `n${++n}`);
    expect(merged).toMatchObject({ changed: 1, added: 1 });
    expect(merged.rows.map((r) => [r.key, r.row.id ?? null, r.row.code, r.row.priceFen])).toEqual([['i1', 'i1', 'lab-a', 1500], ['k', null, 'LAB-B', 1000], ['n1', null, 'LAB-C', 1000]]);
  });
});
