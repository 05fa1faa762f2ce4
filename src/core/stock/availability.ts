import type Database from 'better-sqlite3';
import { availability, type Availability } from '../../shared/stock/availability';
import type { PartRow } from '../../shared/stock/schemas';
import { partRow } from './catalog';
import { statement } from '../db/statements';

/** On hand, reserved, available of one part: one primary-key read of the derived balance. */
export function availabilityOf(sqlite: Database.Database, partId: string): Availability {
  const b = statement<{ on_hand: number; reserved: number }>(sqlite, `SELECT on_hand, reserved FROM stock_balances WHERE part_id = ?`).get(partId);
  return availability(b?.on_hand ?? 0, b?.reserved ?? 0);
}

/** The part as a picker shows it (catalog + figures); throws NOT_FOUND for an unknown id. */
export function partRowForPicker(sqlite: Database.Database, partId: string): PartRow {
  return partRow(sqlite, partId);
}
