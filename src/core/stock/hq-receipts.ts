import { sql } from 'kysely';
import { OLD_PART_RECEIPT_KIND, oldPartReceiptDataSchema } from '../../shared/hq-console/returns';
import { registerPulledKind } from '../sync/pulled';
import { clearHqMark, setHqMark } from '../sync/hq-owned';

let done = false;

/**
 * Head office receives an enrolled shop's old-part returns line by line: each received line
 * arrives as `stock.oldPartReceipt` (id = the old part's id). The line is confirmed with head
 * office's instant as its confirmed_at (which tells head office the shop applied it), and its
 * shipment closes when its last line is. Who received it and the note stay in meta
 * (`hq:stock.oldPartReceipt:<id>`). No schema change: old_parts and return_shipments already hold
 * the states (shipped → confirmed, shipped → closed); only lines still shipped move, so a page
 * applied twice changes nothing. A line this shop no longer has (restored from an older backup)
 * keeps the mark only.
 */
export function registerOldPartReceiptKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(OLD_PART_RECEIPT_KIND, {
    async apply(trx, rows) {
      const shipments = new Set<string>();
      for (const r of rows) {
        if (r.deleted) {
          await clearHqMark(trx, OLD_PART_RECEIPT_KIND, r.id);
          continue;
        }
        const d = oldPartReceiptDataSchema.parse(r.data);
        await setHqMark(trx, OLD_PART_RECEIPT_KIND, r.id, d);
        await sql`UPDATE old_parts SET status = 'confirmed', confirmed_at = ${d.receivedAt} WHERE id = ${r.id} AND shipment_id = ${d.shipmentId} AND status = 'shipped'`.execute(trx);
        shipments.add(`${d.shipmentId}\n${d.receivedAt}`);
      }
      for (const key of shipments) {
        const [id, at] = key.split('\n') as [string, string];
        await sql`UPDATE return_shipments SET status = 'closed', closed_at = coalesce(closed_at, ${at})
                  WHERE id = ${id} AND status <> 'closed' AND NOT EXISTS (SELECT 1 FROM old_parts WHERE shipment_id = ${id} AND status <> 'confirmed')`.execute(trx);
      }
    },
  });
}
