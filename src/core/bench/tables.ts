import type { Authorization, QuoteLine } from '../../shared/bench/schemas';

/** Kysely row types of migration 007 (the bench). Core mostly uses prepared statements; these keep `DB` complete. */
export interface PriceListItemsTable {
  id: string;
  code: string;
  kind: 'labor' | 'fee';
  name_zh: string;
  name_en: string;
  category: string;
  price_fen: number;
  diagnosis_fee: number;
  active: number;
  source: 'local' | 'hq';
  updated_at: string;
  updated_by: string | null;
}

export interface BenchTicketsTable {
  ticket_id: string;
  priority: number;
  outcome: string | null;
  parts_expected: string | null;
  performance_fault: number;
  updated_at: string;
}

export interface QuotesTable {
  id: string;
  ticket_id: string;
  version: number;
  subtotal_fen: number;
  customer_fen: number;
  maker_fen: number;
  shop_fen: number;
  extended_warranty_fen: number;
  insurer_fen: number;
  discount_fen: number;
  customer_total_fen: number;
  discount_reason: string;
  discount_approved_by: string | null;
  estimated_completion: string | null;
  note: string;
  policy_id: string | null;
  policy_version: string | null;
  created_at: string;
  created_by: string | null;
}

export interface QuoteLinesTable {
  id: string;
  quote_id: string;
  position: number;
  kind: 'labor' | 'fee' | 'part' | 'custom';
  price_item_id: string | null;
  part_id: string | null;
  sku: string | null;
  description: string;
  reason: string;
  qty: number;
  unit_price_fen: number;
  amount_fen: number;
  warranty_part: string | null;
  customer_fen: number;
  maker_fen: number;
  shop_fen: number;
  extended_warranty_fen: number;
  insurer_fen: number;
  status: QuoteLine['decision']['status'];
  coverage: QuoteLine['decision']['coverage'];
  end_date: string | null;
  reasons_json: string;
  /** Migration 012: a covered custom line's reason; null = not marked. */
  cover_reason: string | null;
}

export interface AuthorizationsTable {
  id: string;
  ticket_id: string;
  quote_id: string;
  decision: 'approved' | 'declined';
  method: Authorization['method'];
  total_fen: number;
  cap_fen: number | null;
  signer_name: string;
  attachment_id: string | null;
  phone_number: string;
  called_at: string | null;
  customer_words: string;
  fee_fen: number;
  fee_waived_by: string | null;
  note: string;
  recorded_at: string;
  recorded_by: string | null;
  /** Head office's decision id (method remote only, migration 16). */
  remote_id: string | null;
  client_address: string;
}

export interface TimeLogsTable {
  id: string;
  ticket_id: string;
  user_id: string;
  started_at: string;
  ended_at: string | null;
  minutes: number;
  entered: number;
  note: string;
  created_at: string;
  created_by: string | null;
}

export interface DiagnosesTable {
  id: string;
  ticket_id: string;
  cause: string;
  notes: string;
  findings_json: string;
  performance_fault: number;
  parts_needed_json: string;
  photo_ids_json: string;
  created_at: string;
  created_by: string | null;
}

export interface QcResultsTable {
  id: string;
  ticket_id: string;
  passed: number;
  items_json: string;
  data_handling: 'preserved' | 'wiped';
  passcode_erased: number;
  fail_reason: string;
  checked_by: string | null;
  at: string;
}

export interface SanbaoOutcomesTable {
  id: string;
  ticket_id: string;
  option: 'exchange' | 'return';
  purchase_price_fen: number;
  days_used: number;
  depreciation_fen: number;
  refund_fen: number;
  old_imei: string | null;
  old_serial: string | null;
  new_imei: string | null;
  new_serial: string | null;
  exchange_date: string | null;
  approved_by: string | null;
  note: string;
  at: string;
  created_by: string | null;
}

export interface BenchTables {
  price_list_items: PriceListItemsTable;
  bench_tickets: BenchTicketsTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  authorizations: AuthorizationsTable;
  time_logs: TimeLogsTable;
  diagnoses: DiagnosesTable;
  qc_results: QcResultsTable;
  sanbao_outcomes: SanbaoOutcomesTable;
}
