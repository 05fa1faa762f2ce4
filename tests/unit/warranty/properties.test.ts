import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LAPTOP_2002, PHONE_2001, addDays, evaluate, toDay, type EvaluationInput, type Finding, type Program } from '../../../src/shared/warranty';

const dateIn = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));

const visitArb = fc.record({
  sentOffset: fc.integer({ min: 0, max: 500 }),
  length: fc.integer({ min: 0, max: 60 }),
  chargeable: fc.boolean(),
});

function build(invoice: string, visits: { sentOffset: number; length: number; chargeable: boolean }[], today: string): EvaluationInput {
  const t = toDay(today);
  return {
    policy: PHONE_2001,
    device: { category: 'phone', purchasePrice: 300000, hasInvoice: true, invoiceDate: invoice },
    programs: [],
    findings: [],
    history: visits
      .map((v) => ({ sent: addDays(invoice, v.sentOffset), back: addDays(invoice, v.sentOffset + v.length), chargeable: v.chargeable }))
      .filter((v) => toDay(v.back) <= t)
      .map((v) => ({ faultCode: 'f', sentIn: v.sent, returnedOn: v.back, partsWaitDays: 0, outcome: 'fixed' as const, chargeable: v.chargeable, partsReplaced: [] })),
    today,
    lines: [
      { id: 'u', type: 'labor', part: null, price: 1000 },
      { id: 'b', type: 'part', part: 'battery', price: 1000 },
    ],
  };
}

describe('properties', () => {
  it('adding repair days never shortens a period', () => {
    fc.assert(
      fc.property(dateIn('2024-01-01', 700), fc.array(visitArb, { maxLength: 4 }), visitArb, (invoice, visits, extra) => {
        const today = addDays(invoice, 900);
        const a = evaluate(build(invoice, visits, today));
        const b = evaluate(build(invoice, [...visits, extra], today));
        expect(toDay(b.unitEnd!)).toBeGreaterThanOrEqual(toDay(a.unitEnd!));
        for (let i = 0; i < a.lines.length; i++) expect(toDay(b.lines[i]!.endDate!)).toBeGreaterThanOrEqual(toDay(a.lines[i]!.endDate!));
      }),
    );
  });

  const findingsArb = fc.subarray(['liquid', 'impact', 'tampered_seal', 'rooted'] as Finding[]);
  const programsArb = fc.record({
    ext: fc.option(fc.integer({ min: 1, max: 3 })),
    adh: fc.option(
      fc.record({
        discountBp: fc.integer({ min: 0, max: 10000 }),
        deductible: fc.integer({ min: 0, max: 50000 }),
        capPerClaim: fc.integer({ min: 0, max: 500000 }),
        capPerTerm: fc.integer({ min: 0, max: 800000 }),
        usedThisTerm: fc.integer({ min: 0, max: 800000 }),
      }),
    ),
  });
  it('amounts per payer are whole fen and sum exactly to the line price', () => {
    fc.assert(
      fc.property(
        dateIn('2024-01-01', 700),
        fc.integer({ min: 0, max: 1500 }),
        findingsArb,
        programsArb,
        fc.array(
          fc.record({
            type: fc.constantFrom('labor' as const, 'part' as const),
            part: fc.constantFrom(null, 'mainboard', 'display', 'hinge'),
            price: fc.integer({ min: 0, max: 2_000_000 }),
          }),
          { maxLength: 6 },
        ),
        (invoice, age, findings, pr, lines) => {
          const programs: Program[] = [];
          if (pr.ext !== null) programs.push({ kind: 'extended_warranty', id: 'e', years: pr.ext, coversAccessories: false });
          if (pr.adh !== null)
            programs.push({ kind: 'accidental_damage', id: 'a', validFrom: invoice, validTo: addDays(invoice, 2000), covers: ['impact', 'liquid'], ...pr.adh });
          const d = evaluate({
            policy: LAPTOP_2002,
            device: { category: 'laptop', purchasePrice: 500000, hasInvoice: true, invoiceDate: invoice },
            programs,
            findings,
            history: [],
            today: addDays(invoice, age),
            lines: lines.map((l, i) => ({ id: String(i), ...l })),
          });
          d.lines.forEach((ld, i) => {
            const p = ld.payers;
            const values = [p.customer, p.maker, p.shop, p.extended_warranty, p.insurer];
            for (const v of values) {
              expect(Number.isInteger(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
            expect(values.reduce((s, v) => s + v, 0)).toBe(lines[i]!.price);
          });
        },
      ),
    );
  });
});
