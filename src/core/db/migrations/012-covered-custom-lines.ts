import type { Migration } from './types';

/**
 * Covered custom lines (issue 15, point 5). Frozen once shipped: plain SQL, imports nothing.
 * `quote_lines.cover_reason`: a technician marked this custom (free) line as covered by the
 * ticket's 三包 decision and said why; NULL = not marked (every line before this migration).
 * Head office derives its row shapes from these migrations, so the column syncs as it is.
 */
export const coveredCustomLines: Migration = {
  version: 12,
  name: 'covered-custom-lines',
  up(db) {
    db.exec(`ALTER TABLE quote_lines ADD COLUMN cover_reason TEXT;`);
  },
};
