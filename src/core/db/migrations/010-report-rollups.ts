import type { Migration } from './types';
import { REPORT_ROLLUPS_V10_SUMS, REPORT_ROLLUPS_V10_TABLES, REPORT_ROLLUPS_V10_TRIGGERS } from './010-report-rollups-sql';

/**
 * Rollups of payments, parts issued and follow-ups for the shop-wide reports (see
 * src/core/reports/rollups.ts): derived, not synced, summed once from the ledgers on upgrade
 * and kept by trigger from then on.
 */
export const reportRollups: Migration = {
  version: 10,
  name: 'report-rollups',
  up(db) {
    db.exec(REPORT_ROLLUPS_V10_TABLES);
    for (const sum of REPORT_ROLLUPS_V10_SUMS) db.exec(sum);
    db.exec(REPORT_ROLLUPS_V10_TRIGGERS);
  },
};
