import type Database from 'better-sqlite3';
import { column, statement } from './statements';

/**
 * What SQLite says about the schema itself (its catalog and pragmas), read here once with the
 * row types declared: head office's row shapes, restores, backups and the reports ask about
 * tables, columns and keys the Database interface cannot know ahead (older files, dynamic SQL).
 */

export function hasTable(sqlite: Database.Database, name: string): boolean {
  return column<1, [string]>(sqlite, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/** The ordinary tables (not SQLite's own, not full-text indexes), by name. */
export function dataTables(sqlite: Database.Database): string[] {
  return column<string, []>(sqlite, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all();
}

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

export function tableColumns(sqlite: Database.Database, table: string): ColumnInfo[] {
  return statement<ColumnInfo, [string]>(sqlite, `SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table);
}

export function columnNames(sqlite: Database.Database, table: string): Set<string> {
  return new Set(tableColumns(sqlite, table).map((c) => c.name));
}

/** The table's foreign keys: the table each points at (`table`) and the column holding it (`from`). */
export function foreignKeys(sqlite: Database.Database, table: string): { table: string; from: string }[] {
  return statement<{ table: string; from: string }, [string]>(sqlite, `SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(table);
}

/** The SQL of a table's outbox insert trigger (it names the row's id column), if the table is synced. */
export function outboxTriggerSql(sqlite: Database.Database, table: string): string | undefined {
  return column<string, [string]>(sqlite, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(`outbox_${table}_insert`);
}

/** How many rows break a foreign key (after a restore that wrote with the keys off). */
export function foreignKeyIssueCount(sqlite: Database.Database): number {
  return column<number, []>(sqlite, `SELECT count(*) FROM pragma_foreign_key_check`).get() ?? 0;
}

/** SQLite's full integrity check: 'ok', or its first finding. */
export function integrityCheck(sqlite: Database.Database): string {
  return String(sqlite.pragma('integrity_check', { simple: true }));
}
