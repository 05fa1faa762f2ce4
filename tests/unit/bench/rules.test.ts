import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { authorizationCovers, authorizedLimit, checkedSplit, discountNeedsManager, judgeQc, legalDaysLeft, lineAmount, loanerDue, overLimit, qcChecklist, quoteTotals, ZERO_PAYERS } from '../../../src/shared/bench/rules';

describe('quote rules', () => {
  it('line amounts refuse negative and fractional input', () => {
    expect(lineAmount(2, 1999)).toBe(3998);
    expect(() => lineAmount(-1, 100)).toThrow();
    expect(() => lineAmount(1, -1)).toThrow();
    expect(() => lineAmount(1.5, 100)).toThrow();
  });

  it('totals: payer sums, discount only on the customer part', () => {
    const t = quoteTotals({
      lines: [
        { amountFen: 10000, payers: { ...ZERO_PAYERS, maker: 10000 } },
        { amountFen: 50000, payers: { ...ZERO_PAYERS, insurer: 30000, customer: 20000 } },
        { amountFen: 3000, payers: { ...ZERO_PAYERS, customer: 3000 } },
      ],
      discountFen: 1000,
    });
    expect(t).toEqual({ subtotalFen: 63000, payers: { ...ZERO_PAYERS, maker: 10000, insurer: 30000, customer: 23000 }, discountFen: 1000, customerTotalFen: 22000 });
    expect(quoteTotals({ lines: [{ amountFen: 100, payers: { ...ZERO_PAYERS, maker: 100 } }], discountFen: 50 }).customerTotalFen).toBe(0);
  });

  it('a split that does not add up is refused', () => {
    expect(() => checkedSplit(100, { ...ZERO_PAYERS, customer: 60, maker: 30 })).toThrow();
    expect(checkedSplit(100, { ...ZERO_PAYERS, customer: 60, maker: 40 }).maker).toBe(40);
  });

  it('totals: every fen has one payer (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100000), fc.nat(100000), fc.nat(100000)), { maxLength: 20 }), fc.nat(500000), (parts, discount) => {
        const lines = parts.map(([c, m, i]) => ({ amountFen: c + m + i, payers: { ...ZERO_PAYERS, customer: c, maker: m, insurer: i } }));
        const t = quoteTotals({ lines, discountFen: discount });
        expect(t.payers.customer + t.payers.maker + t.payers.insurer).toBe(t.subtotalFen);
        expect(t.customerTotalFen).toBeGreaterThanOrEqual(0);
        expect(t.customerTotalFen + t.discountFen).toBe(t.payers.customer);
      }),
    );
  });

  it('discount threshold', () => {
    expect(discountNeedsManager(500, 10000, 500)).toBe(false);
    expect(discountNeedsManager(501, 10000, 500)).toBe(true);
    expect(discountNeedsManager(1, 0, 500)).toBe(true);
  });

  it('the cap: authorized limit is the higher of total and cap', () => {
    const a = { totalFen: 15800, capFen: 20000 };
    expect(authorizedLimit(a)).toBe(20000);
    expect(authorizationCovers(a, 20000)).toBe(true);
    expect(authorizationCovers(a, 20001)).toBe(false);
    expect(overLimit(a, 21800)).toBe(1800);
    expect(authorizationCovers(null, 0)).toBe(false);
    expect(authorizationCovers({ totalFen: 15800, capFen: null }, 15800)).toBe(true);
  });

  it('legal countdown and the loaner rule', () => {
    expect(legalDaysLeft('2026-11-01', '2026-11-23', 30)).toBe(8);
    expect(legalDaysLeft('2026-10-01', '2026-11-23', 30)).toBe(-23);
    expect(legalDaysLeft('2026-10-01', '2026-11-23', null)).toBeNull();
    expect(loanerDue(8, 7, true)).toBe(true);
    expect(loanerDue(8, 7, false)).toBe(false);
    expect(loanerDue(7, 7, true)).toBe(false);
  });

  it('QC: every item, cosmetic never skipped, a failure needs a reason', () => {
    const list = qcChecklist('phone');
    const all = Object.fromEntries(list.map((k) => [k, 'pass' as const]));
    expect(judgeQc(list, all, '')).toEqual({ ok: true, passed: true });
    const { power: _p, ...missing } = all;
    expect(judgeQc(list, missing, '')).toMatchObject({ ok: false, missing: ['power'] });
    expect(judgeQc(list, { ...all, cosmetic: 'na' }, '')).toMatchObject({ ok: false, key: 'bench.qc.cosmeticRequired' });
    expect(judgeQc(list, { ...all, touch: 'fail' }, '')).toMatchObject({ ok: false, key: 'bench.qc.failReasonRequired' });
    expect(judgeQc(list, { ...all, touch: 'fail' }, '触摸失灵')).toEqual({ ok: true, passed: false });
    expect(qcChecklist('refrigerator')).toContain('electrical_safety');
    expect(qcChecklist('laptop')).toContain('keyboard');
  });
});
