import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import { statusPageMigration } from './status/migration';
import { claimsMigration, type HqClaimTables } from './console/claims-migration';
import { remoteApprovalMigration, type HqApprovalTables } from './status/approval-migration';
import { surveysMigration, type HqSurveyTables } from './status/survey-migration';
import { messagesMigration, type HqMessageTables } from './messages/migration';
import { messagePlansMigration, type HqMessagePlanTables } from './messages/plan-migration';
import { returnsComplaintsMigration, type HqReturnsTables } from './console/returns-migration';
import { recallsMigration, type HqRecallTables } from './recalls/migration';
import { networkFiguresMigration, type HqFigureTables } from './network-figures/migration';
import { publicationsMigration, type HqPublicationTables } from './publishing/migration';
import { figuresInEngineMigration, type HqEngineFigureTables } from './network-figures/engine-migration';
import { consoleMigration, type HqAuditTable, type HqSessionsTable, type HqShopWatchColumns, type HqUsersTable } from './console/migration';

/**
 * Head office's database: SQLite (a file, the default) or PostgreSQL (DATABASE_URL), the same
 * kysely code and the same migrations (schema builder, portable types) on both.
 */
export interface HqShopsTable extends HqShopWatchColumns {
  id: string;
  code: string;
  name: string;
  shop_uid: string | null;
  token_hash: string | null;
  revoked_at: string | null;
  enroll_code_hash: string | null;
  enroll_expires_at: string | null;
  enroll_used_at: string | null;
  enroll_rebased: number;
  enrolled_at: string | null;
  created_at: string;
  last_seq: number;
  last_push_at: string | null;
  last_pull_at: string | null;
  last_seen_at: string | null;
  schema_version: number | null;
  app_version: string | null;
  /** The highest row version held for the shop (migration 003): a restored shop continues above it. */
  high_version: number;
  /** The shop's region in the network's figures (migration 014); null until a network admin sets it. */
  region: string | null;
}

export interface HqRowsTable {
  shop_id: string;
  table_name: string;
  row_id: string;
  version: number;
  deleted: number;
  data: string | null;
  updated_at: string;
}

export interface HqBatchesTable {
  shop_id: string;
  to_seq: number;
  from_seq: number;
  row_count: number;
  received_at: string;
}

export interface HqItemsTable {
  kind: string;
  scope: string;
  id: string;
  change_no: number;
  deleted: number;
  data: string | null;
  updated_at: string;
}

export interface HqCounterTable {
  id: number;
  value: number;
}

export interface HqDB extends HqClaimTables, HqApprovalTables, HqSurveyTables, HqMessageTables, HqMessagePlanTables, HqReturnsTables, HqRecallTables, HqFigureTables, HqPublicationTables, HqEngineFigureTables {
  hq_shops: HqShopsTable;
  hq_rows: HqRowsTable;
  hq_batches: HqBatchesTable;
  hq_items: HqItemsTable;
  hq_counter: HqCounterTable;
  hq_users: HqUsersTable;
  hq_sessions: HqSessionsTable;
  hq_audit: HqAuditTable;
}

export type HqDialect = 'sqlite' | 'postgres';

export interface HqDatabase {
  db: Kysely<HqDB>;
  dialect: HqDialect;
  describe: string;
  /**
   * The driver under kysely, for the hot path of pushes (prepared statements, no query building):
   * the SQLite connection (use it only while holding kysely's connection, `db.connection()`, so no
   * kysely transaction is open on it) or the PostgreSQL pool.
   */
  sqlite: Database.Database | null;
  pool: pg.Pool | null;
  close(): Promise<void>;
}

const migrations: Record<string, Migration> = {
  '001-hq': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_shops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('shop_uid', 'text')
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('revoked_at', 'text')
        .addColumn('enroll_code_hash', 'text', (c) => c.unique())
        .addColumn('enroll_expires_at', 'text')
        .addColumn('enroll_used_at', 'text')
        .addColumn('enroll_rebased', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enrolled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_push_at', 'text')
        .addColumn('last_pull_at', 'text')
        .addColumn('last_seen_at', 'text')
        .addColumn('schema_version', 'integer')
        .addColumn('app_version', 'text')
        .execute();
      await db.schema
        .createTable('hq_rows')
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hq_rows_pk', ['shop_id', 'table_name', 'row_id'])
        .execute();
      await db.schema.createIndex('hq_rows_table').on('hq_rows').columns(['table_name', 'shop_id']).execute();
      await db.schema
        .createTable('hq_batches')
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('to_seq', 'bigint', (c) => c.notNull())
        .addColumn('from_seq', 'bigint', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hq_batches_pk', ['shop_id', 'to_seq'])
        .execute();
      await db.schema
        .createTable('hq_items')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('change_no', 'bigint', (c) => c.notNull().unique())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hq_items_pk', ['kind', 'scope', 'id'])
        .execute();
      await db.schema
        .createTable('hq_counter')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO hq_counter (id, value) VALUES (1, 0)`.execute(db);
    },
  },
};

/**
 * A JSON field of a synced row (`hq_rows.data`) as SQL, the same expression in the indexes below
 * and in the queries that use them (src/hq/lookup.ts): json_extract on SQLite, ->> on PostgreSQL.
 */
export function jsonField(dialect: HqDialect, field: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(field)) throw new Error(`bad field ${field}`);
  return sql.raw(dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
}

/** Synced tables whose rows the nationwide lookup reads by ticket id (one partial index for all of them). */
export const TICKET_CHILD_TABLES = ['bench_tickets', 'collections', 'diagnoses', 'quotes', 'sanbao_outcomes'] as const;
export const TICKET_CHILD_IN = sql.raw(`table_name IN (${TICKET_CHILD_TABLES.map((t) => `'${t}'`).join(', ')})`);

/**
 * The nationwide device lookup (全国联保): partial expression indexes over the synced rows, so a
 * device is found by IMEI (either slot) or serial across every shop, and its tickets and their
 * bench, quote and collection rows by id, without scanning. Partial (by table) so that pushes of
 * other tables pay nothing; the table names are literals, as the queries' are, so the planners
 * can match them. FROZEN as shipped: the expressions are written out per dialect (they equal
 * today's jsonField and TICKET_CHILD_IN, which src/hq/lookup.ts queries with; a change there
 * needs a new migration with new indexes).
 */
function lookupIndexes(dialect: HqDialect): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  const children = `table_name IN ('bench_tickets', 'collections', 'diagnoses', 'quotes', 'sanbao_outcomes')`;
  return {
    async up(db: Kysely<unknown>) {
      const idx = [
        `CREATE INDEX hq_rows_device_imei ON hq_rows (${f('imei')}) WHERE table_name = 'devices'`,
        `CREATE INDEX hq_rows_device_imei2 ON hq_rows (${f('imei2')}) WHERE table_name = 'devices'`,
        `CREATE INDEX hq_rows_device_serial ON hq_rows (${f('serial')}) WHERE table_name = 'devices'`,
        `CREATE INDEX hq_rows_ticket_device ON hq_rows (${f('device_id')}) WHERE table_name = 'tickets'`,
        `CREATE INDEX hq_rows_ticket_child ON hq_rows (table_name, ${f('ticket_id')}) WHERE ${children}`,
        `CREATE INDEX hq_rows_quote_line ON hq_rows (${f('quote_id')}) WHERE table_name = 'quote_lines'`,
      ];
      for (const q of idx) await sql.raw(q).execute(db);
    },
  };
}

/**
 * Versions that survive a restore: each shop's highest row version (rows pushed before head office
 * checked versions against their batch may lie above its last sequence), and an index to find
 * which shop holds a row id (a push of another shop's id is refused).
 */
const restoreMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hq_shops').addColumn('high_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await sql`UPDATE hq_shops SET high_version = COALESCE((SELECT max(version) FROM hq_rows WHERE hq_rows.shop_id = hq_shops.id), 0)`.execute(db);
    await db.schema.createIndex('hq_rows_row').on('hq_rows').columns(['table_name', 'row_id']).execute();
  },
};

/** Head office's migrations for a dialect, by name in order (kysely's Migrator runs them sorted by name). */
export function hqMigrations(dialect: HqDialect): Record<string, Migration> {
  return { ...migrations, '002-device-lookup': lookupIndexes(dialect), '003-restore': restoreMigration, '005-console': consoleMigration, '006-claims': claimsMigration(dialect), '007-status-page': statusPageMigration(dialect), '008-remote-approval': remoteApprovalMigration(dialect), '009-surveys': surveysMigration, '010-returns-complaints': returnsComplaintsMigration(dialect), '011-recalls': recallsMigration(dialect), '012-messages': messagesMigration(dialect), '014-network-figures': networkFiguresMigration, '015-message-plans': messagePlansMigration, '016-figures-in-engine': figuresInEngineMigration, '017-publications': publicationsMigration };
}

/** bigint columns come back from pg as strings; head-office numbers stay far below 2^53. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface OpenHqOptions {
  /** PostgreSQL connection string; without it, SQLite in `dataDir`. */
  databaseUrl?: string | null;
  dataDir?: string;
  /** Explicit SQLite file (':memory:' for tests). */
  file?: string;
  poolSize?: number;
}

export async function openHqDatabase(opts: OpenHqOptions): Promise<HqDatabase> {
  let db: Kysely<HqDB>;
  let dialect: HqDialect;
  let describe: string;
  let sqliteDb: Database.Database | null = null;
  let pgPool: pg.Pool | null = null;
  if (opts.databaseUrl) {
    const pool = (pgPool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, types: pgTypes }));
    db = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
    const u = new URL(opts.databaseUrl);
    describe = `postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`;
  } else {
    const file = opts.file ?? path.join(path.resolve(opts.dataDir ?? './hq-data'), 'hq.sqlite');
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const sqlite = (sqliteDb = new Database(file));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<HqDB>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
    describe = `sqlite:${file}`;
  }
  const provider: MigrationProvider = { getMigrations: async () => hqMigrations(dialect) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'hq_migrations', migrationLockTableName: 'hq_migrations_lock' });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect, describe, sqlite: sqliteDb, pool: pgPool, close: () => db.destroy() };
}
