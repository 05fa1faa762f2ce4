import type { Clock } from '../../src/shared/util/ids';

/**
 * The instant every test's "now" is built on: Monday 23 November 2026, 10:00 in Shenzhen.
 * Tests never read the wall clock for a business date; fixture dates are fixed together
 * with this instant or computed from it (`testDate`), so the suite passes on any machine date
 * (`.ci/run` proves it by running under `faketime '+400 days'`).
 */
export const TEST_EPOCH = '2026-11-23T02:00:00.000Z';
const EPOCH_MS = Date.parse(TEST_EPOCH);
const DAY_MS = 86_400_000;

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private t = EPOCH_MS) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
  set(iso: string) {
    this.t = Date.parse(iso);
  }
}

/**
 * A clock that starts at `start` and then runs at the speed of real time (monotonic), for
 * tests that need time to pass (session idle, ordering, timeouts) but not today's date.
 */
export class RunningClock implements Clock {
  private readonly t0 = performance.now();
  constructor(private readonly start = EPOCH_MS) {}
  now() {
    return new Date(this.start + Math.floor(performance.now() - this.t0));
  }
}

/**
 * A calendar date (YYYY-MM-DD, in Shenzhen's time zone, the test shops' zone) `days` after the
 * day of `from` (default the epoch): promised dates, purchase dates, expected part dates.
 */
export function testDate(days: number, from: Clock | number = EPOCH_MS): string {
  const ms = typeof from === 'number' ? from : from.now().getTime();
  // Asia/Shanghai has no daylight saving: +8 h turns the UTC instant into the local day.
  return new Date(ms + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
}
