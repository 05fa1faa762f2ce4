/**
 * Who pays each line: the maker (unit, main part or accessory period, a replaced part's own
 * period), the shop's repair warranty, an extended warranty, then the customer. One phase of
 * the engine (rules in engine.ts); accidental damage comes after, over what is left.
 */
import { addMonthsDay, fromDay, toDay } from './dates';
import type { Evaluation } from './evaluation';
import { addPeriodDay } from './period';
import { indexOf } from './policy-index';
import { periodCode, reason } from './reason';
import { replacedPartEndDay } from './replaced-part';
import type { ExtendedWarranty, Line, LineDecision, PayerAmounts, Period, Reason } from './schemas';

function zeroPayers(): PayerAmounts {
  return { customer: 0, maker: 0, shop: 0, extended_warranty: 0, insurer: 0 };
}

export interface LineDecisions {
  decisions: LineDecision[];
  /** What each line leaves to the customer (accidental damage claims over it). */
  remaining: number[];
}

export function lineDecisions(ev: Evaluation): LineDecisions {
  const ext = ev.programs.find((p): p is ExtendedWarranty => p.kind === 'extended_warranty');
  let extEnd: number | null = null;
  if (ext && ev.unitEnd !== null) extEnd = ev.periods.roll(addMonthsDay(ev.unitEnd, ext.years * 12));

  const decisions: LineDecision[] = [];
  const remaining: number[] = [];
  for (const line of ev.lines) {
    const payers = zeroPayers();
    const rs: Reason[] = [];
    const cover = makerCover(ev, line, rs);
    let rest = line.price;
    let endDay = cover.endDay;
    let covered = false;
    if (cover.covered) {
      payers.maker = rest;
      rest = 0;
      covered = true;
    }

    // The shop's repair warranty on its own earlier repair of the same fault.
    const fault = line.faultCode ?? ev.current?.faultCode;
    if (rest > 0 && fault !== undefined && !ev.voidedBy.has(cover.coverage)) {
      let until: number | null = null;
      for (const r of ev.history) {
        if (r.faultCode !== fault || r.outcome !== 'fixed') continue;
        const e = ev.periods.roll(toDay(r.returnedOn) + ev.policy.repairWarrantyDays);
        if (until === null || e > until) until = e;
      }
      if (until !== null && ev.today <= until) {
        payers.shop = rest;
        rest = 0;
        covered = true;
        rs.push(reason('repairWarranty', { fault, days: ev.policy.repairWarrantyDays, end: fromDay(until) }));
      }
    }

    // Extended warranty: from the day after the maker's whole-unit warranty ends.
    if (rest > 0 && ext && ev.unitEnd !== null && extEnd !== null && (cover.coverage !== 'accessory' || ext.coversAccessories)) {
      const f = ev.voidedBy.get('extended_warranty');
      if (f !== undefined) {
        // the finding is already named above when it voids the maker cover too
        if (!rs.some((r) => r.code === 'excluded')) rs.push(reason('excluded', { finding: f }));
      } else if (ev.today > ev.unitEnd && ev.today <= extEnd) {
        payers.extended_warranty = rest;
        rest = 0;
        covered = true;
        rs.push(reason('extendedWarranty', { program: ext.id, start: fromDay(ev.unitEnd + 1), end: fromDay(extEnd) }));
        if (endDay === null || extEnd > endDay) endDay = extEnd;
      } else if (ev.today > extEnd) {
        rs.push(reason('extendedWarrantyExpired', { program: ext.id, end: fromDay(extEnd) }));
      }
    }

    payers.customer = rest;
    remaining.push(rest);
    decisions.push({
      id: line.id,
      status: covered ? 'covered' : 'not_covered',
      coverage: cover.coverage,
      payers,
      endDate: endDay === null ? null : fromDay(endDay),
      reasons: rs,
    });
  }
  return { decisions, remaining };
}

interface MakerCover {
  coverage: LineDecision['coverage'];
  endDay: number | null;
  covered: boolean;
}

/** The maker's cover of one line: which period applies, its end (a replaced part may extend it), and whether today is inside. */
function makerCover(ev: Evaluation, line: Line, rs: Reason[]): MakerCover {
  const { policy, start, unitEnd, today } = ev;
  const ix = indexOf(policy);
  const mainRule = line.part !== null ? ix.main.get(line.part) : undefined;
  const accRule = line.part !== null && !mainRule ? ix.accessory.get(line.part) : undefined;
  const coverage: LineDecision['coverage'] = mainRule ? 'main_part' : accRule ? 'accessory' : 'unit';
  const partName = line.part ?? 'unit';
  let endDay: number | null = null;
  if (start === null || unitEnd === null) {
    rs.push(reason('noStartDate'));
    return { coverage, endDay, covered: false };
  }
  let period: Period = policy.unitPeriod;
  if (coverage === 'unit') endDay = unitEnd;
  else if (mainRule) {
    const m = ev.periods.of(mainRule.period).end;
    if (line.type === 'labor' && !policy.mainPartLaborCovered && today > unitEnd) {
      endDay = unitEnd;
      rs.push(reason('mainPartLaborNotCovered', { part: partName, end: fromDay(unitEnd) }));
    } else {
      endDay = m > unitEnd ? m : unitEnd;
      if (m > unitEnd) period = mainRule.period;
    }
  } else if (accRule) {
    endDay = ev.periods.of(accRule.period).end;
    period = accRule.period;
  }
  // A replaced part: the later of the original end and completion + the part's own period.
  if (line.part !== null) {
    let best: number | null = null;
    let bestDone = 0;
    for (const r of ev.history) {
      for (const pr of r.partsReplaced ?? []) {
        if (pr.part !== line.part) continue;
        const done = toDay(pr.completedOn);
        if (ev.basis === 'exchange' && done < start) continue; // that part left with the exchanged unit
        ev.periods.note(addPeriodDay(done, pr.period));
        const e = replacedPartEndDay(done, pr.period, ev.periods.cal);
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
  const f = ev.voidedBy.get(coverage);
  if (f !== undefined) rs.push(reason('excluded', { finding: f }));
  else if (endDay !== null && today <= endDay) {
    rs.push(
      reason(coverage === 'unit' ? 'covered' : coverage === 'main_part' ? 'mainPartCovered' : 'accessoryCovered', {
        part: partName,
        end: fromDay(endDay),
      }),
    );
    return { coverage, endDay, covered: true };
  } else if (endDay !== null) {
    rs.push(reason('partExpired', { part: partName, period: periodCode(period), end: fromDay(endDay) }));
  }
  return { coverage, endDay, covered: false };
}
