import type Database from 'better-sqlite3';

/**
 * The one cache of prepared statements, per connection: the hot paths (intake, search, lists,
 * stock movements, sync push and pull, report folds, restores) run the same few statements
 * thousands of times, and preparing costs more than running. On the raw connection: inside a
 * mutation it is the same connection and the same transaction as the handler's kysely `db`.
 * Texts built from a varying list (`IN (?, ?, …)`, a backup's per-table counts) make more
 * entries, so the cache starts over past a bound rather than growing with them.
 */
const CACHE_LIMIT = 2000;
type Mode = 'rows' | 'pluck' | 'raw';
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cached(sqlite: Database.Database, sql: string, mode: Mode): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  // a statement's mode sticks to it, so each mode has its own entry for the same text
  const key = mode === 'rows' ? sql : `${mode}\u0000${sql}`;
  let stmt = cache.get(key);
  if (!stmt) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stmt = sqlite.prepare(sql);
    if (mode === 'pluck') stmt.pluck();
    else if (mode === 'raw') stmt.raw();
    cache.set(key, stmt);
  }
  return stmt;
}

/**
 * A cached statement that changes rows (or DDL): only `run`, whose result better-sqlite3 types;
 * a statement that answers rows is typed where it is written (`statement`, `column`, `tuples`).
 */
export function prepared(sqlite: Database.Database, sql: string): Pick<Database.Statement, 'run'> {
  return cached(sqlite, sql, 'rows');
}

/** Whether the query answers any row (`SELECT 1 FROM … WHERE …`). */
export function exists(sqlite: Database.Database, sql: string, ...params: unknown[]): boolean {
  return cached(sqlite, sql, 'rows').get(...params) !== undefined;
}

/**
 * A cached statement typed once, where its SQL is written (the row it answers and the
 * parameters it binds): call sites read typed rows with no cast.
 */
export function statement<Row, Params extends unknown[] = unknown[]>(sqlite: Database.Database, sql: string): Database.Statement<Params, Row> {
  return cached(sqlite, sql, 'rows') as unknown as Database.Statement<Params, Row>;
}

/** A cached statement answering its first column alone (better-sqlite3's `pluck`), typed where written. */
export function column<Value, Params extends unknown[] = unknown[]>(sqlite: Database.Database, sql: string): Database.Statement<Params, Value> {
  return cached(sqlite, sql, 'pluck') as unknown as Database.Statement<Params, Value>;
}

/** A cached statement answering rows as arrays in column order (better-sqlite3's `raw`), for the folds over millions of rows. */
export function tuples<Row extends unknown[], Params extends unknown[] = unknown[]>(sqlite: Database.Database, sql: string): Database.Statement<Params, Row> {
  return cached(sqlite, sql, 'raw') as unknown as Database.Statement<Params, Row>;
}

export function run(sqlite: Database.Database, sql: string, ...params: unknown[]): Database.RunResult {
  return prepared(sqlite, sql).run(...params);
}

/** The smallest string greater than every string starting with `prefix`: prefix ranges on an index. */
export function prefixEnd(prefix: string): string {
  return prefix + '\u{10FFFF}';
}

/**
 * What kysely's SqliteDialect is given instead of the bare connection: the same connection whose
 * `prepare` answers from a cache, so an ordinary kysely query pays for preparing its statement
 * once per text rather than on every call (about 80 µs of each session check before). Apart from
 * `prepared()`'s cache because callers there may switch a statement's mode (`pluck`, `raw`), which
 * sticks to the statement; kysely never does. Kysely's parameters keep the texts few; a text built
 * with a varying `IN (?, ?, …)` list makes more, so the cache starts over past a bound.
 */
const KYSELY_CACHE_LIMIT = 2000;
const kyselyCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachingDatabase(sqlite: Database.Database): { prepare(sql: string): Database.Statement; close(): void } {
  let cache = kyselyCaches.get(sqlite);
  if (!cache) kyselyCaches.set(sqlite, (cache = new Map()));
  const statements = cache;
  return {
    prepare(sql) {
      let stmt = statements.get(sql);
      if (!stmt) {
        if (statements.size >= KYSELY_CACHE_LIMIT) statements.clear();
        statements.set(sql, (stmt = sqlite.prepare(sql)));
      }
      return stmt;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
