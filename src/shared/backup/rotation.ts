/**
 * Which backups to keep (grandfather–father–son): the newest backup of each of the 7 newest
 * days that have one, of each of the 4 newest ISO weeks, and of each of the 12 newest months.
 * "Newest days that have one", not "the last 7 calendar days": a shop closed for a month keeps
 * its last week of backups instead of losing all of them. Pure: days are the shop's calendar
 * dates (`YYYY-MM-DD`, computed by the caller in the shop's time zone).
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedBackup {
  id: string;
  /** The instant it was taken (ISO-8601 UTC): orders backups of the same day. */
  at: string;
  /** Its calendar date in the shop's time zone. */
  date: string;
}

/** ISO-8601 week of a calendar date, `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - day + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ids to keep; every other backup may be deleted. */
export function backupsToKeep(backups: readonly DatedBackup[], policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  // newest first; two taken in the same instant are ordered by id (UUIDv7: later is larger)
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const keep = new Set<string>();
  const bucket = (key: (b: DatedBackup) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.id);
    }
  };
  bucket((b) => b.date, policy.daily);
  bucket((b) => isoWeek(b.date), policy.weekly);
  bucket((b) => b.date.slice(0, 7), policy.monthly);
  return keep;
}
