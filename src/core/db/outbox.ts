import type BetterSqlite3 from 'better-sqlite3';

export { makeAppendOnly, makeSynced } from './migrations/triggers';

/** The tables that currently carry outbox triggers (read from the schema, not a list to keep in step). */
export function syncedTables(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare(`SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox\\_%\\_insert' ESCAPE '\\'`)
    .all() as { tbl_name: string }[];
  return rows.map((r) => r.tbl_name).sort();
}
