import type { Generated } from 'kysely';

/** Kysely row types of migration 003 (customers, devices, tickets, events, attachments). */
export interface CustomersTable {
  n: Generated<number>;
  id: string;
  name: string;
  name_rev: string;
  address: string;
  company: string;
  note: string;
  preferred_contact: string;
  created_at: string;
  updated_at: string;
}

export interface CustomerPhonesTable {
  id: string;
  customer_id: string;
  position: number;
  e164: string;
  kind: 'mobile' | 'landline';
  display: string;
  digits_rev: string;
}

export interface DevicesTable {
  n: Generated<number>;
  id: string;
  category: string;
  brand: string;
  model: string;
  imei: string | null;
  imei2: string | null;
  serial: string | null;
  colour: string;
  purchase_date: string | null;
  proof_kind: 'invoice' | 'receipt' | 'none';
  invoice_no: string;
  invoice_date: string | null;
  seller: string;
  factory_date: string | null;
  purchase_price_fen: number | null;
  owner_customer_id: string | null;
  created_at: string;
  updated_at: string;
  /** After a 三包 exchange the warranty restarts from this date (migration 7). */
  exchange_date: string | null;
}

export interface DeviceOwnersTable {
  id: string;
  device_id: string;
  customer_id: string;
  at: string;
  ticket_id: string | null;
}

export interface TicketCountersTable {
  key: string;
  last_seq: number;
}

export interface TicketsTable {
  n: Generated<number>;
  id: string;
  number: string;
  yymm: string;
  seq: number;
  customer_id: string;
  device_id: string;
  status: string;
  status_at: string;
  received_at: string;
  received_by: string | null;
  promised_date: string;
  service_type: string;
  service_json: string;
  fault_text: string;
  fault_codes_json: string;
  condition_json: string;
  accessories_json: string;
  passcode_state: 'given' | 'declined' | 'none' | 'erased';
  passcode_kind: string | null;
  passcode_cipher: Buffer | null;
  passcode_erased_at: string | null;
  data_loss_ack: number;
  deposit_fen: number;
  deposit_note: string;
  technician_id: string | null;
  findings_json: string;
  warranty_claimed: number;
  note: string;
  updated_at: string;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  at: string;
  user_id: string | null;
  from_status: string | null;
  to_status: string | null;
  kind: string;
  note: string;
  data_json: string;
}

export interface AttachmentsTable {
  id: string;
  ticket_id: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  caption: string;
  created_at: string;
  created_by: string | null;
  /** A small JPEG for lists (migration 13); null when none was made. */
  thumb: Buffer | null;
}

/** The image bytes, once per distinct picture, keyed by their SHA-256 (migration 13). */
export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface IntakeTables {
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  devices: DevicesTable;
  device_owners: DeviceOwnersTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  attachments: AttachmentsTable;
  attachment_blobs: AttachmentBlobsTable;
}
