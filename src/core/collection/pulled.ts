import { sql } from 'kysely';
import { claimDecisionDataSchema, type ClaimDecisionData } from '../../shared/hq-console/claims';
import { registerPulledKind } from '../sync/pulled';
import { clearHqMark, setHqMark } from '../sync/hq-owned';

/** Head office's decisions on this shop's warranty claims (kind and id: the claim's). */
export const CLAIM_DECISION_KIND = 'warranty.claimDecision';

let done = false;

/**
 * Head office reviews an enrolled shop's claims: each decision arrives as `warranty.claimDecision`
 * (id = claim id) and sets the claim's status — approved with the approved amount, rejected with
 * the reason, returned for correction (status rejected, with the reason, and the date to correct
 * by kept in the decision's mark), paid with the amount paid. The claim's decided_at (paid_at)
 * becomes head office's instant of the decision, which tells head office that the shop applied
 * it. The decision itself stays in meta (`hq:warranty.claimDecision:<id>`, see hq-owned) for the
 * claims list to show who decided, when, and the date to correct by. No schema change: the
 * shop's status list (draft, submitted, approved, rejected, paid) holds every state.
 */
export function registerClaimDecisionKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(CLAIM_DECISION_KIND, {
    async apply(trx, rows, ctx) {
      const now = ctx.nowIso();
      for (const r of rows) {
        if (r.deleted) {
          await clearHqMark(trx, CLAIM_DECISION_KIND, r.id);
          continue;
        }
        const d: ClaimDecisionData = claimDecisionDataSchema.parse(r.data);
        await setHqMark(trx, CLAIM_DECISION_KIND, r.id, d);
        const q =
          d.decision === 'approved'
            ? sql`UPDATE warranty_claims SET status = 'approved', approved_fen = ${d.approvedFen}, reject_reason = '', decided_at = ${d.decidedAt}, updated_at = ${now} WHERE id = ${r.id}`
            : d.decision === 'paid'
              ? sql`UPDATE warranty_claims SET status = 'paid', approved_fen = coalesce(${d.approvedFen}, approved_fen), paid_fen = ${d.paidFen}, paid_at = ${d.decidedAt}, updated_at = ${now} WHERE id = ${r.id}`
              : sql`UPDATE warranty_claims SET status = 'rejected', reject_reason = ${d.reason}, decided_at = ${d.decidedAt}, updated_at = ${now} WHERE id = ${r.id}`;
        // A claim this shop no longer has (restored from an older backup) keeps the mark only.
        await q.execute(trx);
      }
    },
  });
}
