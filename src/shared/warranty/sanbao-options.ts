/**
 * The 三包 options open today (return, exchange, repair), the loaner, an accessory's own return
 * (phone 第十四条) and 以换代修 programs: one phase of the engine (rules in engine.ts).
 */
import { fromDay, toDay } from './dates';
import type { Evaluation } from './evaluation';
import { mulDivRoundHalfUp } from '../money/exact';
import { ALL_SANBAO } from './period-start';
import { indexOf } from './policy-index';
import { reason } from './reason';
import { computeRefund } from './refund';
import type { OptionDecision, Reason } from './schemas';

type OptionKind = OptionDecision['option'];

export interface SanbaoOptions {
  options: OptionDecision[];
  loanerReasons: Reason[];
}

export function sanbaoOptions(ev: Evaluation): SanbaoOptions {
  const { policy, device, current, history, today, start, saleDay, unitEnd, allowed, reasons, periods } = ev;
  const cal = periods.cal;
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
  const sanbaoVoid = ev.voidedBy.get('sanbao');
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
        const win = (n: number) => (policy.holidayExtendsWindows ? periods.roll(saleDay + n + first) : saleDay + n + first);
        const retEnd = win(policy.returnDays);
        const exEnd = win(policy.exchangeDays);
        const dayNo = ref - saleDay - first;
        // A window whose last day fell on a rest day says so (and why), so "day 16 of 15" never reads as a contradiction.
        const rolled = (n: number, end: number): Reason['params'] => {
          const raw = saleDay + n + first;
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
    if (inUnit && !ev.voidedBy.has('unit')) addOption('repair', reason('inWarrantyRepair', { end: fromDay(unitEnd) }));
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
          returnDate: ev.input.today,
          repairDays: ev.excludedDays,
        });
        d.refundAmount = refund.refund;
        rs.push(reason('refundDepreciated', { amount: refund.refund, depreciation: refund.depreciation, days: refund.daysUsed }));
      }
    }
    options.push(d);
  }
  accessoryReturns(ev, sanbaoVoid === undefined, options);
  replacePrograms(ev, options);
  return { options, loanerReasons };
}

/** Phone 第十四条: an accessory replaced N times inside its period and failing again is returned. */
function accessoryReturns(ev: Evaluation, sanbaoStands: boolean, options: OptionDecision[]): void {
  const { policy, start, current, history, today } = ev;
  if (policy.accessoryReturnAfter === null || start === null || !current || ev.voidedBy.has('accessory') || !sanbaoStands) return;
  const seen = new Set<string>();
  for (const line of ev.lines) {
    const rule = line.part !== null ? indexOf(policy).accessory.get(line.part) : undefined;
    if (!rule || seen.has(rule.id)) continue;
    seen.add(rule.id);
    if (today > ev.periods.of(rule.period).end) continue;
    let count = 0;
    for (const r of history) for (const pr of r.partsReplaced ?? []) if (pr.part === rule.id && toDay(pr.completedOn) >= start) count++;
    if (count >= policy.accessoryReturnAfter)
      options.push({ option: 'return', part: rule.id, reasons: [reason('accessoryReplacedTwice', { part: rule.id, count })] });
  }
}

/** 以换代修 programs open today: a replacement for a fee instead of a repair. */
function replacePrograms(ev: Evaluation, options: OptionDecision[]): void {
  if (ev.voidedBy.has('replace_program')) return;
  const { today, device } = ev;
  for (const p of ev.programs) {
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
