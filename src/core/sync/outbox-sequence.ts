/**
 * The outbox's sequence against head office's: where it stands, and continuing it above what
 * head office holds (after a restore from an older copy, or a re-enrollment that rebased).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';
import { appendSnapshot } from './rows';

/** The outbox's high-water mark (AUTOINCREMENT keeps it in sqlite_sequence, also after deletes). */
export function localMax(sqlite: BetterSqlite3.Database): number {
  return statement<{ seq: number }, []>(sqlite, `SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get()?.seq ?? 0;
}

/** New outbox entries continue after `seq`. */
function setOutboxSequence(sqlite: BetterSqlite3.Database, seq: number): void {
  if (statement<never, [number]>(sqlite, `UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'`).run(seq).changes === 0) {
    statement<never, [number]>(sqlite, `INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)`).run(seq);
  }
}

/**
 * Continues the outbox above `high` (what head office holds) and queues a full snapshot. The
 * deletions not known to be at head office (after `ackedBefore`) are queued again too: a row
 * that is gone is in no snapshot. Call inside a write transaction.
 */
export function rebaseAbove(sqlite: BetterSqlite3.Database, high: number, ackedBefore: number): void {
  const deletes = statement<{ table_name: string; row_id: string }, [number]>(
    sqlite,
    `SELECT DISTINCT table_name, row_id FROM outbox WHERE seq > ? AND op = 'delete'`,
  ).all(ackedBefore);
  if (high > localMax(sqlite)) setOutboxSequence(sqlite, high);
  statement<never, []>(sqlite, `DELETE FROM outbox`).run();
  const again = statement<never, [table: string, rowId: string]>(sqlite, `INSERT INTO outbox (table_name, row_id, op) VALUES (?, ?, 'delete')`);
  for (const d of deletes) again.run(d.table_name, d.row_id);
  appendSnapshot(sqlite);
}
