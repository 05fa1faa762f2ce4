import { sql } from 'kysely';
import { COMPLAINT_RESPONSE_KIND, complaintResponseDataSchema, type ComplaintResponseData } from '../../shared/hq-console/complaints';
import { registerPulledKind } from '../sync/pulled';
import { clearHqMark, setHqMark } from '../sync/hq-owned';

let done = false;

/**
 * Head office responds to a complaint this shop escalated to it: each response arrives as
 * `complaints.hqResponse` (id = the complaint's id, the latest response). The latest stays in
 * meta (`hq:complaints.hqResponse:<id>`) for the complaint to show head office's words and the
 * date by which the shop must settle it; every response is also a note on the complaint's
 * timeline (data.hqResponseId), once — which, synced up, tells head office the shop has it.
 * No schema change: complaint_events already has the note kind.
 */
export function registerComplaintResponseKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(COMPLAINT_RESPONSE_KIND, {
    async apply(trx, rows, ctx) {
      for (const r of rows) {
        if (r.deleted) {
          await clearHqMark(trx, COMPLAINT_RESPONSE_KIND, r.id);
          continue;
        }
        const d: ComplaintResponseData = complaintResponseDataSchema.parse(r.data);
        await setHqMark(trx, COMPLAINT_RESPONSE_KIND, r.id, d);
        // A complaint this shop no longer has (restored from an older backup) keeps the mark only.
        const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM complaints WHERE id = ${r.id}`.execute(trx);
        if (!exists.rows[0]?.n) continue;
        const seen = await sql<{ n: number }>`SELECT count(*) AS n FROM complaint_events WHERE complaint_id = ${r.id} AND kind = 'note' AND json_extract(data_json, '$.hqResponseId') = ${d.responseId}`.execute(trx);
        if (seen.rows[0]?.n) continue;
        const now = ctx.nowIso();
        const data = JSON.stringify({ hqResponseId: d.responseId, headOffice: true, deadline: d.deadline, responder: d.responder, respondedAt: d.respondedAt });
        await sql`INSERT INTO complaint_events (id, complaint_id, at, user_id, kind, note, data_json) VALUES (${ctx.newId()}, ${r.id}, ${now}, NULL, 'note', ${d.response}, ${data})`.execute(trx);
        await sql`UPDATE complaints SET updated_at = ${now} WHERE id = ${r.id}`.execute(trx);
        ctx.emit({ name: 'complaints.changed', payload: { id: r.id } });
      }
    },
  });
}
