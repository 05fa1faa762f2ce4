/**
 * Head-office migration 005: the console's people (users with one role each, password hashes,
 * failed sign-ins and lockout), their sessions (in the database, so any head-office process
 * serving the same PostgreSQL knows them), the audit log, and what the shops list shows beside
 * each shop (the pull cursor it last asked with, the outbox sequence it last reported, its last
 * refused request). FROZEN as shipped: self-contained, portable types only.
 */
import type { Kysely, Migration } from 'kysely';

export interface HqUsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: number;
  failed_count: number;
  locked_until: string | null;
  /** Bumped by a password change: sessions from before it end. */
  password_changed_at: string;
  last_sign_in_at: string | null;
  created_at: string;
}

export interface HqSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface HqAuditTable {
  id: string;
  at: string;
  /** A user id, 'admin-token' (a script) or 'cli'. */
  actor: string;
  actor_name: string;
  action: string;
  target: string | null;
  details: string;
}

/** The columns migration 005 adds to hq_shops. */
export interface HqShopWatchColumns {
  pull_cursor: number | null;
  reported_seq: number | null;
  last_error_code: string | null;
  last_error_at: string | null;
}

export const consoleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hq_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('hq_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('hq_users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hq_sessions_user').on('hq_sessions').column('user_id').execute();
    await db.schema
      .createTable('hq_audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hq_audit_at').on('hq_audit').columns(['at', 'id']).execute();
    await db.schema.alterTable('hq_shops').addColumn('pull_cursor', 'bigint').execute();
    await db.schema.alterTable('hq_shops').addColumn('reported_seq', 'bigint').execute();
    await db.schema.alterTable('hq_shops').addColumn('last_error_code', 'text').execute();
    await db.schema.alterTable('hq_shops').addColumn('last_error_at', 'text').execute();
  },
};
