import type Database from 'better-sqlite3';
import { formatTicketNumber } from '../../shared/tickets/number';
import { statement } from '../db/statements';

/**
 * The next ticket number of a shop's month. The counter row is bumped inside the caller's
 * transaction, so a rolled-back intake gives its number back and two intakes never share
 * one (SQLite lets one writer in at a time).
 */
export function nextTicketNumber(sqlite: Database.Database, shopCode: string, yymm: string): { number: string; seq: number } {
  const row = statement<{ last_seq: number }>(
    sqlite,
    `INSERT INTO ticket_counters (key, last_seq) VALUES (?, 1)
     ON CONFLICT (key) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  ).get(`${shopCode}-${yymm}`)!;
  return { number: formatTicketNumber(shopCode, yymm, row.last_seq), seq: row.last_seq };
}
