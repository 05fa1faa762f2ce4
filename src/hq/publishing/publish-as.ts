/**
 * Every publication of head-office data from the console (and the admin API) goes through here:
 * the items checked as `publish` checks them, written with their publication record (a version
 * per kind and scope, the title, who and when, the change numbers) and an audit entry in one
 * transaction, so the log never names items that were not written nor misses items that were.
 */
import type { HqContext } from '../context';
import { writeItems, preparePublish } from '../publish';
import { audit, actorIds, type Actor } from '../console/audit';
import type { PulledKindId } from '../../shared/sync/kinds';

export interface PublishAsRequest {
  kind: PulledKindId;
  shopId?: string;
  items: ({ id: string; data: unknown } | { id: string; deleted: true })[];
  title: string;
}

export async function publishAs(ctx: HqContext, actor: Actor, req: PublishAsRequest): Promise<{ publicationId: number; changes: number[] }> {
  const { kind, scope, prepared } = await preparePublish(ctx, { kind: req.kind, ...(req.shopId ? { shopId: req.shopId } : {}), items: req.items });
  const title = req.title.trim().slice(0, 120) || kind;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.nowIso();
    // writeItems takes the counter row's lock first: publications of the same kind number their versions one after the other.
    const { changes } = await writeItems(trx, kind, scope, prepared, now);
    const last = await trx.selectFrom('hq_publications').select((eb) => eb.fn.max('version').as('v')).where('kind', '=', kind).where('scope', '=', scope).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const publicationId = changes[0]!;
    const who = actorIds(actor);
    await trx
      .insertInto('hq_publications')
      .values({ id: publicationId, kind, scope, version, title, actor: who.actor, actor_name: who.actor_name, at: now, item_count: changes.length, first_change: changes[0]!, last_change: changes[changes.length - 1]! })
      .execute();
    await audit(ctx, actor, 'publication.publish', String(publicationId), { kind, scope, version, title, items: changes.length }, trx);
    return { publicationId, changes };
  });
}
