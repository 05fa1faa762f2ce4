/**
 * Applying pulled head-office data: a page and its cursor in one transaction, each kind by its
 * handler; items of a kind this version has no handler for are kept (sync_unhandled) and applied
 * once an upgrade brings one.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PullResponse } from '../../shared/sync/protocol';
import { pulledKindHandler, type PullContext, type PulledRow } from './pulled';
import './pulled-builtin';

export async function applyPage(db: Kysely<DB>, fromCursor: number, page: PullResponse, ctx: PullContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('sync_state').select('pull_cursor').where('id', '=', 1).executeTakeFirstOrThrow();
    if (cur.pull_cursor !== fromCursor) return; // applied meanwhile
    const byKind = new Map<string, PulledRow[]>();
    for (const it of page.items) {
      const list = byKind.get(it.kind) ?? [];
      list.push({ id: it.id, deleted: it.deleted, data: it.data, change: it.change });
      byKind.set(it.kind, list);
    }
    for (const [kind, rows] of byKind) {
      const handler = pulledKindHandler(kind);
      if (handler) await handler.apply(trx, rows, ctx);
      else {
        for (const r of rows) {
          await trx
            .insertInto('sync_unhandled')
            .values({ kind, id: r.id, change_no: r.change, deleted: r.deleted ? 1 : 0, data_json: r.data === null ? null : JSON.stringify(r.data) })
            .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ change_no: r.change, deleted: r.deleted ? 1 : 0, data_json: r.data === null ? null : JSON.stringify(r.data) }))
            .execute();
        }
      }
    }
    await trx.updateTable('sync_state').set({ pull_cursor: Math.max(fromCursor, page.cursor) }).where('id', '=', 1).execute();
  });
}

/** The kinds kept in sync_unhandled that have a handler now (after an upgrade). */
export async function unhandledKindsReady(db: Kysely<DB>): Promise<string[]> {
  const kinds = await db.selectFrom('sync_unhandled').select('kind').distinct().execute();
  return kinds.map((k) => k.kind).filter((k) => pulledKindHandler(k));
}

export async function applyUnhandled(db: Kysely<DB>, ready: string[], ctx: PullContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const kind of ready) {
      const rows = await trx.selectFrom('sync_unhandled').selectAll().where('kind', '=', kind).orderBy('change_no').execute();
      await pulledKindHandler(kind)!.apply(
        trx,
        rows.map((r) => ({ id: r.id, deleted: r.deleted === 1, change: r.change_no, data: r.data_json === null ? null : JSON.parse(r.data_json) })),
        ctx,
      );
      await trx.deleteFrom('sync_unhandled').where('kind', '=', kind).execute();
    }
  });
}
