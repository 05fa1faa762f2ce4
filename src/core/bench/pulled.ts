import { priceItemInputSchema } from '../../shared/bench/schemas';
import { registerPulledKind } from '../sync/pulled';
import { toPriceRow } from './pricelist';

let done = false;

/**
 * Head office publishes the price list as kind 'price_list.item' (id = item id). Items arrive
 * with source 'hq' and are then read-only in the shop; a deleted item is deactivated, never
 * removed (old quotes name it).
 */
export function registerPriceListKind(): void {
  if (done) return;
  done = true;
  registerPulledKind('price_list.item', {
    async apply(trx, rows, ctx) {
      for (const r of rows) {
        if (r.deleted) {
          await trx.updateTable('price_list_items').set({ active: 0, updated_at: ctx.nowIso() }).where('id', '=', r.id).execute();
          continue;
        }
        const d = priceItemInputSchema.parse({ ...(r.data as object), id: r.id });
        const row = toPriceRow(r.id, d, { source: 'hq', updatedAt: ctx.nowIso(), updatedBy: null });
        // A local item with the same code gives way to head office's.
        await trx.deleteFrom('price_list_items').where('code', '=', d.code).where('id', '<>', r.id).where('source', '=', 'local').execute();
        await trx.insertInto('price_list_items').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      }
      ctx.emit({ name: 'priceList.changed', payload: { count: rows.length } });
    },
  });
}
