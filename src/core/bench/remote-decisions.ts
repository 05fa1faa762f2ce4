/**
 * The shop's side of approval from the phone (issue 20 point 2; the bench owns authorizations): head office's decisions arrive
 * by pull as `status.remoteDecision` and are recorded as authorizations of method remote
 * (bench/authorizations.ts), inside the pull page's transaction — the pull's own SQLite
 * connection, so the bench's synchronous statements run in that transaction. Recorded by no
 * one (the timeline says "system"): the customer decided, head office checked the code.
 */
import type { Ctx } from '../api/context';
import { recordRemoteDecision } from './authorizations';
import { registerPulledKind } from '../sync/pulled';
import { REMOTE_DECISION_KIND, remoteDecisionDataSchema } from '../../shared/status/approval';

let done = false;

export function registerRemoteDecisionKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(REMOTE_DECISION_KIND, {
    async apply(_trx, rows, pull) {
      // the bench's writes need only these of a call's context; the pull has no session
      const ctx = { sqlite: pull.sqlite, newId: pull.newId, nowIso: pull.nowIso, emit: pull.emit, session: null } as unknown as Ctx;
      for (const r of rows) {
        if (r.deleted) continue; // a decision is never withdrawn; what was recorded stays
        recordRemoteDecision(ctx, r.id, remoteDecisionDataSchema.parse(r.data));
      }
    },
  });
}
