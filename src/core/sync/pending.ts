import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';

/**
 * Which of `ids` of a synced table head office does not hold yet (an outbox entry after the
 * acknowledged sequence). Lists and detail views use it to mark "not yet at head office".
 */
export function pendingSync(sqlite: BetterSqlite3.Database, table: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const acked = statement<{ acked_seq: number }, []>(sqlite, `SELECT acked_seq FROM sync_state WHERE id = 1`).get()?.acked_seq ?? 0;
  const out = new Set<string>();
  const stmt = statement<1, [table: string, id: string, acked: number]>(sqlite, `SELECT 1 FROM outbox WHERE table_name = ? AND row_id = ? AND seq > ? LIMIT 1`);
  for (const id of ids) if (stmt.get(table, id, acked)) out.add(id);
  return out;
}
