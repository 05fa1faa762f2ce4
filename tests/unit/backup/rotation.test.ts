import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeek, type DatedBackup } from '../../../src/shared/backup/rotation';
import { localDate } from '../../../src/shared/time/local-date';
import { ManualClock } from '../../helpers/clock';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;

/** One backup a day (and a second one on days of a daily close), going back from the clock. */
function history(clock: ManualClock, days: number): DatedBackup[] {
  const out: DatedBackup[] = [];
  for (let k = 0; k < days; k++) {
    const at = new Date(clock.now().getTime() - k * DAY);
    out.push({ id: `d${k}`, at: at.toISOString(), date: localDate(at, TZ) });
    const later = new Date(at.getTime() + 3600_000); // the after-close backup, an hour later the same day
    if (k % 3 === 0 && k > 0) out.push({ id: `c${k}`, at: later.toISOString(), date: localDate(later, TZ) });
  }
  return out;
}

describe('backup rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps the newest backup of each of the 7 newest days, 4 newest ISO weeks and 12 newest months', () => {
    // Wednesday 18 March 2026, 10:00 in Shanghai
    const clock = new ManualClock(Date.parse('2026-03-18T02:00:00Z'));
    const all = history(clock, 400);
    const keep = backupsToKeep(all);
    const keptDates = all.filter((b) => keep.has(b.id)).map((b) => b.date).sort();
    // worked out on a calendar: days 12–18 March; the Sundays 8 and 1 March closing the two weeks
    // before (15 March is already a daily); the last day of February 2026 back to April 2025
    expect(keptDates).toEqual([
      '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31',
      '2026-01-31', '2026-02-28', '2026-03-01', '2026-03-08',
      '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18',
    ]);
    // of a day with two backups, the later one is kept (15 March: k = 3, the after-close copy)
    expect(keep.has('c3')).toBe(true);
    expect(keep.has('d3')).toBe(false);
  });

  it('a shop closed for two months keeps its last 7 days of backups, not none', () => {
    const clock = new ManualClock(Date.parse('2026-03-18T02:00:00Z'));
    const old = history(clock, 30);
    clock.advance(60 * DAY);
    const keep = backupsToKeep(old);
    expect(old.filter((b) => keep.has(b.id)).map((b) => b.date).sort().slice(-7)).toEqual([
      '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18',
    ]);
  });

  it('fewer backups than the policy: every one is kept', () => {
    const clock = new ManualClock(Date.parse('2026-03-18T02:00:00Z'));
    const few = history(clock, 3).filter((b) => b.id.startsWith('d'));
    expect(backupsToKeep(few).size).toBe(3);
    expect(backupsToKeep([]).size).toBe(0);
  });

  it('names ISO weeks across year ends', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday belongs to the week before
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday of the week holding 2 January 2025, a Thursday
    expect(isoWeek('2026-03-15')).toBe('2026-W11');
    expect(isoWeek('2026-03-16')).toBe('2026-W12');
  });
});
