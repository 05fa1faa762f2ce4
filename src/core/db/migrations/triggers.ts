import type BetterSqlite3 from 'better-sqlite3';

/*
 * FROZEN: shipped migrations create their outbox and append-only triggers with these two
 * functions, so what they write is part of every shipped migration's SQL (pinned by
 * tests/integration/core/migrations-frozen.test.ts). Never change them; a migration that needs
 * other triggers writes its own SQL.
 */

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
