import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection. Stock's hot paths (availability,
 * movement writes) run on the raw connection: inside a mutation it is the same connection
 * and the same transaction as the handler's kysely `db`.
 */
export function stmt(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

export function get<T>(sqlite: Database.Database, sql: string, ...params: unknown[]): T | undefined {
  return stmt(sqlite, sql).get(...params) as T | undefined;
}

export function all<T>(sqlite: Database.Database, sql: string, ...params: unknown[]): T[] {
  return stmt(sqlite, sql).all(...params) as T[];
}

export function run(sqlite: Database.Database, sql: string, ...params: unknown[]): Database.RunResult {
  return stmt(sqlite, sql).run(...params);
}
