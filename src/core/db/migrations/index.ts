import type { Migration } from './types';
import { foundation } from './001-foundation';
import { intake } from './003-intake';
import { warranty } from './002-warranty';
import { printing } from './004-printing';
import { sync } from './006-sync';
import { stock } from './005-stock';
import { reports } from './009-reports';
import { bench } from './007-bench';
import { collection } from './008-collection';
import { reportRollups } from './010-report-rollups';
import { backups } from './011-backups';

/**
 * Sorted by version whatever the order of this list, so capabilities built in parallel can
 * land out of order; a version not yet present (a gap) is simply skipped by migrate().
 */
export const migrations: readonly Migration[] = [foundation, warranty, intake, printing, stock, sync, bench, collection, reports, reportRollups, backups].sort((a, b) => a.version - b.version);

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
