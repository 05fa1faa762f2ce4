import { useMemo } from 'react';
import { useSession } from '../app/session';
import { useCall } from '../data/calls';

const NONE: ReadonlySet<string> = new Set();
/** sync.pending takes at most this many ids per call. */
const MAX_IDS = 1000;

/**
 * Which of `ids` (records of a synced table) head office does not hold yet: one sync.pending
 * call per list page (or detail), only in a shop enrolled with head office, asked again after
 * each sync (the sync.status event makes it stale). Pass a new `ids` array when the records are
 * reloaded (a change makes a record pending).
 */
export function usePendingSync(table: string, ids: readonly string[]): ReadonlySet<string> {
  const { shop } = useSession();
  const enrolled = shop?.settings.enrolled === true;
  const asked = useMemo(() => (enrolled ? ids.slice(0, MAX_IDS) : []), [enrolled, ids]);
  // A mark that cannot be shown is not worth an error toast: silent.
  const answer = useCall('sync.pending', { table, ids: [...asked] }, { enabled: asked.length > 0, silent: true }).data;
  return useMemo(() => (asked.length > 0 && answer ? new Set(answer.pending) : NONE), [asked, answer]);
}
