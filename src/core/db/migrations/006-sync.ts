import type { Migration } from './types';

/**
 * Head-office sync state (one row): where head office is, this shop's id there and its token
 * (encrypted with the shop's secret key), the last outbox sequence head office acknowledged, the
 * pull cursor, and what the status shows (last success, last error, backoff).
 * `sync_unhandled` keeps pulled items of kinds this program has no handler for yet, so an
 * upgrade can apply them instead of losing them. `outbox_row` finds a row's newest sequence.
 */
export const sync: Migration = {
  version: 6,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hq_url TEXT,
        hq_shop_id TEXT,
        token_cipher BLOB,
        enrolled_at TEXT,
        acked_seq INTEGER NOT NULL DEFAULT 0,
        pull_cursor INTEGER NOT NULL DEFAULT 0,
        last_success_at TEXT,
        last_attempt_at TEXT,
        next_attempt_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error_json TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_unhandled (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        change_no INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        data_json TEXT,
        PRIMARY KEY (kind, id)
      ) STRICT;

      CREATE INDEX outbox_row ON outbox(table_name, row_id, seq);
    `);
  },
};
