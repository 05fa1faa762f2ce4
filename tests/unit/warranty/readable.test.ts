import { describe, expect, it } from 'vitest';
import { evaluate, formatReason, type Reason } from '../../../src/shared/warranty';
import { fault, input } from './helpers';

/** Reasons a person reads: codes by their names, rolled windows say why, English counts agree. */
const zh = (r: Reason) => formatReason(r, 'zh-CN');
const en = (r: Reason) => formatReason(r, 'en');

describe('readable reasons', () => {
  it('a fault code reads by its name in both languages', () => {
    const r: Reason = { code: 'repeatRepair', params: { count: 2, fault: 'no_power', threshold: 2 } };
    expect(zh(r)).toBe('同一故障（不开机/无电源）已修理2次仍不能正常使用');
    expect(en(r)).toBe('Same fault (Does not power on) repaired 2 times and still failing');
  });

  it('an exchange window whose 15th day is National Day says it was extended and why, not "day 16 of 15"', () => {
    // Sold 2026-09-16: day 15 is 2026-10-01 (国庆节, off 10-01…10-07), so the window runs to Thursday 10-08.
    const dev = { category: 'phone' as const, purchasePrice: 300000, hasInvoice: true, invoiceDate: '2026-09-16' };
    const d = evaluate(input({ device: dev, current: fault('2026-10-02'), today: '2026-10-02' }));
    const r = d.options.find((o) => o.option === 'exchange')!.reasons[0]!;
    expect(r).toEqual({ code: 'exchangeWindow', params: { day: 16, days: 15, end: '2026-10-08', rolledFrom: '2026-10-01', rest: 'holiday' } });
    expect(zh(r)).toBe('售出后第16日出现性能故障，在15日换货期内（期满日2026-10-01为法定节假日，顺延至2026-10-08），可选择换货或修理');
    expect(en(r)).toBe('Listed fault on day 16 after sale, inside the 15-day exchange window (its last day 2026-10-01 is a public holiday, so it runs to 2026-10-08): exchange or repair');
  });

  it('a window ending on an ordinary Sunday says 休息日', () => {
    // Sold Sunday 2025-03-09 → day 7 is Sunday 03-16 → Monday 03-17.
    const dev = { category: 'phone' as const, purchasePrice: 300000, hasInvoice: true, invoiceDate: '2025-03-09' };
    const d = evaluate(input({ device: dev, current: fault('2025-03-17'), today: '2025-03-17' }));
    const r = d.options.find((o) => o.option === 'return')!.reasons[0]!;
    expect(zh(r)).toBe('售出后第8日出现性能故障，在7日退货期内（期满日2025-03-16为休息日，顺延至2025-03-17），可选择退货、换货或修理');
  });

  it('English counts agree with their number', () => {
    expect(en({ code: 'periodExtended', params: { days: 1 } })).toBe('1 day in repair or waiting for parts extends the warranty');
    expect(en({ code: 'periodExtended', params: { days: 3 } })).toBe('3 days in repair or waiting for parts extend the warranty');
    expect(en({ code: 'refundDepreciated', params: { days: 1, depreciation: 1500, amount: 298500 } })).toBe('1 day of use, depreciation ¥15.00, refund ¥2,985.00');
    expect(en({ code: 'loanerDue', params: { days: 8, limit: 7 } })).toBe('In repair for 8 days (over 7): a loaner is due');
    expect(zh({ code: 'periodExtended', params: { days: 1 } })).toBe('维修占用及待修时间1天已顺延');
  });
});
