/**
 * The what-if preview of the policy and program editors: the decision a shop would make for a
 * device bought on one day and brought in with a fault on another, with the draft policy (and
 * programs), counted on head office's last published holiday calendar (else the built-in one,
 * which is what a shop has until head office publishes). The engine is the shop's own
 * (src/shared/warranty/engine.ts); this file only builds its input and renders its reasons.
 */
import type { z } from 'zod';
import { HqError } from '../errors';
import type { HqContext } from '../context';
import type { Locale } from '../../shared/i18n/types';
import { evaluate } from '../../shared/warranty/engine';
import { formatReason } from '../../shared/warranty/format';
import { addMonths } from '../../shared/warranty/dates';
import { collectIssues } from '../../shared/warranty/validate';
import { CN_HOLIDAYS } from '../../shared/warranty/holidays';
import { withRegulationDefaults } from '../../shared/warranty/regulation-defaults';
import { categoryPolicySchema, holidayCalendarSchema, type CategoryPolicy, type EvaluationInput, type Program, type ProgramTerms } from '../../shared/warranty/schemas';
import type { WhatIfResult, whatIfSchema } from '../../shared/hq-console/publishing-policies';
import { checkKind, publishedItem } from './editor-items';

export const CALENDAR_KIND = 'warranty.calendar';

/** Head office's calendar as the shops count with it: the last published under the shops' calendar id, else the built-in. */
export async function networkCalendar(ctx: HqContext) {
  const published = await publishedItem(ctx, CALENDAR_KIND, '*', CN_HOLIDAYS.id, (d) => holidayCalendarSchema.parse(d));
  return published ? { calendar: published.data, id: `${CN_HOLIDAYS.id}@${published.change}` } : { calendar: CN_HOLIDAYS, id: CN_HOLIDAYS.id };
}

/** A program's terms held by the device: a dated program runs from the purchase for a year (the usual term of a program sold with the device). */
function deviceProgram(terms: ProgramTerms, purchaseDate: string): Program {
  if (terms.kind === 'extended_warranty') return terms;
  const dates = { validFrom: purchaseDate, validTo: addMonths(purchaseDate, 12) };
  return terms.kind === 'accidental_damage' ? { ...terms, ...dates, usedThisTerm: 0 } : { ...terms, ...dates };
}

export async function whatIf(ctx: HqContext, input: z.output<typeof whatIfSchema>, locale: Locale): Promise<WhatIfResult> {
  checkKind<CategoryPolicy>('warranty.policy', { ...input.policy, version: 'what-if' }, 'policy');
  // As the shop reads a stored policy (core/warranty/store.ts policyOf): with the regulation's defaults.
  const policy = categoryPolicySchema.parse(withRegulationDefaults({ ...input.policy, version: 'what-if' }));
  const programs = input.programs.map((p, i) => deviceProgram(checkKind<ProgramTerms>('warranty.program', p, `programs.${i}`), input.purchaseDate));
  const engineInput: EvaluationInput = {
    policy,
    device: { category: policy.category, purchasePrice: input.purchasePrice, hasInvoice: input.hasInvoice, ...(input.hasInvoice ? { invoiceDate: input.purchaseDate } : { otherProofDate: input.purchaseDate }) },
    programs,
    findings: input.findings,
    history: [],
    current: { faultCode: 'what_if', sentIn: input.faultDate, partsWaitDays: 0, performanceFault: input.performanceFault },
    today: input.faultDate,
    lines: [{ id: 'L1', type: input.line.part === null ? 'labor' : 'part', part: input.line.part, price: input.line.price }],
  };
  const issues = collectIssues(engineInput);
  if (issues.length > 0) {
    const fields = Object.fromEntries(issues.map((i) => [i.path === 'today' || i.path === 'current.sentIn' ? 'faultDate' : i.path === 'device.invoiceDate' ? 'purchaseDate' : i.path, i.key]));
    throw new HqError('VALIDATION', 400, `invalid: ${Object.keys(fields).join(', ')}`.slice(0, 200), { reason: Object.keys(fields).join(', ').slice(0, 200), fields });
  }
  const { calendar, id } = await networkCalendar(ctx);
  const decision = evaluate(engineInput, { calendar: { ...calendar, id } });
  const f = (r: (typeof decision.reasons)[number]) => formatReason(r, locale, policy);
  return {
    decision,
    text: { reasons: decision.reasons.map(f), lines: decision.lines.map((l) => l.reasons.map(f)), options: decision.options.map((o) => o.reasons.map(f)), loaner: decision.loaner.reasons.map(f) },
    calendarId: id,
  };
}
