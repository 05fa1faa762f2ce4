import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { TicketDetail } from '../../shared/tickets/schemas';
import { loadCustomer } from '../customers/store';
import { loadDevice } from '../devices/store';
import type { ShopClock } from '../shop/clock';
import { coverageOf } from './rows';
import { statement } from '../db/statements';
import { attachmentsOf } from './attachments';
import { eventsOf } from './events';
import { legalLimits, ticketFlags } from './rows';

interface TicketDbRow {
  id: string;
  number: string;
  status: string;
  status_at: string;
  received_at: string;
  received_by: string | null;
  rb_name: string | null;
  promised_date: string;
  service_json: string;
  fault_text: string;
  fault_codes_json: string;
  condition_json: string;
  accessories_json: string;
  passcode_state: string;
  passcode_kind: string | null;
  passcode_erased_at: string | null;
  data_loss_ack: number;
  deposit_fen: number;
  deposit_note: string;
  technician_id: string | null;
  tech_name: string | null;
  findings_json: string;
  warranty_claimed: number;
  q_split: string | null;
  sanbao: number;
  note: string;
  customer_id: string;
  device_id: string;
}

/** Everything the ticket screen shows, except the passcode itself (only whether there is one). */
export function loadTicketDetail(sqlite: Database.Database, clock: ShopClock, id: string): TicketDetail {
  const t = statement<TicketDbRow>(sqlite, `SELECT t.id, t.number, t.status, t.status_at, t.received_at, t.received_by, rb.display_name AS rb_name, t.promised_date, t.service_json,
       t.fault_text, t.fault_codes_json, t.condition_json, t.accessories_json, t.passcode_state, t.passcode_kind, t.passcode_erased_at,
       t.data_loss_ack, t.deposit_fen, t.deposit_note, t.technician_id, tu.display_name AS tech_name, t.findings_json, t.warranty_claimed,
       (SELECT q.customer_total_fen || ',' || (q.maker_fen + q.shop_fen + q.extended_warranty_fen + q.insurer_fen) FROM quotes q WHERE q.ticket_id = t.id ORDER BY q.version DESC LIMIT 1) AS q_split,
       EXISTS (SELECT 1 FROM sanbao_outcomes s WHERE s.ticket_id = t.id) AS sanbao,
       t.note, t.customer_id, t.device_id
     FROM tickets t LEFT JOIN users rb ON rb.id = t.received_by LEFT JOIN users tu ON tu.id = t.technician_id
     WHERE t.id = ?`).get(id);
  if (!t) throw new AppError('NOT_FOUND', { details: { entity: 'ticket', id } });
  return {
    id: t.id,
    number: t.number,
    status: t.status as TicketDetail['status'],
    statusAt: t.status_at,
    receivedAt: t.received_at,
    receivedBy: t.received_by ? { id: t.received_by, displayName: t.rb_name ?? '' } : null,
    promisedDate: t.promised_date,
    service: JSON.parse(t.service_json),
    fault: { text: t.fault_text, codes: JSON.parse(t.fault_codes_json) },
    condition: JSON.parse(t.condition_json),
    accessories: JSON.parse(t.accessories_json),
    passcode: {
      hasPasscode: t.passcode_state === 'given',
      kind: (t.passcode_kind as TicketDetail['passcode']['kind']) ?? null,
      declined: t.passcode_state === 'declined',
      none: t.passcode_state === 'none',
      erasedAt: t.passcode_erased_at,
    },
    dataLossAck: t.data_loss_ack === 1,
    depositFen: t.deposit_fen,
    depositNote: t.deposit_note,
    technician: t.technician_id ? { id: t.technician_id, displayName: t.tech_name ?? '' } : null,
    findings: JSON.parse(t.findings_json),
    warrantyClaimed: t.warranty_claimed === 1,
    coverage: coverageOf(t),
    note: t.note,
    customer: loadCustomer(sqlite, t.customer_id),
    device: loadDevice(sqlite, t.device_id),
    events: eventsOf(sqlite, t.id),
    attachments: attachmentsOf(sqlite, t.id),
    flags: ticketFlags(clock, t, legalLimits(sqlite).get(loadDevice(sqlite, t.device_id).category) ?? null),
  };
}
