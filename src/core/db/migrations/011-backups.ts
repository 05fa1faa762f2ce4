import type { Migration } from './types';

/**
 * Backups (issue 16). Frozen: plain SQL, imports nothing from the app.
 * `backup_config`: the folder the manager chose and the backup key (the recovery key shown once
 * to the manager, stored encrypted with the shop's secret key so scheduled backups run alone).
 * `backups`: one row per attempt, with its result, for Settings and the dashboard. Neither is
 * synced: they describe this PC's disks, not the shop's records.
 */
export const backups: Migration = {
  version: 11,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backup_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        dir TEXT,
        key_cipher BLOB,
        key_created_at TEXT,
        daily INTEGER NOT NULL DEFAULT 1 CHECK (daily IN (0, 1)),
        after_close INTEGER NOT NULL DEFAULT 1 CHECK (after_close IN (0, 1)),
        last_full_check_at TEXT,
        updated_at TEXT
      ) STRICT;
      INSERT INTO backup_config (id) VALUES (1);

      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        trigger TEXT NOT NULL CHECK (trigger IN ('scheduled', 'after_close', 'manual')),
        file TEXT,
        size INTEGER,
        duration_ms INTEGER,
        result TEXT NOT NULL CHECK (result IN ('running', 'ok', 'failed', 'rotated')),
        error_json TEXT,
        counts_json TEXT,
        user_id TEXT
      ) STRICT;
      CREATE INDEX backups_started ON backups(started_at);
    `);
  },
};
