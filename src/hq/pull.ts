/**
 * What shops read from head office: pull (head-office data by change counter, for every shop or
 * this one) and restore (a shop's own rows back, a page at a time).
 */
import type { HqContext, RequestMeta } from './context';
import { malformed } from './errors';
import { checkVersions } from './versions';
import { pullRequestSchema, restoreRequestSchema, type PullResponse, type RestoreResponse } from '../shared/sync/protocol';

/**
 * How stale a shop's last pull may get before a pull that changes nothing records it again (the
 * console's LATE_AFTER_S is an hour; a shop syncs every 5 minutes by default). So a sync with nothing
 * to do writes nothing at head office, save this heartbeat once a quarter of an hour.
 */
export const SEEN_EVERY_MS = 15 * 60_000;

export async function pull(ctx: HqContext, shopId: string, body: unknown, meta: RequestMeta): Promise<PullResponse> {
  checkVersions(meta);
  const req = pullRequestSchema.safeParse(body);
  if (!req.success) throw malformed(req.error);
  const { cursor, limit } = req.data;
  // The counter first: every change up to it is committed (publishes take the counter row's lock
  // until they commit), so the items read next hold all of them that are meant for this shop.
  const counter = Number((await ctx.db.selectFrom('hq_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value);
  const rows = await ctx.db
    .selectFrom('hq_items')
    .selectAll()
    .where('change_no', '>', cursor)
    .where((eb) => eb.or([eb('scope', '=', '*'), eb('scope', '=', shopId)]))
    .orderBy('change_no')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // The last page moves the cursor to the counter (past changes meant for other shops), so
  // the shop's next push answer tells it whether anything is left to pull.
  const next = more ? Number(page[page.length - 1]!.change_no) : Math.max(cursor, counter, page.length ? Number(page[page.length - 1]!.change_no) : 0);
  // pull_cursor: where the shop stands once it applied this page (the console counts what is left after it).
  // A pull that moves nothing writes nothing, unless the shop's last pull is older than SEEN_EVERY_MS:
  // the console calls a shop late after an hour without a sync, and a quiet shop only ever pulls.
  const now = ctx.now();
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - SEEN_EVERY_MS).toISOString();
  await ctx.db
    .updateTable('hq_shops')
    .set({ last_pull_at: at, last_seen_at: at, pull_cursor: next })
    .where('id', '=', shopId)
    .where((eb) => eb.or([eb('pull_cursor', 'is', null), eb('pull_cursor', '<>', next), eb('last_pull_at', 'is', null), eb('last_pull_at', '<', staleBefore)]))
    .execute();
  return {
    items: page.map((r) => ({ kind: r.kind, id: r.id, change: Number(r.change_no), deleted: r.deleted === 1, data: r.data === null ? null : JSON.parse(r.data) })),
    cursor: next,
    more,
  };
}

/**
 * Restore from head office: a page of the shop's own live rows of one table, in row id order
 * (the primary key's order: a range scan, no sort). Rows of other shops are never read.
 */
export async function restorePage(ctx: HqContext, shopId: string, body: unknown, meta: RequestMeta): Promise<RestoreResponse> {
  checkVersions(meta);
  const req = restoreRequestSchema.safeParse(body);
  if (!req.success) throw malformed(req.error);
  const { table, after, limit } = req.data;
  let q = ctx.db
    .selectFrom('hq_rows')
    .select(['row_id', 'version', 'data'])
    .where('shop_id', '=', shopId)
    .where('table_name', '=', table)
    .where('deleted', '=', 0)
    .orderBy('row_id')
    .limit(limit + 1);
  if (after !== null) q = q.where('row_id', '>', after);
  const rows = await q.execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const shop = await ctx.db.selectFrom('hq_shops').select(['last_seq', 'high_version']).where('id', '=', shopId).executeTakeFirstOrThrow();
  const lastSeq = Number(shop.last_seq);
  return {
    rows: page.map((r) => ({ id: r.row_id, v: Number(r.version), d: JSON.parse(r.data!) as RestoreResponse['rows'][number]['d'] })),
    next: more ? page[page.length - 1]!.row_id : null,
    lastSeq,
    highVersion: Math.max(lastSeq, Number(shop.high_version)),
  };
}
