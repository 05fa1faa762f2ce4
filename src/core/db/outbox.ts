import type BetterSqlite3 from 'better-sqlite3';

export { makeAppendOnly, makeSynced } from './migrations/triggers';

/** The tables that currently carry outbox triggers (read from the schema, not a list to keep in step). */
export function syncedTables(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare(`SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox\\_%\\_insert' ESCAPE '\\'`)
    .all() as { tbl_name: string }[];
  return rows.map((r) => r.tbl_name).sort();
}

/**
 * Drops the outbox triggers and returns what puts them back exactly as they were. For bulk writes
 * whose rows must not be queued (generated history; a restore from head office, which holds them
 * already). Inside a transaction the drop and the re-creation commit or roll back with it.
 */
export function suspendOutboxTriggers(db: BetterSqlite3.Database): () => void {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
  };
}
