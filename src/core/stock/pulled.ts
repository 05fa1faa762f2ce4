import type { Transaction } from 'kysely';
import { partInputSchema } from '../../shared/stock/schemas';
import type { DB } from '../db/schema';
import { registerPulledKind } from '../sync/pulled';
import { hqMark, setHqMark } from '../sync/hq-owned';

const KIND = 'parts.catalog';
let done = false;

/** The part row of a head-office item: the part itself, or the local part it adopted (same SKU). */
async function partIdOf(trx: Transaction<DB>, itemId: string): Promise<string | null> {
  const adopted = await hqMark<{ partId: string }>(trx, KIND, itemId);
  if (adopted) return adopted.partId;
  const own = await trx.selectFrom('parts').select('id').where('id', '=', itemId).executeTakeFirst();
  return own?.id ?? null;
}

/**
 * Head office publishes the parts catalog as kind 'parts.catalog' (id = part id). A part arrives
 * with source 'hq' and is then read-only here; what is the shop's about it stays the shop's and
 * is never touched by a pull: its bin and reorder levels (stock_settings), its stock, serials and
 * average cost. A deleted part is deactivated, never removed (the ledger names it).
 *
 * A local part with the same SKU (the shop's catalog before it enrolled) is adopted, not
 * replaced: it keeps its id, stock and settings and becomes head office's (the item → part link
 * is kept in meta). A switch of serial tracking waits while units are on hand (their serials
 * would be missing or orphaned); head office's next publish of the part applies it.
 */
export function registerPartsCatalogKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(KIND, {
    async apply(trx, rows, ctx) {
      const now = ctx.nowIso();
      for (const r of rows) {
        const existingId = await partIdOf(trx, r.id);
        if (r.deleted) {
          if (existingId) await trx.updateTable('parts').set({ active: 0, updated_at: now }).where('id', '=', existingId).execute();
          continue;
        }
        const p = partInputSchema.parse(r.data);
        let partId = existingId;
        const holder = await trx.selectFrom('parts').select(['id', 'source']).where('sku', '=', p.sku).executeTakeFirst(); // sku is COLLATE NOCASE
        if (holder && holder.id !== partId) {
          if (!partId && holder.source === 'local') {
            partId = holder.id;
            await setHqMark(trx, KIND, r.id, { partId });
          } else {
            // Another head-office part (or a local one while this part exists) holds the SKU: it
            // gives the SKU up and is deactivated; head office's next item for it says the rest.
            await trx
              .updateTable('parts')
              .set({ sku: `${p.sku.slice(0, 30)}~${holder.id.slice(-8)}`, active: 0, updated_at: now })
              .where('id', '=', holder.id)
              .execute();
          }
        }
        let serialized = p.serialized ? 1 : 0;
        if (partId) {
          const cur = await trx
            .selectFrom('parts as p')
            .leftJoin('stock_balances as b', 'b.part_id', 'p.id')
            .select(['p.serialized', 'b.on_hand'])
            .where('p.id', '=', partId)
            .executeTakeFirstOrThrow();
          if (cur.serialized !== serialized && (cur.on_hand ?? 0) !== 0) serialized = cur.serialized;
        }
        const values = {
          sku: p.sku,
          barcode: p.barcode,
          name_zh: p.nameZh,
          name_en: p.nameEn,
          category: p.category,
          models_text: [...new Set(p.models)].join('\n'),
          grade: p.grade,
          kind: p.kind,
          serialized,
          warranty_days: p.warrantyDays,
          list_price: p.listPrice,
          cost: p.cost,
          active: p.active ? 1 : 0,
          source: 'hq' as const,
          updated_at: now,
        };
        if (partId) await trx.updateTable('parts').set(values).where('id', '=', partId).execute();
        else await trx.insertInto('parts').values({ ...values, id: r.id, created_at: now }).execute();
      }
      ctx.emit({ name: 'parts.changed', payload: { count: rows.length } });
    },
  });
}
