/**
 * Head office's migrations (src/hq/db.ts), the same on SQLite and PostgreSQL: a database
 * upgraded from every earlier migration has exactly the schema of a fresh one and keeps its rows,
 * and the schema each shipped migration leaves is pinned (tests/fixtures/migrations/hq-shipped.json),
 * so a shipped migration changed in place fails here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqMigrations, openHqDatabase, type HqDialect } from '../../../src/hq/db';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/backend';

const PINNED = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/migrations/hq-shipped.json'), 'utf8')) as Record<HqDialect, Record<string, string>>;

let pgServer: TestPostgres | null = null;
let dbCount = 0;
beforeAll(async () => {
  pgServer = await startPostgres();
}, 120_000);
afterAll(() => pgServer?.stop());

interface Place {
  /** openHqDatabase's options for this database */
  open: { file?: string; databaseUrl?: string };
  kysely(): Kysely<unknown>;
}

async function newPlace(dialect: HqDialect): Promise<Place> {
  if (dialect === 'sqlite') {
    const file = path.join(tempDir(), 'hq.sqlite');
    return { open: { file }, kysely: () => new Kysely({ dialect: new SqliteDialect({ database: new Database(file) }) }) };
  }
  const url = await pgServer!.createDatabase(`hq_migrations_${++dbCount}`);
  return { open: { databaseUrl: url }, kysely: () => new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }) };
}

/** The schema as comparable lines: SQLite's sqlite_master, PostgreSQL's columns, constraints and indexes. */
async function schemaOf(dialect: HqDialect, db: Kysely<unknown>): Promise<string[]> {
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; sql: string | null }>`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`.execute(db);
    return rows.map((r) => `${r.type} ${r.name}: ${norm(r.sql)}`);
  }
  const cols = await sql<{ t: string; c: string; ty: string; n: string; d: string | null }>`
    SELECT table_name AS t, column_name AS c, data_type AS ty, is_nullable AS n, column_default AS d
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(db);
  const cons = await sql<{ t: string; name: string; def: string }>`
    SELECT rel.relname AS t, con.conname AS name, pg_get_constraintdef(con.oid) AS def
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' ORDER BY rel.relname, con.conname`.execute(db);
  const idx = await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`.execute(db);
  return [
    ...cols.rows.map((r) => `column ${r.t}.${r.c} ${r.ty} ${r.n} ${norm(r.d)}`),
    ...cons.rows.map((r) => `constraint ${r.t}.${r.name} ${norm(r.def)}`),
    ...idx.rows.map((r) => `index ${r.name}: ${norm(r.def)}`),
  ];
}

const hash = (lines: string[]) => crypto.createHash('sha256').update(lines.join('\n')).digest('hex');

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`head office's migrations on ${dialect}`, () => {
    const names = Object.keys(hqMigrations(dialect)).sort();

    it('each shipped migration leaves the schema it shipped with', async (t) => {
      if (dialect === 'postgres' && !pgServer) t.skip();
      const place = await newPlace(dialect);
      const db = place.kysely();
      try {
        const migrator = new Migrator({ db, provider: { getMigrations: async () => hqMigrations(dialect) }, migrationTableName: 'hq_migrations', migrationLockTableName: 'hq_migrations_lock' });
        const now: Record<string, string> = {};
        for (const name of names) {
          const { error } = await migrator.migrateTo(name);
          expect(error).toBeUndefined();
          now[name] = hash(await schemaOf(dialect, db));
        }
        const changed = Object.entries(PINNED[dialect]).filter(([k, h]) => now[k] !== h).map(([k]) => k);
        expect(changed, 'shipped head-office migrations whose schema changed (write a new migration instead)').toEqual([]);
        const unpinned = Object.entries(now).filter(([k]) => !(k in PINNED[dialect])).map(([k, h]) => `"${k}": "${h}"`);
        expect(unpinned, 'new head-office migrations: add them to tests/fixtures/migrations/hq-shipped.json').toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it('a database upgraded from every earlier migration has the schema of a fresh one, and keeps its rows', async (t) => {
      if (dialect === 'postgres' && !pgServer) t.skip();
      const freshPlace = await newPlace(dialect);
      const fresh = await openHqDatabase(freshPlace.open);
      const freshSchema = await schemaOf(dialect, fresh.db as unknown as Kysely<unknown>);
      expect(await sql`SELECT id, value FROM hq_counter`.execute(fresh.db)).toMatchObject({ rows: [{ id: 1, value: 0 }] });
      await fresh.close();
      for (const stop of names.slice(0, -1)) {
        const place = await newPlace(dialect);
        const old = place.kysely();
        const migrator = new Migrator({ db: old, provider: { getMigrations: async () => hqMigrations(dialect) }, migrationTableName: 'hq_migrations', migrationLockTableName: 'hq_migrations_lock' });
        expect((await migrator.migrateTo(stop)).error).toBeUndefined();
        await sql`INSERT INTO hq_shops (id, code, name, created_at) VALUES ('s1', 'SZ01', '福田店', '2026-03-01T00:00:00.000Z')`.execute(old);
        await old.destroy();
        const upgraded = await openHqDatabase(place.open);
        try {
          expect(await schemaOf(dialect, upgraded.db as unknown as Kysely<unknown>), `upgraded from ${stop}`).toEqual(freshSchema);
          expect((await sql`SELECT code, name, last_seq FROM hq_shops`.execute(upgraded.db)).rows).toEqual([{ code: 'SZ01', name: '福田店', last_seq: 0 }]);
        } finally {
          await upgraded.close();
        }
      }
    });

    it('017 (the publications log) records what head office published before it', async (t) => {
      if (dialect === 'postgres' && !pgServer) t.skip();
      const place = await newPlace(dialect);
      const old = place.kysely();
      // A head office deployed before 017 existed: every migration before it.
      const { '017-publications': _later, ...before } = hqMigrations(dialect);
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => before }, migrationTableName: 'hq_migrations', migrationLockTableName: 'hq_migrations_lock' });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      await sql`INSERT INTO hq_shops (id, code, name, created_at) VALUES ('s1', 'SZ01', '福田店', '2026-03-01T00:00:00.000Z')`.execute(old);
      const item = (kind: string, scope: string, id: string, change: number, at: string) =>
        sql`INSERT INTO hq_items (kind, scope, id, change_no, deleted, data, updated_at) VALUES (${kind}, ${scope}, ${id}, ${change}, 0, '{}', ${at})`.execute(old);
      await item('price_list.item', '*', 'p1', 1, '2026-03-01T08:00:00.000Z');
      await item('price_list.item', '*', 'p2', 2, '2026-03-02T08:00:00.000Z');
      await item('users', 's1', 'u1', 3, '2026-03-03T08:00:00.000Z');
      // A shop's answer from head office (a claim decision) is not a publication of head office's data.
      await item('warranty.claimDecision', 's1', 'c1', 4, '2026-03-04T08:00:00.000Z');
      await old.destroy();
      const upgraded = await openHqDatabase(place.open);
      try {
        const rows = (await sql`SELECT id, kind, scope, version, title, actor, at, item_count, first_change, last_change FROM hq_publications ORDER BY id`.execute(upgraded.db)).rows;
        expect(rows).toEqual([
          { id: 1, kind: 'price_list.item', scope: '*', version: 1, title: 'before the log', actor: 'unknown', at: '2026-03-02T08:00:00.000Z', item_count: 2, first_change: 1, last_change: 2 },
          { id: 3, kind: 'users', scope: 's1', version: 1, title: 'before the log', actor: 'unknown', at: '2026-03-03T08:00:00.000Z', item_count: 1, first_change: 3, last_change: 3 },
        ]);
        const fresh = await openHqDatabase((await newPlace(dialect)).open);
        const freshSchema = await schemaOf(dialect, fresh.db as unknown as Kysely<unknown>);
        await fresh.close();
        expect(await schemaOf(dialect, upgraded.db as unknown as Kysely<unknown>)).toEqual(freshSchema);
      } finally {
        await upgraded.close();
      }
    });
  });
}
