/**
 * Customer messages head office sent for this (enrolled) shop, pulled as `customer.message` once
 * their result is final (issue 20 point 3): each goes on its ticket's timeline — the text, the
 * number (masked), delivered or not delivered with the provider's error — so the counter sees
 * what the customer was told and knows to phone when a message did not arrive.
 */
import { registerPulledKind } from '../sync/pulled';
import { CUSTOMER_MESSAGE_KIND, customerMessageDataSchema } from '../../shared/messaging/pulled';
import { maskPhone } from '../../shared/documents/format';
import { statement } from '../db/statements';
import { appendEvent } from './events';

let done = false;

export function registerCustomerMessageKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(CUSTOMER_MESSAGE_KIND, {
    async apply(_trx, rows, pull) {
      const ctx = { sqlite: pull.sqlite, newId: pull.newId, nowIso: pull.nowIso, session: null };
      for (const r of rows) {
        if (r.deleted) continue;
        const d = customerMessageDataSchema.parse(r.data);
        if (!statement<{ id: string }>(pull.sqlite, `SELECT id FROM tickets WHERE id = ?`).get(d.ticketId)) continue;
        // once per message, however often the page is pulled again (a restore, an older program catching up)
        if (statement<{ id: string }>(pull.sqlite, `SELECT id FROM ticket_events WHERE ticket_id = ? AND kind = 'message' AND json_extract(data_json, '$.messageId') = ?`).get(d.ticketId, r.id)) continue;
        appendEvent(ctx, { ticketId: d.ticketId, kind: 'message', note: d.text, data: { messageId: r.id, messageKind: d.kind, result: d.result, to: maskPhone(d.to), attempts: d.attempts, sentAt: d.at, error: d.error } });
        pull.emit({ name: 'tickets.changed', payload: { id: d.ticketId } });
      }
    },
  });
}
