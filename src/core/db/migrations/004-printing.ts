import type { Migration } from './types';
import { makeSynced } from './triggers';

/**
 * Print jobs (the print log, synced: head office sees what was printed and reprinted) and
 * the last PDF of each job (local only: bytes are derived data, pruned after a while).
 */
export const printing: Migration = {
  version: 4,
  name: 'printing',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        doc_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        title TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('a4', 'a5', 'receipt80', 'label50x30')),
        language TEXT NOT NULL,
        copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 5),
        reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('queued', 'printed', 'failed', 'saved', 'opened')),
        error TEXT,
        requested_by TEXT NOT NULL REFERENCES users(id),
        requested_at TEXT NOT NULL,
        completed_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX print_jobs_status ON print_jobs(status, id);
      CREATE INDEX print_jobs_entity ON print_jobs(entity_id, doc_type, id);

      CREATE TABLE print_files (
        job_id TEXT PRIMARY KEY REFERENCES print_jobs(id),
        pdf BLOB NOT NULL,
        rendered_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX print_files_rendered ON print_files(rendered_at);
    `);
    makeSynced(db, 'print_jobs');
  },
};
