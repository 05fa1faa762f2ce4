/**
 * Recall campaigns at head office: a campaign is a head-office item (kind recall.campaign, every
 * shop), written with writeItems in the same transaction as its record in hq_recalls (who, when,
 * the unique code) and the audit entry, so the shops get exactly what the console shows.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { HqError } from '../errors';
import type { HqDB } from '../db';
import type { HqService } from '../service';
import { writeItems } from '../publish';
import { audit, actorIds, type Actor } from '../console/audit';
import { uuidv7Generator } from '../../shared/util/ids';
import { localDate } from '../../shared/time/local-date';
import { RECALL_KIND, recallSchema } from '../../shared/recalls/schemas';
import type { HqRecall, RecallState, recallSaveSchema } from '../../shared/hq-console/recalls';

type Db = Kysely<HqDB> | Transaction<HqDB>;
/** Head office's calendar is the brand's (China); a shop applies its own date at its counter. */
export const HQ_TIME_ZONE = 'Asia/Shanghai';

export function recallState(startDate: string, endDate: string, today: string): RecallState {
  return today < startDate ? 'scheduled' : today > endDate ? 'ended' : 'running';
}

async function loadRecalls(db: Db, today: string, id?: string): Promise<HqRecall[]> {
  let q = db
    .selectFrom('hq_items as i')
    .innerJoin('hq_recalls as r', 'r.id', 'i.id')
    .select(['i.id', 'i.data', 'i.change_no', 'r.created_at', 'r.created_by_name', 'r.updated_at', 'r.updated_by_name'])
    .where('i.kind', '=', RECALL_KIND)
    .where('i.scope', '=', '*')
    .where('i.deleted', '=', 0);
  if (id) q = q.where('i.id', '=', id);
  const rows = await q.orderBy('r.created_at', 'desc').orderBy('i.id', 'desc').execute();
  return rows.map((r) => {
    const recall = recallSchema.parse({ ...(JSON.parse(r.data ?? '{}') as object), id: r.id });
    return {
      recall,
      state: recallState(recall.startDate, recall.endDate, today),
      change: Number(r.change_no),
      createdAt: r.created_at,
      createdBy: r.created_by_name,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by_name,
    };
  });
}

export async function listRecalls(s: HqService): Promise<HqRecall[]> {
  return loadRecalls(s.db, localDate(s.now(), HQ_TIME_ZONE));
}

export async function findRecall(s: HqService, id: string, db: Db = s.db): Promise<HqRecall> {
  const [hit] = await loadRecalls(db, localDate(s.now(), HQ_TIME_ZONE), id);
  if (!hit) throw new HqError('NO_RECALL', 404, `no recall ${id}`, { reason: id.slice(0, 60) });
  return hit;
}

/** Defines a campaign or replaces one's definition; every shop pulls the new version. */
export async function saveRecall(s: HqService, actor: Actor, input: z.output<typeof recallSaveSchema>): Promise<HqRecall> {
  const now = s.nowIso();
  const who = actorIds(actor);
  return s.db.transaction().execute(async (trx) => {
    const id = input.id ?? uuidv7Generator({ now: () => s.now() })();
    if (input.id) {
      const known = await trx.selectFrom('hq_recalls').select('id').where('id', '=', input.id).executeTakeFirst();
      if (!known) throw new HqError('NO_RECALL', 404, `no recall ${input.id}`, { reason: input.id.slice(0, 60) });
    }
    const taken = await trx.selectFrom('hq_recalls').select('id').where('code', '=', input.campaign.code).where('id', '!=', id).executeTakeFirst();
    if (taken) throw new HqError('CONFLICT', 409, `recall code ${input.campaign.code} taken`, { field: 'campaign.code', reason: input.campaign.code });
    if (input.id) {
      await trx.updateTable('hq_recalls').set({ code: input.campaign.code, updated_at: now, updated_by: who.actor, updated_by_name: who.actor_name }).where('id', '=', id).execute();
    } else {
      await trx
        .insertInto('hq_recalls')
        .values({ id, code: input.campaign.code, created_at: now, created_by: who.actor, created_by_name: who.actor_name, updated_at: now, updated_by: who.actor, updated_by_name: who.actor_name })
        .execute();
    }
    const { changes } = await writeItems(trx, RECALL_KIND, '*', [{ id, data: JSON.stringify(input.campaign) }], now);
    await audit(s, actor, input.id ? 'recalls.change' : 'recalls.create', id, { code: input.campaign.code, change: changes[0] }, trx);
    return findRecall(s, id, trx);
  });
}
