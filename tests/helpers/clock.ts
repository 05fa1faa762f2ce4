import type { Clock } from '../../src/shared/util/ids';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private t = Date.parse('2026-11-23T02:00:00Z')) {}
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
