import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from './triggers';

/** Shop, users, sessions, the audit log and the sync outbox. */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete'))
      ) STRICT;

      CREATE TABLE shop (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('counter', 'technician', 'manager', 'admin')),
        password_hash TEXT NOT NULL,
        pin_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        details_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
    makeAppendOnly(db, 'audit_log');
    makeSynced(db, 'shop');
    makeSynced(db, 'audit_log');
  },
};
