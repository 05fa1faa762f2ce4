import { describe, it, expect } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import { evaluate, parseEvaluationInput, type EvaluationInput } from '../../../src/shared/warranty';
import { input } from './helpers';

function fieldsOf(fn: () => unknown): { path: string; key: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    return (e as AppError).fields.map(({ path, key }) => ({ path, key }));
  }
  throw new Error('expected a validation error');
}

describe('bad input is refused with the field named', () => {
  it('purchase date after today', () => {
    expect(fieldsOf(() => evaluate(input({ today: '2025-03-09' })))).toEqual([{ path: 'device.invoiceDate', key: 'warranty.error.purchaseAfterToday' }]);
  });
  it('a date before the factory date', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10', factoryDate: '2025-04-01' };
    expect(fieldsOf(() => evaluate(input({ device: dev })))).toEqual([{ path: 'device.invoiceDate', key: 'warranty.error.beforeFactoryDate' }]);
  });
  it('unknown category and category not matching the policy', () => {
    const raw = { ...input(), device: { category: 'bicycle', purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10' } };
    expect(fieldsOf(() => parseEvaluationInput(raw))).toContainEqual({ path: 'device.category', key: 'warranty.error.unknownCategory' });
    expect(fieldsOf(() => evaluate(raw as unknown as EvaluationInput))).toEqual([{ path: 'device.category', key: 'warranty.error.unknownCategory' }]);
    const tv = { category: 'tv' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-03-10' };
    expect(fieldsOf(() => evaluate(input({ device: tv })))).toEqual([{ path: 'device.category', key: 'warranty.error.categoryMismatch' }]);
  });
  it('negative prices', () => {
    const lines = [{ id: 'a', type: 'labor' as const, part: null, price: -100 }];
    expect(fieldsOf(() => evaluate(input({ lines })))).toEqual([{ path: 'lines.0.price', key: 'warranty.error.negativeAmount' }]);
    expect(fieldsOf(() => parseEvaluationInput(input({ lines })))).toEqual([{ path: 'lines.0.price', key: 'warranty.error.negativeAmount' }]);
    const dev = { category: 'phone' as const, purchasePrice: -1, hasInvoice: true, invoiceDate: '2025-03-10' };
    expect(fieldsOf(() => evaluate(input({ device: dev })))).toEqual([{ path: 'device.purchasePrice', key: 'warranty.error.negativeAmount' }]);
  });
  it('impossible dates, invoice without date, history out of order', () => {
    const dev = { category: 'phone' as const, purchasePrice: 1, hasInvoice: true, invoiceDate: '2025-02-29' };
    expect(fieldsOf(() => parseEvaluationInput(input({ device: dev })))).toEqual([{ path: 'device.invoiceDate', key: 'warranty.error.invalidDate' }]);
    expect(fieldsOf(() => evaluate(input({ device: { category: 'phone', purchasePrice: 1, hasInvoice: true } })))).toEqual([
      { path: 'device.invoiceDate', key: 'warranty.error.invoiceDateRequired' },
    ]);
    const h = [{ faultCode: 'x', sentIn: '2025-05-10', returnedOn: '2025-05-01', partsWaitDays: 0, outcome: 'fixed' as const, chargeable: false, partsReplaced: [] }];
    expect(fieldsOf(() => evaluate(input({ history: h })))).toEqual([{ path: 'history.0.returnedOn', key: 'warranty.error.returnedBeforeSentIn' }]);
  });
  it('parseEvaluationInput fills defaults and returns typed input', () => {
    const raw = { policy: input().policy, device: input().device, today: '2025-06-10' };
    const parsed = parseEvaluationInput(raw);
    expect(parsed.lines).toEqual([]);
    expect(evaluate(parsed).unitEnd).toBe('2026-03-10');
  });
});
