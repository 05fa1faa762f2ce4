/** What head office publishes to shops (settings, users, policies, calendars, prices, parts, programs). */
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { HqContext } from './context';
import type { HqDB } from './db';
import { HqError, malformed } from './errors';
import { findShop } from './shops';
import { pulledKindIdSchema, pulledKinds } from '../shared/sync/kinds';

export const publishSchema = z
  .object({
    kind: pulledKindIdSchema,
    shopId: z.string().min(1).max(100).optional(),
    items: z
      .array(z.union([z.object({ id: z.string().min(1).max(200), data: z.unknown() }).strict(), z.object({ id: z.string().min(1).max(200), deleted: z.literal(true) }).strict()]))
      .min(1)
      .max(5000),
  })
  .strict();

/** A publish request checked: the kind's scope, the shop, every item's data against the kind's schema. */
export async function preparePublish(ctx: HqContext, body: unknown): Promise<{ kind: string; scope: string; prepared: { id: string; data: string | null }[] }> {
  const req = publishSchema.safeParse(body);
  if (!req.success) throw malformed(req.error);
  const { kind, shopId, items } = req.data;
  const def = pulledKinds[kind];
  if (!def) throw new HqError('MALFORMED', 400, `unknown kind ${kind}`, { reason: `kind ${kind}` });
  if (def.scope === 'shop' && !shopId) throw new HqError('MALFORMED', 400, `${kind} needs shopId`, { reason: 'shopId' });
  if (def.scope === 'all' && shopId) throw new HqError('MALFORMED', 400, `${kind} goes to every shop`, { reason: 'shopId' });
  const scope = shopId ? (await findShop(ctx, shopId)).id : '*';
  const prepared = items.map((it, i) => {
    if ('deleted' in it) return { id: it.id, data: null };
    const parsed = def.data.safeParse(it.data);
    if (!parsed.success) throw malformed(parsed.error, `items.${i}.data`);
    return { id: it.id, data: JSON.stringify(parsed.data) };
  });
  return { kind, scope, prepared };
}

/**
 * Writes head-office items inside the caller's transaction (a console decision publishes in the
 * same transaction as it records itself): every item bumps the global change counter.
 */
export async function writeItems(trx: Transaction<HqDB>, kind: string, scope: string, prepared: readonly { id: string; data: string | null }[], now: string): Promise<{ changes: number[] }> {
  // The counter row is locked until commit, so change numbers commit in order.
  const { value } = await trx
    .updateTable('hq_counter')
    .set((eb) => ({ value: eb('value', '+', prepared.length) }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = Number(value) - prepared.length + 1;
  const changes: number[] = [];
  for (const [i, it] of prepared.entries()) {
    const change = first + i;
    changes.push(change);
    await trx
      .insertInto('hq_items')
      .values({ kind, scope, id: it.id, change_no: change, deleted: it.data === null ? 1 : 0, data: it.data, updated_at: now })
      .onConflict((oc) => oc.columns(['kind', 'scope', 'id']).doUpdateSet({ change_no: change, deleted: it.data === null ? 1 : 0, data: it.data, updated_at: now }))
      .execute();
  }
  return { changes };
}
