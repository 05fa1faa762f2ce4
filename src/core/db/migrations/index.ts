import type { Migration } from './types';
import { foundation } from './001-foundation';
import { warranty } from './002-warranty';
import { intake } from './003-intake';
import { printing } from './004-printing';
import { stock } from './005-stock';
import { sync } from './006-sync';
import { bench } from './007-bench';
import { collection } from './008-collection';
import { reports } from './009-reports';
import { reportRollups } from './010-report-rollups';
import { backups } from './011-backups';
import { coveredCustomLines } from './012-covered-custom-lines';
import { attachmentBlobs } from './013-attachment-blobs';
import { till } from './014-till';
import { statusLinks } from './015-status-links';
import { remoteAuthorizations } from './016-remote-authorizations';
import { messageConsents } from './017-message-consents';
import { recalls } from './018-recalls';
import { messageDetails } from './019-message-details';

/**
 * Every migration, in order: a new one is appended with the next number. Shipped ones are
 * frozen (tests/integration/core/migrations-frozen.test.ts pins their SQL). A list that skips
 * or repeats a number is refused at load, and again by migrate().
 */
export const migrations: readonly Migration[] = checkSequence([foundation, warranty, intake, printing, stock, sync, bench, collection, reports, reportRollups, backups, coveredCustomLines, attachmentBlobs, till, statusLinks, remoteAuthorizations, messageConsents, recalls, messageDetails]);

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

/** The list as given when its versions are exactly 1, 2, 3, … in order; otherwise an error naming the first wrong one. */
export function checkSequence(list: readonly Migration[]): readonly Migration[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.version} (${m.name}) is at place ${i + 1}: migrations are numbered 1, 2, 3, … with no gap, repeat or reordering`);
    }
  });
  return list;
}
