/** Local calendar days of a time zone as UTC instants (the report's window, a promised day's end). */

/** The UTC instant a local calendar day starts in a time zone. */
export function zonedDayStartIso(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at the guess, then once more at the corrected instant (DST edges).
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t).toISOString();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(instant: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A memoized `promiseEnds` for a zone: the start of the day after the promised date. */
export function promiseEndsIn(timeZone: string, addDays: (d: string, n: number) => string): (date: string) => string {
  const cache = new Map<string, string>();
  return (date) => {
    let v = cache.get(date);
    if (v === undefined) cache.set(date, (v = zonedDayStartIso(addDays(date, 1), timeZone)));
    return v;
  };
}
