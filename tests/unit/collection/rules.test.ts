import { describe, expect, it } from 'vitest';
import { cashDifference, checkTenders, closeFigures, discountFromBp, maskIdNumber, mulDivHalfUp, phoneLast4Matches, replacedPartWarrantyEnd, settle, taxSplit } from '../../../src/shared/collection/rules';

describe('settlement arithmetic', () => {
  it('rounds half up exactly, in integers', () => {
    expect(mulDivHalfUp(158000, 13, 113)).toBe(18177); // 18176.99…
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(4, 1, 8)).toBe(1); // 0.5 → 1
    expect(mulDivHalfUp(Number.MAX_SAFE_INTEGER - 1, 1, 1)).toBe(Number.MAX_SAFE_INTEGER - 1);
    expect(discountFromBp(15800, 1000)).toBe(1580);
    expect(discountFromBp(99, 500)).toBe(5); // 4.95 → 5
  });

  it('splits tax out of inclusive prices and adds it to exclusive ones; net + tax = gross always', () => {
    expect(taxSplit(11300, 1300, true)).toMatchObject({ grossFen: 11300, taxFen: 1300, netFen: 10000 });
    expect(taxSplit(10000, 1300, false)).toMatchObject({ grossFen: 11300, taxFen: 1300, netFen: 10000 });
    for (const a of [1, 7, 99, 12345, 158000]) {
      const s = taxSplit(a, 600, true);
      expect(s.netFen + s.taxFen).toBe(s.grossFen);
    }
    expect(taxSplit(0, 1300, true)).toMatchObject({ grossFen: 0, taxFen: 0 });
  });

  it('deducts the deposit and earlier payments; a deposit above the total leaves a credit', () => {
    const s = settle({ customerDueFen: 158000, taxRateBp: 1300, pricesIncludeTax: true, paidFen: 5000, depositFen: 5000 });
    expect(s).toMatchObject({ totalFen: 158000, dueNowFen: 153000, discountFen: 0 });
    const d = settle({ customerDueFen: 158000, discountBp: 1000, taxRateBp: 1300, pricesIncludeTax: true, paidFen: 0, depositFen: 0 });
    expect(d).toMatchObject({ discountFen: 15800, totalFen: 142200 });
    const c = settle({ customerDueFen: 5000, taxRateBp: 1300, pricesIncludeTax: true, paidFen: 8000, depositFen: 8000 });
    expect(c.dueNowFen).toBe(-3000);
    const x = settle({ customerDueFen: 10000, taxRateBp: 1300, pricesIncludeTax: false, paidFen: 0, depositFen: 0 });
    expect(x).toMatchObject({ totalFen: 11300, dueNowFen: 11300 });
    expect(() => settle({ customerDueFen: 100, discountFen: 101, taxRateBp: 0, pricesIncludeTax: true, paidFen: 0, depositFen: 0 })).toThrow(RangeError);
  });
});

describe('tenders', () => {
  it('accepts split tenders adding up to the amount due, with change from cash only', () => {
    const r = checkTenders([{ tender: 'cash', amountFen: 53000, receivedFen: 60000 }, { tender: 'wechat', amountFen: 100000, reference: 'WX1' }], 153000, { balanceAllowed: false });
    expect(r).toEqual({ issues: [], totalFen: 153000, changeFen: 7000, balanceFen: 0 });
  });
  it('refuses a mismatch, change on a card, too little cash, a missing reference', () => {
    expect(checkTenders([{ tender: 'cash', amountFen: 100 }], 200, { balanceAllowed: false }).issues.map((i) => i.key)).toEqual(['collection.validation.tenderTotalMismatch']);
    expect(checkTenders([{ tender: 'card', amountFen: 200, receivedFen: 300, reference: 'P' }], 200, { balanceAllowed: false }).issues.map((i) => i.path)).toEqual(['tenders.0.receivedFen']);
    expect(checkTenders([{ tender: 'cash', amountFen: 200, receivedFen: 100 }], 200, { balanceAllowed: false }).issues.map((i) => i.key)).toEqual(['collection.validation.receivedTooLittle']);
    expect(checkTenders([{ tender: 'transfer', amountFen: 200 }], 200, { balanceAllowed: false }).issues.map((i) => i.key)).toEqual(['collection.validation.referenceRequired']);
  });
  it('lets a balance remain only when allowed, never an overpayment', () => {
    expect(checkTenders([{ tender: 'cash', amountFen: 100 }], 200, { balanceAllowed: true })).toMatchObject({ issues: [], balanceFen: 100 });
    expect(checkTenders([{ tender: 'cash', amountFen: 300 }], 200, { balanceAllowed: true }).issues).toHaveLength(1);
    expect(checkTenders([{ tender: 'cash', amountFen: 100 }], -500, { balanceAllowed: false }).issues).toHaveLength(1);
    expect(checkTenders([], -500, { balanceAllowed: false }).issues).toHaveLength(0);
  });
});

describe('identity, warranty dates, daily close', () => {
  it('matches the last four digits of any phone; keeps only an ID\'s last four', () => {
    expect(phoneLast4Matches(['138 0013 8000', '0755-8600 1234'], '1234')).toBe(true);
    expect(phoneLast4Matches(['138 0013 8000'], '0013')).toBe(false);
    expect(phoneLast4Matches(['138 0013 8000'], '800')).toBe(false);
    expect(maskIdNumber('44030119900101123X')).toBe('**************123X');
  });
  it('warrants a replaced part until the later of the original end and completion + its own period, rolled past rest days as the engine rolls', () => {
    expect(replacedPartWarrantyEnd('2027-03-01', '2026-11-23', 90)).toBe('2027-03-01');
    // 2026-11-23 + 90 days = Sunday 2027-02-21 → Monday 02-22 (民法典 第二百零三条; the built-in calendar has no 2027 schedule, so weekends only)
    expect(replacedPartWarrantyEnd('2026-12-01', '2026-11-23', 90)).toBe('2027-02-22');
    // + 180 days = Saturday 2027-05-22 → Monday 05-24
    expect(replacedPartWarrantyEnd(null, '2026-11-23', 180)).toBe('2027-05-24');
    // A working-day end does not move: + 91 days = Monday 2027-02-22
    expect(replacedPartWarrantyEnd(null, '2026-11-23', 91)).toBe('2027-02-22');
  });
  it('a replaced part ending inside National Day 2026 ends on the first working day after (the same date the engine gives)', async () => {
    const { evaluate, PHONE_2001 } = await import('../../../src/shared/warranty');
    // Battery replaced 2026-04-01, 6 months → 2026-10-01 (National Day, off 10-01…10-07 in the 2026 schedule).
    const end = replacedPartWarrantyEnd(null, '2026-04-01', 183);
    const d = evaluate({
      policy: PHONE_2001,
      device: { category: 'phone', purchasePrice: 100000, hasInvoice: true, invoiceDate: '2025-01-05' },
      programs: [],
      findings: [],
      history: [{ faultCode: 'battery', sentIn: '2026-04-01', returnedOn: '2026-04-01', partsWaitDays: 0, outcome: 'fixed', chargeable: false, partsReplaced: [{ part: 'battery', completedOn: '2026-04-01', period: { n: 183, unit: 'day' } }] }],
      today: '2026-10-02',
      lines: [{ id: 'b', type: 'part', part: 'battery', price: 9900 }],
    });
    expect(d.lines[0]!.endDate).toBe(end);
    expect(end).toBe('2026-10-08');
  });
  it('adds a day up by tender; expected cash is cash in less cash out; a difference needs a reason', () => {
    const f = closeFigures([
      { kind: 'deposit', tender: 'cash', amountFen: 5000 },
      { kind: 'settlement', tender: 'cash', amountFen: 3000 },
      { kind: 'settlement', tender: 'card', amountFen: 150000 },
      { kind: 'refund', tender: 'cash', amountFen: -2000 },
      { kind: 'void', tender: 'card', amountFen: -150000 },
    ]);
    expect(f.byTender.find((x) => x.tender === 'cash')).toEqual({ tender: 'cash', count: 3, inFen: 8000, outFen: 2000, netFen: 6000 });
    expect(f).toMatchObject({ salesFen: 153000, depositsTakenFen: 5000, refundsFen: 2000, voidsFen: 150000, netFen: 6000, expectedCashFen: 6000, payments: 5 });
    expect(f.salesFen + f.depositsTakenFen - f.refundsFen - f.voidsFen).toBe(f.netFen);
    expect(cashDifference(6000, 5900)).toEqual({ differenceFen: -100, needsReason: true });
    expect(cashDifference(6000, 6000)).toEqual({ differenceFen: 0, needsReason: false });
  });
});
