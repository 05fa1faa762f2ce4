import type BetterSqlite3 from 'better-sqlite3';

/**
 * Makes a table synced: after every insert, update or delete a trigger appends
 * (table, row id, op) to the outbox. The outbox's AUTOINCREMENT key is the shop's
 * sequence, assigned inside the writer's transaction, so a rolled-back write leaves
 * no outbox row and no code path can forget to record a change.
 */
export function makeSynced(db: BetterSqlite3.Database, table: string, idColumn = 'id'): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(table) || !/^[a-z_][a-z0-9_]*$/.test(idColumn)) {
    throw new Error(`bad synced table name ${table}.${idColumn}`);
  }
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS outbox_${table}_insert AFTER INSERT ON ${table}
    BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('${table}', NEW.${idColumn}, 'upsert'); END;
    CREATE TRIGGER IF NOT EXISTS outbox_${table}_update AFTER UPDATE ON ${table}
    BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('${table}', NEW.${idColumn}, 'upsert'); END;
    CREATE TRIGGER IF NOT EXISTS outbox_${table}_delete AFTER DELETE ON ${table}
    BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('${table}', OLD.${idColumn}, 'delete'); END;
  `);
}

/** Forbids UPDATE and DELETE on a table: ledgers and logs are append-only. */
export function makeAppendOnly(db: BetterSqlite3.Database, table: string): void {
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  `);
}

/** The tables that currently carry outbox triggers (read from the schema, not a list to keep in step). */
export function syncedTables(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare(`SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox\\_%\\_insert' ESCAPE '\\'`)
    .all() as { tbl_name: string }[];
  return rows.map((r) => r.tbl_name).sort();
}
