/**
 * Head office's migration 016 (the network figures counted in the engine) on a database that
 * already holds a projection built before it: every shop's mark is cleared, so the next read
 * rebuilds the projection and projects the follow-up calls the shops had synced; nothing synced
 * is lost. On SQLite and PostgreSQL.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqMigrations, openHqDatabase } from '../../../src/hq/db';
import { refreshFacts } from '../../../src/hq/network-figures/store';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/backend';

let pgServer: TestPostgres | null = null;
beforeAll(async () => {
  pgServer = await startPostgres();
}, 120_000);
afterAll(() => pgServer?.stop());

const AT = '2026-11-22T06:00:00.000Z';
const rows: [string, string, Record<string, unknown>][] = [
  ['tickets', 'T1', { id: 'T1', number: 'T1', device_id: 'T1-d', promised_date: '2026-11-05', warranty_claimed: 0 }],
  ['ticket_events', 'T1-e0', { id: 'T1-e0', ticket_id: 'T1', at: '2026-11-03T02:00:00.000Z', to_status: 'received' }],
  ['ticket_events', 'T1-e1', { id: 'T1-e1', ticket_id: 'T1', at: '2026-11-05T02:00:00.000Z', to_status: 'collected' }],
  ['follow_ups', 'F1', { id: 'F1', ticket_id: 'T1', due_date: '2026-11-08', status: 'done', reached: 1, score: 5, problem_reported: 0 }],
  ['follow_ups', 'F2', { id: 'F2', ticket_id: 'T1', due_date: '2026-11-09', status: 'unreachable', reached: 0, score: null, problem_reported: 1 }],
];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`head office's migration 016 on ${dialect}`, () => {
    it('clears the marks of projections built before it; the next read projects the follow-up calls', async (t) => {
      if (dialect === 'postgres' && !pgServer) t.skip();
      let open: { file?: string; databaseUrl?: string };
      let old: Kysely<unknown>;
      if (dialect === 'sqlite') {
        const file = path.join(tempDir(), 'hq.sqlite');
        open = { file };
        old = new Kysely({ dialect: new SqliteDialect({ database: new Database(file) }) });
      } else {
        const url = await pgServer!.createDatabase('hq_migration_016');
        open = { databaseUrl: url };
        old = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
      }
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => hqMigrations(dialect) }, migrationTableName: 'hq_migrations', migrationLockTableName: 'hq_migrations_lock' });
      expect((await migrator.migrateTo('015-message-plans')).error).toBeUndefined();
      // What 014's projection left: the shop current at sequence 7, its ticket projected, no follow-ups.
      await sql`INSERT INTO hq_shops (id, code, name, created_at, last_seq, high_version, schema_version) VALUES ('s1', 'SZ01', '福田店', ${AT}, 7, 7, 19)`.execute(old);
      for (const [table, id, data] of rows) await sql`INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) VALUES ('s1', ${table}, ${id}, 7, 0, ${JSON.stringify(data)}, ${AT})`.execute(old);
      await sql`INSERT INTO hq_report_facts (shop_id, ticket_id, number, received_at, last_touch_at, status) VALUES ('s1', 'T1', 'T1', '2026-11-03T02:00:00.000Z', '2026-11-05T02:00:00.000Z', 'collected')`.execute(old);
      await sql`INSERT INTO hq_report_marks (shop_id, last_seq, high_version, tables_json, built_at) VALUES ('s1', 7, 7, '["follow_ups","ticket_events","tickets"]', ${AT})`.execute(old);
      await old.destroy();

      const store = await openHqDatabase(open);
      try {
        expect((await store.db.selectFrom('hq_report_marks').selectAll().execute()).length).toBe(0);
        expect(await store.db.selectFrom('hq_report_follow_ups').selectAll().execute()).toEqual([]);
        expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM hq_rows`.execute(store.db)).rows[0]!.n)).toBe(rows.length);
        // The next read rebuilds the shop: its calls as the satisfaction figures count them.
        await refreshFacts(store, 90, AT);
        const calls = await store.db.selectFrom('hq_report_follow_ups').selectAll().orderBy('follow_up_id').execute();
        expect(calls.map((c) => ({ ...c, reached: Number(c.reached), problem_reported: Number(c.problem_reported) }))).toEqual([
          { shop_id: 's1', follow_up_id: 'F1', ticket_id: 'T1', due_date: '2026-11-08', status: 'done', reached: 1, score: 5, problem_reported: 0 },
          { shop_id: 's1', follow_up_id: 'F2', ticket_id: 'T1', due_date: '2026-11-09', status: 'unreachable', reached: 0, score: null, problem_reported: 1 },
        ]);
        expect((await store.db.selectFrom('hq_report_marks').select(['shop_id', 'last_seq']).execute()).map((m) => [m.shop_id, Number(m.last_seq)])).toEqual([['s1', 7]]);
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}
