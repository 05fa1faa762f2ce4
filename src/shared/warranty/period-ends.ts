/**
 * Period ends as the engine counts them: days in repair inside the period extend it, a last day
 * on a rest day rolls to the next working day, and every day the calendar does not cover is
 * remembered (the decision names the missing calendar years).
 */
import { toDay, yearOfDay } from './dates';
import { addPeriodDay } from './period';
import { calendarCoversDay, rollToWorkingDayNumber, type CompiledCalendar } from './holidays';
import { periodCode } from './reason';
import type { EvaluationInput, Period } from './schemas';

export interface PeriodEnd {
  end: number;
  /** Days in repair that extended it. */
  extra: number;
  /** The last day before the rest-day roll. */
  unrolled: number;
}

/**
 * Extends a raw last day by the days in repair that fall inside the period, then applies the
 * holiday rule. `ivs` are [from, to) pairs sorted by `from`, all starting on/after the period start.
 */
export function extendAndRoll(start: number, rawEnd: number, ivs: readonly number[], cal: CompiledCalendar): PeriodEnd {
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

/** Days in repair: [from, to) intervals (flattened) sorted by start, of warranty visits inside the period only. */
export function repairIntervals(start: number, input: EvaluationInput, today: number): number[] {
  const pairs: [number, number][] = [];
  for (const r of input.history ?? []) {
    if (r.chargeable) continue;
    const from = toDay(r.sentIn);
    if (from >= start) pairs.push([from, toDay(r.returnedOn)]);
  }
  if (input.current) {
    const from = toDay(input.current.sentIn);
    if (from >= start) pairs.push([from, today]);
  }
  if (pairs.length > 1) pairs.sort((a, b) => a[0] - b[0]);
  const ivs = new Array<number>(pairs.length * 2);
  for (let i = 0; i < pairs.length; i++) {
    ivs[2 * i] = pairs[i]![0];
    ivs[2 * i + 1] = pairs[i]![1];
  }
  return ivs;
}

/** One evaluation's period arithmetic: ends cached per period, missing calendar years collected in order. */
export class PeriodEnds {
  readonly missingYears = new Set<number>();
  private readonly ends = new Map<string, PeriodEnd>();

  constructor(
    readonly cal: CompiledCalendar,
    private readonly start: number | null,
    private readonly ivs: readonly number[],
  ) {}

  /** The end of a period from the start (only called once a start is known). */
  of(p: Period): PeriodEnd {
    const key = periodCode(p);
    let e = this.ends.get(key);
    if (!e) {
      e = extendAndRoll(this.start!, addPeriodDay(this.start!, p), this.ivs, this.cal);
      this.note(e.unrolled);
      this.ends.set(key, e);
    }
    return e;
  }

  roll(d: number): number {
    this.note(d);
    return rollToWorkingDayNumber(d, this.cal);
  }

  /** Remembers a day's year when the calendar does not cover it. */
  note(d: number): void {
    if (!calendarCoversDay(d, this.cal)) this.missingYears.add(yearOfDay(d));
  }
}
