import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection: the hot paths (intake, search, lists) run
 * the same few statements thousands of times, and preparing costs more than running.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/** The smallest string greater than every string starting with `prefix`: prefix ranges on an index. */
export function prefixEnd(prefix: string): string {
  return prefix + '\u{10FFFF}';
}
