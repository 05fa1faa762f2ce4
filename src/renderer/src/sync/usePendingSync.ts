import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../app/session';

const NONE: ReadonlySet<string> = new Set();
/** sync.pending takes at most this many ids per call. */
const MAX_IDS = 1000;

/**
 * Which of `ids` (records of a synced table) head office does not hold yet: one sync.pending
 * call per list page (or detail), only in a shop enrolled with head office, asked again after
 * each sync. Pass a new `ids` array when the records are reloaded (a change makes a record pending).
 */
export function usePendingSync(table: string, ids: readonly string[]): ReadonlySet<string> {
  const { shop } = useSession();
  const enrolled = shop?.settings.enrolled === true;
  const [pending, setPending] = useState<ReadonlySet<string>>(NONE);
  const [syncs, setSyncs] = useState(0);
  useEffect(() => (enrolled ? api.on('sync.status', () => setSyncs((n) => n + 1)) : undefined), [enrolled]);
  const asked = useMemo(() => (enrolled ? ids.slice(0, MAX_IDS) : []), [enrolled, ids]);
  useEffect(() => {
    if (asked.length === 0) {
      setPending(NONE);
      return;
    }
    let live = true;
    api.call('sync.pending', { table, ids: [...asked] }).then(
      (r) => live && setPending(new Set(r.pending)),
      () => undefined, // a mark that cannot be shown is not worth an error toast
    );
    return () => {
      live = false;
    };
  }, [table, asked, syncs]);
  return pending;
}
