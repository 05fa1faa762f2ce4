/**
 * The warranty engine: (policy, device, programs, findings, repair history, current ticket,
 * today, lines) → a decision per line, the 三包 options open today, and the reasons.
 *
 * Pure: no I/O, no clock ("today" is input), no zod on this path (validate at the boundary with
 * parseEvaluationInput; evaluate still runs the cheap cross-field checks).
 *
 * Decisions this file makes, and why:
 * - Periods follow 民法典 第二百零一–二百零三条 (see schemas.ts): the start day is day 0, an
 *   N-month period ends on the corresponding day, and a last day that is a rest day moves to
 *   the next working day (holidays.ts).
 * - Days in repair extend a period (the 三包 texts: "扣除因修理占用和无零配件待修的时间"). A visit
 *   counts `returnedOn − sentIn` days (a same-day repair costs the customer nothing, a visit
 *   from Monday to Wednesday two days); overlapping visits are counted once; only warranty
 *   visits that began inside the (growing) period count, so a paid repair after expiry cannot
 *   revive the warranty. The current ticket counts up to today, which makes "evaluate today"
 *   equal to "evaluate on the send-in day": a device handed in on the last day stays covered.
 * - The 7/15-day windows count from the sale day (day 0) and are judged on the day the
 *   customer presented the fault (the current ticket's send-in day), not the day the
 *   diagnosis finished. They run from the original sale even after an exchange ("自售出之日起").
 * - Payers are applied in a fixed order: maker (三包/maker warranty) → shop (repair warranty
 *   on its own earlier repair of the same fault; 修理者应保证修理后正常使用30日以上 is the
 *   repairer's duty) → extended warranty → insurer (accidental damage) → customer.
 */
import { fromDay, toDay } from './dates';
import { CN_HOLIDAYS, compileCalendar, type CompiledCalendar } from './holidays';
import { accidentalDamage } from './accidental-damage';
import type { Evaluation } from './evaluation';
import { lineDecisions } from './line-decisions';
import { PeriodEnds, repairIntervals } from './period-ends';
import { periodStart, voidedScopes } from './period-start';
import { reason } from './reason';
import { sanbaoOptions } from './sanbao-options';
import type { Decision, EvaluationInput, Finding, HolidayCalendar, Reason } from './schemas';
import { assertValidInput } from './validate';

export interface EvaluateOptions {
  /** Defaults to the built-in State Council schedule. */
  calendar?: HolidayCalendar | CompiledCalendar;
}

export { periodCode } from './reason';
export { addPeriodDay } from './period';

function resolveCalendar(cal: EvaluateOptions['calendar']): CompiledCalendar {
  if (!cal) return compileCalendar(CN_HOLIDAYS);
  return 'holidays' in cal && cal.holidays instanceof Set ? cal : compileCalendar(cal as HolidayCalendar);
}

/**
 * The phases, in order (each adds its reasons in this order): exclusions → period start →
 * days in repair and the unit's end → 三包 options → who pays each line → accidental damage over
 * what is left → line statuses and missing calendar years.
 */
export function evaluate(input: EvaluationInput, opts: EvaluateOptions = {}): Decision {
  assertValidInput(input);
  const cal = resolveCalendar(opts.calendar);
  const { policy, device } = input;
  const findings: readonly Finding[] = input.findings ?? [];
  const today = toDay(input.today);
  const reasons: Reason[] = [];

  const voidedBy = voidedScopes(policy, findings, reasons);
  const { start, saleDay, basis, allowed } = periodStart(policy, device, findings, reasons);
  const periods = new PeriodEnds(cal, start, start === null ? [] : repairIntervals(start, input, today));

  let unitEnd: number | null = null;
  let excludedDays = 0;
  if (start !== null) {
    const u = periods.of(policy.unitPeriod);
    unitEnd = u.end;
    excludedDays = u.extra;
    if (u.extra > 0) reasons.push(reason('periodExtended', { days: u.extra }));
    if (u.end !== u.unrolled)
      reasons.push(reason('holidayExtended', { from: fromDay(u.unrolled), to: fromDay(u.end), rest: cal.holidays.has(u.unrolled) ? 'holiday' : 'weekend' }));
  }

  const ev: Evaluation = {
    input,
    policy,
    device,
    findings,
    history: input.history ?? [],
    programs: input.programs ?? [],
    lines: input.lines ?? [],
    current: input.current,
    today,
    voidedBy,
    start,
    saleDay,
    basis,
    allowed,
    unitEnd,
    excludedDays,
    periods,
    reasons,
  };
  const { options, loanerReasons } = sanbaoOptions(ev);
  const { decisions, remaining } = lineDecisions(ev);
  accidentalDamage(ev, decisions, remaining);

  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    const price = ev.lines[i]!.price;
    if (price > 0) d.status = d.payers.customer === 0 ? 'covered' : d.payers.customer === price ? 'not_covered' : 'partly_covered';
  }

  for (const y of periods.missingYears) reasons.push(reason('calendarYearMissing', { year: y }));

  return {
    policyId: policy.id,
    policyVersion: policy.version,
    calendarId: cal.id,
    category: device.category,
    start: start === null ? null : fromDay(start),
    startBasis: basis,
    unitEnd: unitEnd === null ? null : fromDay(unitEnd),
    excludedDays,
    lines: decisions,
    options,
    loaner: { due: loanerReasons.length > 0, reasons: loanerReasons },
    reasons,
  };
}
