import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { localDate } from '../../shared/time/local-date';
import { statement } from '../db/statements';
import { timeZoneOf } from './settings';

export interface ShopClock {
  code: string;
  timeZone: string;
  /** Today's date in the shop's time zone. */
  today: string;
}

/** The shop's code and time zone (read per call: a manager may change the zone in settings). */
export function shopClock(sqlite: Database.Database, now: Date): ShopClock {
  const row = statement<{ code: string; settings_json: string }>(sqlite, `SELECT code, settings_json FROM shop LIMIT 1`).get();
  if (!row) throw new AppError('SETUP_REQUIRED');
  const tz = timeZoneOf(row.settings_json);
  return { code: row.code, timeZone: tz, today: localDate(now, tz) };
}
