import { describe, it, expect } from 'vitest';
import {
  AIR_CONDITIONER_1995,
  LAPTOP_2002,
  LCD_TV_2011,
  PHONE_2001,
  REFRIGERATOR_1995,
  evaluate,
  formatReason,
  type Decision,
  type Line,
} from '../../../src/shared/warranty';
import { fault, input } from './helpers';

const unitLabor: Line = { id: 'labor', type: 'labor', part: null, price: 8000 };
const opts = (d: Decision) => d.options.map((o) => o.option);
const codes = (rs: { code: string }[]) => rs.map((r) => r.code);

describe('periods run from the invoice date (民法典 corresponding-day rule)', () => {
  it('covers through the same date one year later, not the day after', () => {
    const on = evaluate(input({ today: '2026-03-10', lines: [unitLabor] }));
    expect(on.unitEnd).toBe('2026-03-10');
    expect(on.lines[0]!.status).toBe('covered');
    expect(on.lines[0]!.payers.maker).toBe(8000);
    const after = evaluate(input({ today: '2026-03-11', lines: [unitLabor] }));
    expect(after.lines[0]!.status).toBe('not_covered');
    expect(after.lines[0]!.reasons[0]).toEqual({ code: 'partExpired', params: { part: 'unit', period: '1y', end: '2026-03-10' } });
    expect(formatReason(after.lines[0]!.reasons[0]!, 'zh-CN')).toBe('整机保修期1年，已于2026-03-10到期');
    expect(formatReason(after.lines[0]!.reasons[0]!, 'en')).toBe('Whole unit warranty (1 year) expired on 2026-03-10');
  });
  it('a leap-day purchase ends on 28 February', () => {
    const d = evaluate(input({ device: { category: 'phone', purchasePrice: 1, hasInvoice: true, invoiceDate: '2024-02-29' }, today: '2025-02-28', lines: [unitLabor] }));
    expect(d.unitEnd).toBe('2025-02-28');
    expect(d.lines[0]!.status).toBe('covered');
    const next = evaluate(input({ device: { category: 'phone', purchasePrice: 1, hasInvoice: true, invoiceDate: '2024-02-29' }, today: '2025-03-01', lines: [unitLabor] }));
    expect(next.lines[0]!.status).toBe('not_covered');
  });
  it('records the policy version used', () => {
    const d = evaluate(input());
    expect(d.policyVersion).toBe(PHONE_2001.version);
    expect(d.policyId).toBe('cn.phone.2001');
  });
});

describe('last day on a rest day ends on the next working day', () => {
  const dev = (invoiceDate: string) => ({ category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate });
  it('National Day 2026: 10-01 → 10-08', () => {
    const d = evaluate(input({ device: dev('2025-10-01'), today: '2026-10-08', lines: [unitLabor] }));
    expect(d.unitEnd).toBe('2026-10-08');
    expect(d.lines[0]!.status).toBe('covered');
    expect(d.reasons).toContainEqual({ code: 'holidayExtended', params: { from: '2026-10-01', to: '2026-10-08', rest: 'holiday' } });
    expect(evaluate(input({ device: dev('2025-10-01'), today: '2026-10-09', lines: [unitLabor] })).lines[0]!.status).toBe('not_covered');
  });
  it('a plain Sunday moves to Monday', () => {
    expect(evaluate(input({ device: dev('2025-03-08'), today: '2025-04-01' })).unitEnd).toBe('2026-03-09');
  });
  it('a 调休 working Saturday does not move', () => {
    expect(evaluate(input({ device: dev('2025-02-28'), today: '2025-04-01' })).unitEnd).toBe('2026-02-28');
  });
  it('an accessory period ending in the Labour Day break moves too', () => {
    const d = evaluate(input({ device: dev('2025-11-03'), today: '2026-05-06', lines: [{ id: 'b', type: 'part', part: 'battery', price: 100 }] }));
    expect(d.lines[0]!.endDate).toBe('2026-05-06');
    expect(d.lines[0]!.status).toBe('covered');
  });
});

describe('days 1–7 and 8–15 (sale day is day 0)', () => {
  const at = (sentIn: string, performance = true) =>
    evaluate(input({ current: fault(sentIn, performance), today: sentIn }));
  it('day 7 allows return, exchange or repair; the refund is the invoice price', () => {
    const d = at('2025-03-17');
    expect(opts(d)).toEqual(['return', 'exchange', 'repair']);
    expect(d.options[0]!.refundAmount).toBe(300000);
    expect(codes(d.options[0]!.reasons)).toEqual(['returnWindow', 'refundFullPrice']);
  });
  it('day 8 allows exchange or repair only', () => {
    expect(opts(at('2025-03-18'))).toEqual(['exchange', 'repair']);
  });
  it('day 15 still allows exchange, day 16 only repair', () => {
    expect(opts(at('2025-03-25'))).toEqual(['exchange', 'repair']);
    expect(opts(at('2025-03-26'))).toEqual(['repair']);
  });
  it('is judged on the send-in day, not the day the diagnosis ends', () => {
    const d = evaluate(input({ current: fault('2025-03-17'), today: '2025-03-21' }));
    expect(opts(d)).toEqual(['return', 'exchange', 'repair']);
  });
  it('a fault not in the 性能故障表 gives repair only', () => {
    const d = at('2025-03-12', false);
    expect(opts(d)).toEqual(['repair']);
    expect(codes(d.reasons)).toContain('noListedFault');
  });
  it('a 7th day on National Day extends the return window to the next working day', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-09-24' };
    const d = evaluate(input({ device: dev, current: fault('2025-10-05'), today: '2025-10-05' }));
    expect(opts(d)).toContain('return');
    expect(d.options[0]!.reasons[0]!.params.end).toBe('2025-10-09');
  });
});

describe('time in repair does not count', () => {
  const visit = (sentIn: string, returnedOn: string, extra: object = {}) => ({
    faultCode: 'no_boot',
    sentIn,
    returnedOn,
    partsWaitDays: 0,
    outcome: 'fixed' as const,
    chargeable: false,
    partsReplaced: [],
    ...extra,
  });
  it('extends the period by the days of a warranty visit', () => {
    const d = evaluate(input({ history: [visit('2025-06-01', '2025-06-21')], today: '2026-03-30', lines: [unitLabor] }));
    expect(d.excludedDays).toBe(20);
    expect(d.unitEnd).toBe('2026-03-30');
    expect(d.lines[0]!.status).toBe('covered');
  });
  it('counts overlapping visits once', () => {
    const d = evaluate(input({ history: [visit('2025-06-01', '2025-06-21'), visit('2025-06-10', '2025-06-25')], today: '2025-07-01' }));
    expect(d.excludedDays).toBe(24);
    expect(d.unitEnd).toBe('2026-04-03');
  });
  it('a paid repair or a visit after expiry does not extend', () => {
    expect(evaluate(input({ history: [visit('2025-06-01', '2025-06-21', { chargeable: true })], today: '2025-07-01' })).unitEnd).toBe('2026-03-10');
    expect(evaluate(input({ history: [visit('2026-04-01', '2026-04-20')], today: '2026-05-01' })).unitEnd).toBe('2026-03-10');
  });
  it('a device handed in before expiry stays covered while it is in the shop', () => {
    const d = evaluate(input({ current: fault('2026-03-09', false), today: '2026-03-20', lines: [unitLabor] }));
    expect(d.unitEnd).toBe('2026-03-23'); // 03-10 + 11 days = Saturday 03-21 → Monday
    expect(d.lines[0]!.status).toBe('covered');
  });
});

describe('repeat repairs of the same fault', () => {
  const rep = (sentIn: string, returnedOn: string, faultCode = 'no_boot') => ({
    faultCode,
    sentIn,
    returnedOn,
    partsWaitDays: 0,
    outcome: 'fixed' as const,
    chargeable: false,
    partsReplaced: [],
  });
  const two = [rep('2025-05-01', '2025-05-03'), rep('2025-07-01', '2025-07-04')];
  it('after two repairs still failing the phone is exchanged (第十三条)', () => {
    const d = evaluate(input({ history: two, current: fault('2025-09-01'), today: '2025-09-01' }));
    expect(opts(d)).toEqual(['exchange', 'repair']);
    const ex = d.options[0]!;
    expect(ex.reasons[0]).toEqual({ code: 'repeatRepair', params: { count: 2, fault: 'no_boot', threshold: 2 } });
  });
  it('one repair, another fault, or an unlisted fault is not enough', () => {
    expect(opts(evaluate(input({ history: two.slice(0, 1), current: fault('2025-09-01'), today: '2025-09-01' })))).toEqual(['repair']);
    expect(opts(evaluate(input({ history: two, current: fault('2025-09-01', true, 'no_signal'), today: '2025-09-01' })))).toEqual(['repair']);
    expect(opts(evaluate(input({ history: two, current: fault('2025-09-01', false), today: '2025-09-01' })))).toEqual(['repair']);
  });
  it('household rule: exchange or refund with depreciation (第十一条, 第十三条)', () => {
    const dev = { category: 'refrigerator' as const, purchasePrice: 400000, hasInvoice: true, invoiceDate: '2025-03-10' };
    const d = evaluate(input({ device: dev, history: two, current: fault('2025-09-01', false), today: '2025-09-01' }, REFRIGERATOR_1995));
    expect(opts(d)).toEqual(['return', 'exchange', 'repair']);
    // 175 days elapsed − 5 days in repair (2 + 3) − 0 for the current visit (sent in today) = 170 days
    // depreciation = 400000 × 0.05 % × 170 = 34000
    expect(d.options[0]!.refundAmount).toBe(366000);
  });
});

describe('repair-time limits and the loaner', () => {
  const at = (today: string, partsWaitDays = 0) =>
    evaluate(input({ current: fault('2025-06-01', false, 'no_boot', partsWaitDays), today }));
  it('60 days waiting for parts → exchange on day 61 (第十六条)', () => {
    expect(opts(at('2025-07-31', 50))).toEqual(['repair']);
    const d = at('2025-08-01', 50);
    expect(opts(d)).toEqual(['exchange', 'repair']);
    expect(codes(d.options[0]!.reasons)).toContain('partsWaitExceeded');
  });
  it("30 days of the repairer's own delay → exchange on day 31", () => {
    expect(opts(at('2025-07-01'))).toEqual(['repair']);
    expect(codes(at('2025-07-02').options[0]!.reasons)).toEqual(['repairerDelayExceeded']);
  });
  it('a loaner is due after 7 days', () => {
    expect(at('2025-06-08').loaner.due).toBe(false);
    expect(at('2025-06-09').loaner).toEqual({ due: true, reasons: [{ code: 'loanerDue', params: { days: 8, limit: 7 } }] });
  });
});

describe('no invoice', () => {
  it('phone: period starts factory date + 90 days, free repair only', () => {
    const dev = { category: 'phone' as const, purchasePrice: 300000, hasInvoice: false, factoryDate: '2025-01-01' };
    const d = evaluate(input({ device: dev, current: fault('2025-04-03'), today: '2025-04-03', lines: [unitLabor] }));
    expect(d.start).toBe('2025-04-01');
    expect(d.startBasis).toBe('factory_offset');
    expect(d.unitEnd).toBe('2026-04-01');
    expect(opts(d)).toEqual(['repair']);
    expect(codes(d.reasons)).toContain('noInvoiceRepairOnly');
    expect(d.lines[0]!.status).toBe('covered');
    const late = evaluate(input({ device: dev, today: '2026-04-02', lines: [unitLabor] }));
    expect(late.lines[0]!.status).toBe('not_covered');
  });
  it('phone: other evidence of the sale date keeps repair and exchange, not return', () => {
    const dev = { category: 'phone' as const, purchasePrice: 300000, hasInvoice: false, otherProofDate: '2025-03-10' };
    const d = evaluate(input({ device: dev, current: fault('2025-03-12'), today: '2025-03-12' }));
    expect(d.startBasis).toBe('other_proof');
    expect(opts(d)).toEqual(['exchange', 'repair']);
  });
  it('household: no invoice, no start, nothing covered', () => {
    const dev = { category: 'refrigerator' as const, purchasePrice: 1, hasInvoice: false, factoryDate: '2025-01-01' };
    const d = evaluate(input({ device: dev, lines: [unitLabor] }, REFRIGERATOR_1995));
    expect(d.start).toBeNull();
    expect(d.lines[0]!.status).toBe('not_covered');
    expect(codes(d.lines[0]!.reasons)).toEqual(['noStartDate']);
    expect(d.options).toEqual([]);
  });
  it('a no_proof finding is treated as no invoice', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10', factoryDate: '2025-01-01' };
    expect(evaluate(input({ device: dev, findings: ['no_proof'] })).startBasis).toBe('factory_offset');
  });
});

describe('exchange restarts the warranty', () => {
  it('runs a new year from the exchange date, windows still from the sale', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10', exchangeDate: '2025-08-01' };
    const d = evaluate(input({ device: dev, today: '2026-06-01', lines: [unitLabor] }));
    expect(d.startBasis).toBe('exchange');
    expect(d.unitEnd).toBe('2026-08-03'); // 2026-08-01 is a Saturday
    expect(d.lines[0]!.status).toBe('covered');
  });
  it('repairs of the old unit do not count towards the new one', () => {
    const old = { faultCode: 'no_boot', sentIn: '2025-05-01', returnedOn: '2025-05-20', partsWaitDays: 0, outcome: 'fixed' as const, chargeable: false, partsReplaced: [] };
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10', exchangeDate: '2025-08-01' };
    const d = evaluate(input({ device: dev, history: [old, { ...old, sentIn: '2025-06-01', returnedOn: '2025-06-05' }], current: fault('2025-10-01'), today: '2025-10-01' }));
    expect(d.excludedDays).toBe(0);
    expect(opts(d)).toEqual(['repair']);
  });
});

describe('replaced parts and the repair warranty', () => {
  it('a replaced battery is warranted until completion + its own period when that is later', () => {
    const h = [{ faultCode: 'battery', sentIn: '2025-08-18', returnedOn: '2025-08-20', partsWaitDays: 0, outcome: 'fixed' as const, chargeable: true, partsReplaced: [{ part: 'battery', completedOn: '2025-08-20', period: { n: 6, unit: 'month' as const } }] }];
    const d = evaluate(input({ history: h, today: '2026-02-24', lines: [{ id: 'b', type: 'part', part: 'battery', price: 9000 }] }));
    expect(d.lines[0]!.endDate).toBe('2026-02-24'); // 2026-02-20 falls in the Spring Festival break
    expect(d.lines[0]!.status).toBe('covered');
    expect(codes(d.lines[0]!.reasons)).toEqual(['replacedPart', 'accessoryCovered']);
  });
  it('keeps the original end when that is later', () => {
    const h = [{ faultCode: 'x', sentIn: '2025-03-20', returnedOn: '2025-03-20', partsWaitDays: 0, outcome: 'fixed' as const, chargeable: false, partsReplaced: [{ part: 'charger', completedOn: '2025-03-20', period: { n: 3, unit: 'month' as const } }] }];
    const d = evaluate(input({ history: h, today: '2025-12-01', lines: [{ id: 'c', type: 'part', part: 'charger', price: 100 }] }));
    expect(d.lines[0]!.endDate).toBe('2026-03-10');
    expect(codes(d.lines[0]!.reasons)).toEqual(['accessoryCovered']);
  });
  it('the same fault within the repair warranty is on the shop; after it, on the customer', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2024-01-05' };
    const h = [{ faultCode: 'no_boot', sentIn: '2025-04-28', returnedOn: '2025-05-01', partsWaitDays: 0, outcome: 'fixed' as const, chargeable: true, partsReplaced: [] }];
    const inside = evaluate(input({ device: dev, history: h, current: fault('2025-07-01'), today: '2025-07-01', lines: [unitLabor] }));
    expect(inside.lines[0]!.payers).toEqual({ customer: 0, maker: 0, shop: 8000, extended_warranty: 0, insurer: 0 });
    expect(inside.lines[0]!.reasons.at(-1)).toEqual({ code: 'repairWarranty', params: { fault: 'no_boot', days: 90, end: '2025-07-30' } });
    const outside = evaluate(input({ device: dev, history: h, current: fault('2025-08-05'), today: '2025-08-05', lines: [unitLabor] }));
    expect(outside.lines[0]!.payers.customer).toBe(8000);
  });
});

describe('exclusions found at intake', () => {
  const lines: Line[] = [unitLabor, { id: 'c', type: 'part', part: 'charger', price: 5000 }];
  it('liquid voids unit cover and 三包 options but not a separately sold charger', () => {
    const d = evaluate(input({ findings: ['liquid'], current: fault('2025-03-12'), today: '2025-03-12', lines }));
    expect(d.lines[0]!.status).toBe('not_covered');
    expect(d.lines[0]!.reasons).toEqual([{ code: 'excluded', params: { finding: 'liquid' } }]);
    expect(formatReason(d.lines[0]!.reasons[0]!, 'zh-CN')).toBe('检测发现：进水/进液，相关保修不适用');
    expect(d.lines[1]!.status).toBe('covered');
    expect(d.options).toEqual([]);
    expect(codes(d.reasons)).toContain('sanbaoVoided');
  });
  it.each(['tampered_seal', 'altered_proof', 'serial_mismatch'] as const)('%s voids everything', (f) => {
    const d = evaluate(input({ findings: [f], lines }));
    expect(d.lines.map((l) => l.status)).toEqual(['not_covered', 'not_covered']);
  });
  it.each(['impact', 'unauthorized_repair', 'rooted'] as const)('%s voids unit cover', (f) => {
    expect(evaluate(input({ findings: [f], lines })).lines[0]!.status).toBe('not_covered');
  });
});

describe('main parts', () => {
  const dev = { category: 'laptop' as const, purchasePrice: 600000, hasInvoice: true, invoiceDate: '2025-03-10' };
  it('a laptop mainboard and its labor are covered in year two, a hinge is not', () => {
    const d = evaluate(
      input(
        {
          device: dev,
          today: '2026-06-01',
          lines: [
            { id: 'mb', type: 'part', part: 'mainboard', price: 200000 },
            { id: 'mbl', type: 'labor', part: 'mainboard', price: 10000 },
            { id: 'h', type: 'part', part: 'hinge', price: 5000 },
          ],
        },
        LAPTOP_2002,
      ),
    );
    expect(d.lines.map((l) => l.status)).toEqual(['covered', 'covered', 'not_covered']);
    expect(d.lines[0]!.endDate).toBe('2027-03-10');
  });
  it('labor is charged after the unit period when the policy says so', () => {
    const policy = { ...LAPTOP_2002, mainPartLaborCovered: false };
    const d = evaluate(input({ device: dev, today: '2026-06-01', lines: [{ id: 'mbl', type: 'labor', part: 'mainboard', price: 10000 }] }, policy));
    expect(d.lines[0]!.status).toBe('not_covered');
    expect(codes(d.lines[0]!.reasons)).toContain('mainPartLaborNotCovered');
  });
  it('a flat TV starts at installation', () => {
    const tv = { category: 'tv' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10', installDate: '2025-03-20' };
    const d = evaluate(input({ device: tv }, LCD_TV_2011));
    expect(d.startBasis).toBe('installation');
    expect(d.unitEnd).toBe('2026-03-20');
  });
});

describe('service programs and payer splits', () => {
  const ext = { kind: 'extended_warranty' as const, id: 'ext2', years: 2, coversAccessories: false };
  it('extended warranty starts the day after the maker warranty ends', () => {
    const d = evaluate(input({ programs: [ext], today: '2026-03-11', lines: [unitLabor] }));
    expect(d.lines[0]!.payers.extended_warranty).toBe(8000);
    expect(d.lines[0]!.reasons.at(-1)).toEqual({ code: 'extendedWarranty', params: { program: 'ext2', start: '2026-03-11', end: '2028-03-10' } });
    const before = evaluate(input({ programs: [ext], today: '2026-03-10', lines: [unitLabor] }));
    expect(before.lines[0]!.payers.maker).toBe(8000);
    const after = evaluate(input({ programs: [ext], today: '2028-03-13', lines: [unitLabor] }));
    expect(after.lines[0]!.payers.customer).toBe(8000);
    expect(codes(after.lines[0]!.reasons)).toContain('extendedWarrantyExpired');
  });
  it('extended warranty skips accessories and is voided by liquid', () => {
    const d = evaluate(input({ programs: [ext], today: '2026-06-01', lines: [{ id: 'c', type: 'part', part: 'charger', price: 100 }] }));
    expect(d.lines[0]!.payers.customer).toBe(100);
    expect(evaluate(input({ programs: [ext], findings: ['liquid'], today: '2026-06-01', lines: [unitLabor] })).lines[0]!.payers.customer).toBe(8000);
  });
  const adh = {
    kind: 'accidental_damage' as const,
    id: 'adh',
    validFrom: '2025-03-10',
    validTo: '2026-03-09',
    discountBp: 8000,
    deductible: 10000,
    capPerClaim: 200000,
    capPerTerm: 300000,
    usedThisTerm: 0,
    covers: ['impact' as const, 'liquid' as const],
  };
  const screen: Line[] = [
    { id: 's', type: 'part', part: 'screen', price: 150000 },
    { id: 'l', type: 'labor', part: 'screen', price: 20000 },
  ];
  it('accidental damage: insurer pays (price − deductible) × 80 %, split over the lines', () => {
    const d = evaluate(input({ programs: [adh], findings: ['impact'], lines: screen }));
    expect(d.lines[0]!.payers).toEqual({ customer: 37059, maker: 0, shop: 0, extended_warranty: 0, insurer: 112941 });
    expect(d.lines[1]!.payers).toEqual({ customer: 4941, maker: 0, shop: 0, extended_warranty: 0, insurer: 15059 });
    expect(d.lines.map((l) => l.status)).toEqual(['partly_covered', 'partly_covered']);
    const r = d.lines[0]!.reasons.find((x) => x.code === 'accidentalDamage')!;
    expect(formatReason(r, 'zh-CN')).toBe('意外保按80%承担，扣除免赔额¥100.00，本项赔付¥1,129.41');
  });
  it('accidental damage is capped per claim and by what is left of the term', () => {
    const capped = evaluate(input({ programs: [{ ...adh, capPerClaim: 50000 }], findings: ['impact'], lines: screen }));
    expect(capped.lines[0]!.payers.insurer + capped.lines[1]!.payers.insurer).toBe(50000);
    expect(codes(capped.lines[0]!.reasons)).toContain('accidentalCapped');
    const term = evaluate(input({ programs: [{ ...adh, usedThisTerm: 280000 }], findings: ['impact'], lines: screen }));
    expect(term.lines[0]!.payers.insurer + term.lines[1]!.payers.insurer).toBe(20000);
    expect(codes(term.lines[0]!.reasons)).toContain('accidentalTermExhausted');
  });
  it('accidental damage needs an accident finding and a valid term', () => {
    expect(evaluate(input({ programs: [adh], lines: screen })).lines[0]!.payers.maker).toBe(150000);
    expect(evaluate(input({ programs: [adh], findings: ['impact'], today: '2026-03-10', lines: screen })).lines[0]!.payers.insurer).toBe(0);
    expect(evaluate(input({ programs: [adh], findings: ['impact', 'tampered_seal'], lines: screen })).lines[0]!.payers.insurer).toBe(0);
  });
  it('replace-instead-of-repair: fixed fee, or a capped share of the price', () => {
    const fixed = { kind: 'replace_instead_of_repair' as const, id: 'r1', validFrom: '2025-03-10', validTo: '2027-03-09', fee: { kind: 'fixed' as const, amount: 49900 } };
    expect(evaluate(input({ programs: [fixed] })).options.at(-1)).toMatchObject({ option: 'replace', fee: 49900, programId: 'r1' });
    const share = { ...fixed, id: 'r2', fee: { kind: 'share' as const, shareBp: 3000, cap: 80000 } };
    expect(evaluate(input({ programs: [share] })).options.at(-1)!.fee).toBe(80000);
    const uncapped = { ...fixed, id: 'r3', fee: { kind: 'share' as const, shareBp: 2500, cap: 80000 } };
    expect(evaluate(input({ programs: [uncapped] })).options.at(-1)!.fee).toBe(75000);
    expect(evaluate(input({ programs: [fixed], findings: ['liquid'] })).options).toEqual([]);
  });
  it('household AC line shows main-part cover with the part named', () => {
    const dev = { category: 'air_conditioner' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10' };
    const d = evaluate(input({ device: dev, today: '2027-01-01', lines: [{ id: 'c', type: 'part', part: 'compressor', price: 100 }] }, AIR_CONDITIONER_1995));
    expect(formatReason(d.lines[0]!.reasons[0]!, 'zh-CN', AIR_CONDITIONER_1995)).toBe('主要部件压缩机在保修期内（至2028-03-10）（《部分商品修理更换退货责任规定》附件）');
  });
});
