/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * Why integer day numbers: a purchase date is a calendar date in the shop's time zone, not an
 * instant. Going through `new Date(...)` invites local-time and DST bugs, so every computation
 * here converts to a proleptic-Gregorian day number (days since 1970-01-01) with pure integer
 * arithmetic (H. Hinnant's civil-from-days algorithm) and back. No Date object, no time zone.
 */

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid y/m/d (month 1–12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar date written exactly as YYYY-MM-DD (so 2025-02-29 is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * 'YYYY-MM-DD' → day number. Parses by character codes: this sits on the hot path of every
 * evaluation, and a regex plus Number() per date is measurably slower. Callers validate first
 * (isIsoDate / the zod schema); this function assumes a well-formed string.
 */
export function toDay(s: IsoDate): number {
  const c = (i: number) => s.charCodeAt(i) - 48;
  const y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const m = c(5) * 10 + c(6);
  const d = c(8) * 10 + c(9);
  return daysFromCivil(y, m, d);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function fromDay(n: number): IsoDate {
  const { y, m, d } = civilFromDays(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDay(toDay(date) + n);
}

/**
 * Calendar-month addition with end-of-month clamping: 2024-01-31 + 1 month = 2024-02-29,
 * 2024-02-29 + 12 months = 2025-02-28. This is the rule of 民法典 第二百零二条 ("到期月的对应日
 * 为期间的最后一日；没有对应日的，月末日为期间的最后一日").
 */
export function addMonthsDay(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDay(addMonthsDay(toDay(date), months));
}

/** b − a in days: daysBetween('2025-01-01', '2025-01-08') = 7. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

/** −1, 0 or 1; ISO dates of the same shape also compare as strings, this states the intent. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const x = toDay(a);
  const y = toDay(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekday(date: IsoDate): number {
  return weekdayOfDay(toDay(date));
}

export function yearOfDay(n: number): number {
  return civilFromDays(n).y;
}
