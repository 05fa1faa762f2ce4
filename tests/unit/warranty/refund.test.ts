import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../src/shared/api/errors';
import { addDays, computeRefund } from '../../../src/shared/warranty';

describe('refund with depreciation', () => {
  it('phone: 0.5 %/day over the days used, repair days excluded', () => {
    // 2025-03-10 → 2025-04-09 = 30 days, minus 10 in repair = 20 days × 0.5 % = 10 %
    expect(computeRefund({ price: 300000, depreciationPpmPerDay: 5000, invoiceDate: '2025-03-10', returnDate: '2025-04-09', repairDays: 10 })).toEqual({
      daysUsed: 20,
      depreciation: 30000,
      refund: 270000,
    });
  });
  it('rounds depreciation down to the fen (in the customer’s favour)', () => {
    // 199 × 0.5 % × 3 = 2.985 fen → 2
    expect(computeRefund({ price: 199, depreciationPpmPerDay: 5000, invoiceDate: '2025-03-10', returnDate: '2025-03-13', repairDays: 0 }).depreciation).toBe(2);
  });
  it('a same-day return and repair days beyond the elapsed days cost nothing', () => {
    expect(computeRefund({ price: 5000, depreciationPpmPerDay: 5000, invoiceDate: '2025-03-10', returnDate: '2025-03-10', repairDays: 0 }).refund).toBe(5000);
    expect(computeRefund({ price: 5000, depreciationPpmPerDay: 5000, invoiceDate: '2025-03-10', returnDate: '2025-03-20', repairDays: 30 }).refund).toBe(5000);
  });
  it('never goes below zero', () => {
    expect(computeRefund({ price: 5000, depreciationPpmPerDay: 5000, invoiceDate: '2024-03-10', returnDate: '2025-03-20', repairDays: 0 }).refund).toBe(0);
  });
  it('rejects bad input with typed errors', () => {
    const bad = () => computeRefund({ price: -1, depreciationPpmPerDay: 5000, invoiceDate: '2025-03-10', returnDate: '2025-03-01', repairDays: 0 });
    expect(bad).toThrow(AppError);
    try {
      bad();
    } catch (e) {
      expect((e as AppError).fields.map((f) => f.key)).toEqual(['warranty.error.negativeAmount', 'warranty.error.returnBeforePurchase']);
    }
  });
  it('0 ≤ refund ≤ price, refund + depreciation = price (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 5000 }),
        (price, ppm, days, repairDays) => {
          const r = computeRefund({ price, depreciationPpmPerDay: ppm, invoiceDate: '2024-01-01', returnDate: addDays('2024-01-01', days), repairDays });
          expect(r.refund).toBeGreaterThanOrEqual(0);
          expect(r.refund).toBeLessThanOrEqual(price);
          expect(r.refund + r.depreciation).toBe(price);
          expect(Number.isInteger(r.refund)).toBe(true);
        },
      ),
    );
  });
});
