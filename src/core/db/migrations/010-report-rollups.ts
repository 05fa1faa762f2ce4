import type { Migration } from './types';
import { REPORT_ROLLUP_TABLES_SQL, REPORT_ROLLUP_TRIGGERS_SQL, rebuildReportRollups } from '../../reports/rollups';

/**
 * Rollups of payments, parts issued and follow-ups for the shop-wide reports (see
 * src/core/reports/rollups.ts): derived, not synced, summed once from the ledgers on upgrade
 * and kept by trigger from then on.
 */
export const reportRollups: Migration = {
  version: 10,
  name: 'report-rollups',
  up(db) {
    db.exec(REPORT_ROLLUP_TABLES_SQL);
    rebuildReportRollups(db);
    db.exec(REPORT_ROLLUP_TRIGGERS_SQL);
  },
};
