import type { EvaluateRequest } from '../../../../shared/warranty/procedures';
import type { CategoryId, Finding, REPAIR_OUTCOMES } from '../../../../shared/warranty/schemas';
import { parseYuan } from '../../../../shared/money';

export interface LineForm {
  type: 'labor' | 'part';
  part: string; // '' = whole unit
  yuan: number | '';
}
export interface RepairForm {
  faultCode: string;
  sentIn: string;
  returnedOn: string;
  outcome: (typeof REPAIR_OUTCOMES)[number];
}
export interface WhatIfForm {
  category: CategoryId;
  hasInvoice: boolean;
  invoiceDate: string;
  factoryDate: string;
  exchangeDate: string;
  yuan: number | '';
  today: string;
  faultCode: string;
  sentIn: string;
  performanceFault: boolean;
  findings: Finding[];
  history: RepairForm[];
  lines: LineForm[];
}

/** The case the panel opens with: a phone with a dead battery, a labour line and the battery. */
export const FIRST_CASE: WhatIfForm = {
  category: 'phone',
  hasInvoice: true,
  invoiceDate: '',
  factoryDate: '',
  exchangeDate: '',
  yuan: 2999,
  today: '',
  faultCode: 'no_power',
  sentIn: '',
  performanceFault: true,
  findings: [],
  history: [],
  lines: [
    { type: 'labor', part: '', yuan: 80 },
    { type: 'part', part: 'battery', yuan: 199 },
  ],
};

// Typed yuan → fen by the shared parser (no float on the way); empty reads as 0 here.
const fen = (y: number | '') => parseYuan(y) ?? 0;
const opt = (s: string) => (s === '' ? undefined : s);

/** Whether the warranty can start at all: the invoice date, or without an invoice the factory date. */
export const canEvaluate = (form: WhatIfForm) => (form.hasInvoice ? form.invoiceDate !== '' : form.factoryDate !== '');

/** The form as `warranty.evaluate` takes it; an empty "sent in" is the shop's today. */
export function requestOf(form: WhatIfForm, shopToday: string): EvaluateRequest {
  const today = form.today || shopToday;
  return {
    category: form.category,
    device: {
      purchasePrice: fen(form.yuan),
      hasInvoice: form.hasInvoice,
      invoiceDate: form.hasInvoice ? opt(form.invoiceDate) : undefined,
      factoryDate: opt(form.factoryDate),
      exchangeDate: opt(form.exchangeDate),
    },
    findings: form.findings,
    history: form.history.map((h) => ({ faultCode: h.faultCode || 'unknown', sentIn: h.sentIn, returnedOn: h.returnedOn, outcome: h.outcome })),
    current: { faultCode: form.faultCode || 'unknown', sentIn: form.sentIn || today, performanceFault: form.performanceFault },
    today: opt(form.today),
    lines: form.lines.map((l, i) => ({ id: `L${i + 1}`, type: l.type, part: l.part === '' ? null : l.part, price: fen(l.yuan) })),
  };
}
