import type Database from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { DB } from './schema';
import { prepared, statement } from './statements';

/**
 * Kysely's query builder alone, typed from the one Database interface, for code that holds the
 * raw connection synchronously (better-sqlite3 transactions, backups, restores, demo data): the
 * query is built and compiled here and run on the same connection through the statement cache,
 * so its rows are typed by the tables' declarations rather than by a cast.
 */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** Every row the query answers. */
export function rows<O>(sqlite: Database.Database, query: Compilable<O>): O[] {
  const { sql, parameters } = query.compile();
  return statement<O, unknown[]>(sqlite, sql).all(...parameters);
}

/** The query's first row, if any. */
export function firstRow<O>(sqlite: Database.Database, query: Compilable<O>): O | undefined {
  const { sql, parameters } = query.compile();
  return statement<O, unknown[]>(sqlite, sql).get(...parameters);
}

/** Runs an insert, update or delete. */
export function write(sqlite: Database.Database, query: Compilable): Database.RunResult {
  const { sql, parameters } = query.compile();
  return prepared(sqlite, sql).run(...parameters);
}
