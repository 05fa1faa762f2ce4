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
import { addMonthsDay, fromDay, toDay, yearOfDay } from './dates';
import { addPeriodDay } from './period';
import { CN_HOLIDAYS, calendarCoversDay, compileCalendar, rollToWorkingDayNumber, type CompiledCalendar } from './holidays';
import { allocate, mulDivRoundHalfUp } from '../money/exact';
import { computeRefund } from './refund';
import { replacedPartEndDay } from './replaced-part';
import type {
  AccidentalDamage,
  CategoryPolicy,
  Decision,
  EvaluationInput,
  ExtendedWarranty,
  Finding,
  HolidayCalendar,
  LineDecision,
  OptionDecision,
  PartRule,
  PayerAmounts,
  Period,
  Reason,
  ReasonCode,
  SanbaoOption,
  Scope,
} from './schemas';
import { assertValidInput } from './validate';

export interface EvaluateOptions {
  /** Defaults to the built-in State Council schedule. */
  calendar?: HolidayCalendar | CompiledCalendar;
}

type StartBasis = Decision['startBasis'];
type OptionKind = OptionDecision['option'];

const ALL_SANBAO: ReadonlySet<SanbaoOption> = new Set(['return', 'exchange', 'repair']);

function reason(code: ReasonCode, params: Reason['params'] = {}): Reason {
  return { code, params };
}

/** Compact, locale-neutral period code for reason params ('6m', '1y', '30d'); format.ts renders it. */
export function periodCode(p: Period): string {
  return `${p.n}${p.unit === 'year' ? 'y' : p.unit === 'month' ? 'm' : 'd'}`;
}

export { addPeriodDay } from './period';

interface PolicyIndex {
  main: Map<string, PartRule>;
  accessory: Map<string, PartRule>;
}
const policyIndex = new WeakMap<CategoryPolicy, PolicyIndex>();
function indexOf(policy: CategoryPolicy): PolicyIndex {
  let ix = policyIndex.get(policy);
  if (!ix) {
    ix = {
      main: new Map(policy.mainParts.map((p) => [p.id, p])),
      accessory: new Map(policy.accessories.map((p) => [p.id, p])),
    };
    policyIndex.set(policy, ix);
  }
  return ix;
}

function resolveCalendar(cal: EvaluateOptions['calendar']): CompiledCalendar {
  if (!cal) return compileCalendar(CN_HOLIDAYS);
  return 'holidays' in cal && cal.holidays instanceof Set ? cal : compileCalendar(cal as HolidayCalendar);
}

/**
 * Extends a raw last day by the days in repair that fall inside the period, then applies the
 * holiday rule. `ivs` are [from, to) pairs sorted by `from`, all starting on/after the period start.
 */
function extendAndRoll(
  start: number,
  rawEnd: number,
  ivs: readonly number[],
  cal: CompiledCalendar,
): { end: number; extra: number; unrolled: number } {
  let end = rawEnd;
  let cursor = start;
  let extra = 0;
  for (let i = 0; i < ivs.length; i += 2) {
    const from = ivs[i]!;
    if (from > end) break;
    const to = ivs[i + 1]!;
    const f = from > cursor ? from : cursor;
    if (to > f) {
      extra += to - f;
      end += to - f;
      cursor = to;
    }
  }
  return { end: rollToWorkingDayNumber(end, cal), extra, unrolled: end };
}

function zeroPayers(): PayerAmounts {
  return { customer: 0, maker: 0, shop: 0, extended_warranty: 0, insurer: 0 };
}

export function evaluate(input: EvaluationInput, opts: EvaluateOptions = {}): Decision {
  assertValidInput(input);
  const cal = resolveCalendar(opts.calendar);
  const { policy, device } = input;
  const findings: readonly Finding[] = input.findings ?? [];
  const history = input.history ?? [];
  const programs = input.programs ?? [];
  const lines = input.lines ?? [];
  const current = input.current;
  const today = toDay(input.today);
  const reasons: Reason[] = [];
  const missingYears = new Set<number>();

  // ---- exclusions: which scopes are void, and the finding to name for each ----
  const voidedBy = new Map<Scope, Finding>();
  for (const f of findings) {
    for (const s of policy.exclusions[f] ?? []) if (!voidedBy.has(s)) voidedBy.set(s, f);
  }
  for (const f of findings) reasons.push(reason('excluded', { finding: f }));

  // ---- where the period starts, and which 三包 options the proof allows ----
  const noProof = !device.hasInvoice || findings.includes('no_proof');
  let start: number | null = null;
  let saleDay: number | null = null;
  let basis: StartBasis = 'none';
  let allowed: ReadonlySet<SanbaoOption> = ALL_SANBAO;
  if (!noProof && device.invoiceDate !== undefined) {
    saleDay = start = toDay(device.invoiceDate);
    basis = 'invoice';
    if (policy.startsAtInstallation && device.installDate !== undefined) {
      start = toDay(device.installDate);
      basis = 'installation';
    }
  } else if (
    device.otherProofDate !== undefined &&
    !findings.includes('no_proof') &&
    policy.noInvoice.otherProofOptions.length > 0
  ) {
    saleDay = start = toDay(device.otherProofDate);
    basis = 'other_proof';
    allowed = new Set(policy.noInvoice.otherProofOptions);
  } else if (device.factoryDate !== undefined && policy.noInvoice.factoryOffsetDays !== null) {
    // "以出厂日期后第90日为三包有效期的起始日期": factory day + 90 is the start (day 0).
    start = toDay(device.factoryDate) + policy.noInvoice.factoryOffsetDays;
    basis = 'factory_offset';
    allowed = new Set(policy.noInvoice.factoryOptions);
  }
  if (start !== null && device.exchangeDate !== undefined && toDay(device.exchangeDate) > start) {
    start = toDay(device.exchangeDate);
    basis = 'exchange';
  }
  if (start === null) reasons.push(reason('noStartDate'));
  else {
    const code: ReasonCode =
      basis === 'invoice'
        ? 'startInvoice'
        : basis === 'installation'
          ? 'startInstallation'
          : basis === 'exchange'
            ? 'startExchange'
            : basis === 'other_proof'
              ? 'startOtherProof'
              : 'startFactoryOffset';
    reasons.push(
      reason(code, basis === 'factory_offset' ? { date: fromDay(start), days: policy.noInvoice.factoryOffsetDays ?? 0 } : { date: fromDay(start) }),
    );
  }

  // ---- days in repair: [from, to) intervals sorted by start, inside the period only ----
  let ivs: number[] = [];
  if (start !== null) {
    const pairs: [number, number][] = [];
    for (const r of history) {
      if (r.chargeable) continue;
      const from = toDay(r.sentIn);
      if (from >= start) pairs.push([from, toDay(r.returnedOn)]);
    }
    if (current) {
      const from = toDay(current.sentIn);
      if (from >= start) pairs.push([from, today]);
    }
    if (pairs.length > 1) pairs.sort((a, b) => a[0] - b[0]);
    ivs = new Array<number>(pairs.length * 2);
    for (let i = 0; i < pairs.length; i++) {
      ivs[2 * i] = pairs[i]![0];
      ivs[2 * i + 1] = pairs[i]![1];
    }
  }

  const ends = new Map<string, { end: number; extra: number; unrolled: number }>();
  const periodEnd = (p: Period) => {
    const key = periodCode(p);
    let e = ends.get(key);
    if (!e) {
      e = extendAndRoll(start!, addPeriodDay(start!, p), ivs, cal);
      if (!calendarCoversDay(e.unrolled, cal)) missingYears.add(yearOfDay(e.unrolled));
      ends.set(key, e);
    }
    return e;
  };
  const roll = (d: number) => {
    if (!calendarCoversDay(d, cal)) missingYears.add(yearOfDay(d));
    return rollToWorkingDayNumber(d, cal);
  };

  let unitEnd: number | null = null;
  let excludedDays = 0;
  if (start !== null) {
    const u = periodEnd(policy.unitPeriod);
    unitEnd = u.end;
    excludedDays = u.extra;
    if (u.extra > 0) reasons.push(reason('periodExtended', { days: u.extra }));
    if (u.end !== u.unrolled)
      reasons.push(reason('holidayExtended', { from: fromDay(u.unrolled), to: fromDay(u.end), rest: cal.holidays.has(u.unrolled) ? 'holiday' : 'weekend' }));
  }

  // ---- 三包 options open today ----
  const optionReasons = new Map<OptionKind, Reason[]>();
  const addOption = (o: OptionKind, r: Reason) => {
    const list = optionReasons.get(o);
    if (list) list.push(r);
    else optionReasons.set(o, [r]);
  };
  let refundAtInvoicePrice = false;
  // Set when the invoice-price refund is the exchange fallback's, not the 7-day window's (its citation).
  let refundRule: 'exchangeFallback' | null = null;
  const loanerReasons: Reason[] = [];
  const sanbaoVoid = voidedBy.get('sanbao');
  if (start !== null && unitEnd !== null && sanbaoVoid !== undefined) {
    reasons.push(reason('sanbaoVoided', { finding: sanbaoVoid }));
  } else if (start !== null && unitEnd !== null) {
    const ref = current ? toDay(current.sentIn) : today;
    if (saleDay !== null && current) {
      if (!current.performanceFault) {
        if (ref <= saleDay + policy.exchangeDays) reasons.push(reason('noListedFault'));
      } else {
        // The sale day is day 0 (民法典 第二百零一条) unless the policy counts it as day 1.
        const first = policy.windowCounting === 'sale_day_first' ? -1 : 0;
        const win = (n: number) => (policy.holidayExtendsWindows ? roll(saleDay! + n + first) : saleDay! + n + first);
        const retEnd = win(policy.returnDays);
        const exEnd = win(policy.exchangeDays);
        const dayNo = ref - saleDay - first;
        // A window whose last day fell on a rest day says so (and why), so "day 16 of 15" never reads as a contradiction.
        const rolled = (n: number, end: number): Reason['params'] => {
          const raw = saleDay! + n + first;
          return end === raw ? {} : { rolledFrom: fromDay(raw), rest: cal.holidays.has(raw) ? 'holiday' : 'weekend' };
        };
        if (policy.returnDays > 0 && ref <= retEnd) {
          const r = reason('returnWindow', { day: dayNo, days: policy.returnDays, end: fromDay(retEnd), ...rolled(policy.returnDays, retEnd) });
          addOption('return', r);
          addOption('exchange', r);
          addOption('repair', r);
          refundAtInvoicePrice = true;
        } else if (policy.exchangeDays > 0 && ref <= exEnd) {
          const r = reason('exchangeWindow', { day: dayNo, days: policy.exchangeDays, end: fromDay(exEnd), ...rolled(policy.exchangeDays, exEnd) });
          addOption('exchange', r);
          addOption('repair', r);
        }
      }
    }
    const inUnit = today <= unitEnd;
    if (inUnit && !voidedBy.has('unit')) addOption('repair', reason('inWarrantyRepair', { end: fromDay(unitEnd) }));
    if (!inUnit) reasons.push(reason('sanbaoExpired', { end: fromDay(unitEnd) }));

    if (current && inUnit) {
      if (!policy.repeatRepair.requiresListedFault || current.performanceFault) {
        let count = 0;
        for (const r of history) {
          if (!r.chargeable && r.faultCode === current.faultCode && toDay(r.sentIn) >= start) count++;
        }
        if (count >= policy.repeatRepair.threshold) {
          const r = reason('repeatRepair', { count, fault: current.faultCode, threshold: policy.repeatRepair.threshold });
          for (const o of policy.repeatRepair.options) addOption(o, r);
        }
      }
      const open = today - toDay(current.sentIn);
      const wait = current.partsWaitDays ?? 0;
      if (policy.partsWaitDays !== null && wait > 0 && open > policy.partsWaitDays)
        addOption('exchange', reason('partsWaitExceeded', { days: open, limit: policy.partsWaitDays }));
      if (policy.repairerDelayDays !== null && open - wait > policy.repairerDelayDays)
        addOption('exchange', reason('repairerDelayExceeded', { days: open - wait, limit: policy.repairerDelayDays }));
      if (policy.loanerDays !== null && open > policy.loanerDays)
        loanerReasons.push(reason('loanerDue', { days: open, limit: policy.loanerDays }));
    }

    // Phone 第十九条 / household 第十三条: an exchange is due but cannot be made, or is refused → return.
    let fallback: 'depreciated' | 'full' | null = null;
    const fb = policy.exchangeFallback;
    if (current?.exchange && optionReasons.has('exchange') && !refundAtInvoicePrice) {
      if (current.exchange === 'refused' && fb.returnWhenRefused) {
        addOption('return', reason('exchangeRefusedReturn'));
        fallback = 'depreciated';
      } else if (current.exchange === 'unavailable' && fb.returnWhenUnavailable) {
        addOption('return', reason('exchangeUnavailableReturn'));
        fallback = fb.depreciateWhenUnavailable ? 'depreciated' : 'full';
      }
    }
    if (fallback === 'full') {
      refundAtInvoicePrice = true;
      refundRule = 'exchangeFallback';
    }

    // Without an invoice only what the no-invoice rule allows stays open.
    let dropped = false;
    for (const o of [...optionReasons.keys()]) {
      if (o !== 'replace' && !allowed.has(o)) {
        optionReasons.delete(o);
        dropped = true;
      }
    }
    if (dropped || (allowed !== ALL_SANBAO && !allowed.has('return')))
      reasons.push(reason('noInvoiceRepairOnly', { options: [...allowed].join(',') }));
  }

  const options: OptionDecision[] = [];
  for (const o of ['return', 'exchange', 'repair'] as const) {
    const rs = optionReasons.get(o);
    if (!rs) continue;
    const d: OptionDecision = { option: o, reasons: rs };
    if (o === 'return') {
      if (refundAtInvoicePrice) {
        d.refundAmount = device.purchasePrice;
        rs.push(reason('refundFullPrice', refundRule ? { amount: device.purchasePrice, rule: refundRule } : { amount: device.purchasePrice }));
      } else if (saleDay !== null) {
        const refund = computeRefund({
          price: device.purchasePrice,
          depreciationPpmPerDay: policy.depreciationPpmPerDay,
          invoiceDate: fromDay(saleDay),
          returnDate: input.today,
          repairDays: excludedDays,
        });
        d.refundAmount = refund.refund;
        rs.push(reason('refundDepreciated', { amount: refund.refund, depreciation: refund.depreciation, days: refund.daysUsed }));
      }
    }
    options.push(d);
  }
  // Phone 第十四条: an accessory replaced N times inside its period and failing again is returned.
  if (policy.accessoryReturnAfter !== null && start !== null && current && !voidedBy.has('accessory') && sanbaoVoid === undefined) {
    const seen = new Set<string>();
    for (const line of lines) {
      const rule = line.part !== null ? indexOf(policy).accessory.get(line.part) : undefined;
      if (!rule || seen.has(rule.id)) continue;
      seen.add(rule.id);
      if (today > periodEnd(rule.period).end) continue;
      let count = 0;
      for (const r of history) for (const pr of r.partsReplaced ?? []) if (pr.part === rule.id && toDay(pr.completedOn) >= start) count++;
      if (count >= policy.accessoryReturnAfter)
        options.push({ option: 'return', part: rule.id, reasons: [reason('accessoryReplacedTwice', { part: rule.id, count })] });
    }
  }
  if (!voidedBy.has('replace_program')) {
    for (const p of programs) {
      if (p.kind !== 'replace_instead_of_repair') continue;
      if (today < toDay(p.validFrom) || today > toDay(p.validTo)) continue;
      const fee =
        p.fee.kind === 'fixed'
          ? p.fee.amount
          : Math.min(mulDivRoundHalfUp(device.purchasePrice, p.fee.shareBp, 10_000), p.fee.cap);
      options.push({
        option: 'replace',
        fee,
        programId: p.id,
        reasons: [reason('replaceProgram', { program: p.id, fee, end: p.validTo })],
      });
    }
  }

  // ---- lines ----
  const ix = indexOf(policy);
  const ext = programs.find((p): p is ExtendedWarranty => p.kind === 'extended_warranty');
  let extEnd: number | null = null;
  if (ext && unitEnd !== null) extEnd = roll(addMonthsDay(unitEnd, ext.years * 12));

  const decisions: LineDecision[] = [];
  const remaining: number[] = [];
  for (const line of lines) {
    const payers = zeroPayers();
    const rs: Reason[] = [];
    const mainRule = line.part !== null ? ix.main.get(line.part) : undefined;
    const accRule = line.part !== null && !mainRule ? ix.accessory.get(line.part) : undefined;
    const coverage: LineDecision['coverage'] = mainRule ? 'main_part' : accRule ? 'accessory' : 'unit';
    const partName = line.part ?? 'unit';
    let rest = line.price;
    let endDay: number | null = null;
    let covered = false;

    if (start !== null && unitEnd !== null) {
      let period: Period = policy.unitPeriod;
      if (coverage === 'unit') endDay = unitEnd;
      else if (mainRule) {
        const m = periodEnd(mainRule.period).end;
        if (line.type === 'labor' && !policy.mainPartLaborCovered && today > unitEnd) {
          endDay = unitEnd;
          rs.push(reason('mainPartLaborNotCovered', { part: partName, end: fromDay(unitEnd) }));
        } else {
          endDay = m > unitEnd ? m : unitEnd;
          if (m > unitEnd) period = mainRule.period;
        }
      } else if (accRule) {
        endDay = periodEnd(accRule.period).end;
        period = accRule.period;
      }
      // A replaced part: the later of the original end and completion + the part's own period.
      if (line.part !== null) {
        let best: number | null = null;
        let bestDone = 0;
        for (const r of history) {
          for (const pr of r.partsReplaced ?? []) {
            if (pr.part !== line.part) continue;
            const done = toDay(pr.completedOn);
            if (basis === 'exchange' && done < start) continue; // that part left with the exchanged unit
            const raw = addPeriodDay(done, pr.period);
            if (!calendarCoversDay(raw, cal)) missingYears.add(yearOfDay(raw));
            const e = replacedPartEndDay(done, pr.period, cal);
            if (best === null || e > best) {
              best = e;
              bestDone = done;
            }
          }
        }
        if (best !== null && endDay !== null && best > endDay) {
          endDay = best;
          rs.push(reason('replacedPart', { part: partName, completed: fromDay(bestDone), end: fromDay(best) }));
        }
      }
      const f = voidedBy.get(coverage);
      if (f !== undefined) rs.push(reason('excluded', { finding: f }));
      else if (endDay !== null && today <= endDay) {
        payers.maker = rest;
        rest = 0;
        covered = true;
        rs.push(
          reason(coverage === 'unit' ? 'covered' : coverage === 'main_part' ? 'mainPartCovered' : 'accessoryCovered', {
            part: partName,
            end: fromDay(endDay),
          }),
        );
      } else if (endDay !== null) {
        rs.push(reason('partExpired', { part: partName, period: periodCode(period), end: fromDay(endDay) }));
      }
    } else {
      rs.push(reason('noStartDate'));
    }

    // The shop's repair warranty on its own earlier repair of the same fault.
    const fault = line.faultCode ?? current?.faultCode;
    if (rest > 0 && fault !== undefined && !voidedBy.has(coverage)) {
      let until: number | null = null;
      for (const r of history) {
        if (r.faultCode !== fault || r.outcome !== 'fixed') continue;
        const e = roll(toDay(r.returnedOn) + policy.repairWarrantyDays);
        if (until === null || e > until) until = e;
      }
      if (until !== null && today <= until) {
        payers.shop = rest;
        rest = 0;
        covered = true;
        rs.push(reason('repairWarranty', { fault, days: policy.repairWarrantyDays, end: fromDay(until) }));
      }
    }

    // Extended warranty: from the day after the maker's whole-unit warranty ends.
    if (rest > 0 && ext && unitEnd !== null && extEnd !== null && (coverage !== 'accessory' || ext.coversAccessories)) {
      const f = voidedBy.get('extended_warranty');
      if (f !== undefined) {
        // the finding is already named above when it voids the maker cover too
        if (!rs.some((r) => r.code === 'excluded')) rs.push(reason('excluded', { finding: f }));
      } else if (today > unitEnd && today <= extEnd) {
        payers.extended_warranty = rest;
        rest = 0;
        covered = true;
        rs.push(reason('extendedWarranty', { program: ext.id, start: fromDay(unitEnd + 1), end: fromDay(extEnd) }));
        if (endDay === null || extEnd > endDay) endDay = extEnd;
      } else if (today > extEnd) {
        rs.push(reason('extendedWarrantyExpired', { program: ext.id, end: fromDay(extEnd) }));
      }
    }

    payers.customer = rest;
    remaining.push(rest);
    decisions.push({
      id: line.id,
      status: covered ? 'covered' : 'not_covered',
      coverage,
      payers,
      endDate: endDay === null ? null : fromDay(endDay),
      reasons: rs,
    });
  }

  // ---- accidental damage: one claim over what is left of all lines ----
  const adh = programs.find(
    (p): p is AccidentalDamage =>
      p.kind === 'accidental_damage' &&
      today >= toDay(p.validFrom) &&
      today <= toDay(p.validTo) &&
      (p.covers ?? ['impact', 'liquid']).some((f) => findings.includes(f)),
  );
  if (adh && !voidedBy.has('accidental_damage')) {
    let claim = 0;
    for (const r of remaining) claim += r;
    if (claim > 0) {
      const base = Math.max(0, claim - adh.deductible);
      const byRate = mulDivRoundHalfUp(base, adh.discountBp, 10_000);
      const termLeft = Math.max(0, adh.capPerTerm - (adh.usedThisTerm ?? 0));
      const paid = Math.min(byRate, adh.capPerClaim, termLeft);
      const shares = allocate(paid, remaining);
      const extra: Reason[] = [];
      if (byRate > adh.capPerClaim && paid === adh.capPerClaim) extra.push(reason('accidentalCapped', { cap: adh.capPerClaim }));
      if (byRate > termLeft && paid === termLeft) extra.push(reason('accidentalTermExhausted', { left: termLeft }));
      for (let i = 0; i < decisions.length; i++) {
        const d = decisions[i]!;
        const share = shares[i]!;
        if (remaining[i]! === 0) continue;
        d.payers.insurer = share;
        d.payers.customer -= share;
        d.reasons.push(
          reason('accidentalDamage', {
            program: adh.id,
            percent: adh.discountBp / 100,
            deductible: adh.deductible,
            amount: share,
          }),
          ...extra,
        );
      }
    }
  }

  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    const price = lines[i]!.price;
    if (price > 0) d.status = d.payers.customer === 0 ? 'covered' : d.payers.customer === price ? 'not_covered' : 'partly_covered';
  }

  for (const y of missingYears) reasons.push(reason('calendarYearMissing', { year: y }));

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
