import type { CategoryPolicy, EvaluationInput } from '../../../src/shared/warranty';
import { PHONE_2001 } from '../../../src/shared/warranty';

/** A phone bought 2025-03-10 with an invoice, nothing else: tests override what they need. */
export function input(over: Partial<EvaluationInput> = {}, policy: CategoryPolicy = PHONE_2001): EvaluationInput {
  return {
    policy,
    device: { category: policy.category, purchasePrice: 300000, hasInvoice: true, invoiceDate: '2025-03-10' },
    programs: [],
    findings: [],
    history: [],
    today: '2025-06-10',
    lines: [],
    ...over,
  };
}

export const fault = (sentIn: string, performanceFault = true, faultCode = 'no_boot', partsWaitDays = 0) => ({
  faultCode,
  sentIn,
  partsWaitDays,
  performanceFault,
});
