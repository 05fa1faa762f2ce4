import { sql } from 'kysely';
import { RECALL_KIND, recallCampaignSchema } from '../../shared/recalls/schemas';
import { registerPulledKind } from '../sync/pulled';

let done = false;

/**
 * Head office publishes its recall campaigns to every shop as `recall.campaign` (id = campaign
 * id); each publish replaces the shop's copy (a changed end date, more serials). A withdrawn
 * campaign leaves the list; tickets already recorded against it keep its code.
 */
export function registerRecallKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(RECALL_KIND, {
    async apply(trx, rows, ctx) {
      const now = ctx.nowIso();
      for (const r of rows) {
        if (r.deleted) {
          await sql`DELETE FROM recall_campaigns WHERE id = ${r.id}`.execute(trx);
          continue;
        }
        const c = recallCampaignSchema.parse(r.data);
        await sql`INSERT INTO recall_campaigns (id, code, start_date, end_date, data_json, change_no, updated_at)
                  VALUES (${r.id}, ${c.code}, ${c.startDate}, ${c.endDate}, ${JSON.stringify(c)}, ${r.change}, ${now})
                  ON CONFLICT(id) DO UPDATE SET code = excluded.code, start_date = excluded.start_date, end_date = excluded.end_date,
                    data_json = excluded.data_json, change_no = excluded.change_no, updated_at = excluded.updated_at`.execute(trx);
      }
      ctx.emit({ name: 'recalls.changed', payload: { count: rows.length } });
    },
  });
}
