/** The device as it came in, for the technician's workbench: read from the ticket, its customer and its intake photos. */
import type { AsReceived } from '../../shared/bench/schemas';
import type { Ctx } from '../api/context';
import { statement } from '../db/statements';
import { phoneDisplays } from '../customers/store';
import { attachmentsOf } from '../tickets/attachments';
import { coverageOf } from '../tickets/rows';

type Row = {
  fault_text: string;
  fault_codes_json: string;
  condition_json: string;
  accessories_json: string;
  warranty_claimed: number;
  findings_json: string;
  q_split: string | null;
  sanbao: number;
  customer_id: string;
  customer_name: string;
};

export function asReceived(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): AsReceived {
  const t = statement<Row, [string]>(
    ctx.sqlite,
    `SELECT t.fault_text, t.fault_codes_json, t.condition_json, t.accessories_json, t.warranty_claimed, t.findings_json, t.customer_id, c.name AS customer_name,
       (SELECT q.customer_total_fen || ',' || (q.maker_fen + q.shop_fen + q.extended_warranty_fen + q.insurer_fen) FROM quotes q WHERE q.ticket_id = t.id ORDER BY q.version DESC LIMIT 1) AS q_split,
       EXISTS (SELECT 1 FROM sanbao_outcomes s WHERE s.ticket_id = t.id) AS sanbao
     FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  ).get(ticketId)!;
  // The bench adds its own pictures later (diagnosis photos, signatures, signed papers): what came in is the rest.
  const later = new Set([
    ...statement<{ photo_ids_json: string }, [string]>(ctx.sqlite, `SELECT photo_ids_json FROM diagnoses WHERE ticket_id = ?`).all(ticketId).flatMap((d) => JSON.parse(d.photo_ids_json) as string[]),
    ...statement<{ attachment_id: string }, [string]>(ctx.sqlite, `SELECT attachment_id FROM authorizations WHERE ticket_id = ? AND attachment_id IS NOT NULL`).all(ticketId).map((a) => a.attachment_id),
  ]);
  return {
    fault: { text: t.fault_text, codes: JSON.parse(t.fault_codes_json) },
    condition: JSON.parse(t.condition_json),
    accessories: JSON.parse(t.accessories_json),
    photos: attachmentsOf(ctx.sqlite, ticketId).filter((a) => !later.has(a.id) && a.mime.startsWith('image/')),
    warrantyClaimed: t.warranty_claimed === 1,
    coverage: coverageOf(t),
    findings: JSON.parse(t.findings_json),
    customer: { name: t.customer_name, phones: phoneDisplays(ctx.sqlite, t.customer_id) },
  };
}
