/** Kysely row types of migration 008 (collection). Core mostly uses prepared statements; these keep `DB` complete. */
export interface PaymentsTable {
  id: string;
  ticket_id: string;
  collection_id: string | null;
  kind: 'deposit' | 'settlement' | 'refund' | 'void';
  tender: 'cash' | 'card' | 'wechat' | 'alipay' | 'transfer';
  amount_fen: number;
  received_fen: number;
  change_fen: number;
  reference: string;
  reverses_id: string | null;
  reason: string;
  approved_by: string | null;
  business_date: string;
  at: string;
  by_user_id: string | null;
}

export interface CollectionsTable {
  id: string;
  ticket_id: string;
  identity_method: 'phone_last4' | 'id_document';
  pickup_name: string;
  pickup_id_type: string;
  pickup_id_masked: string;
  pickup_relation: string;
  customer_due_fen: number;
  discount_fen: number;
  discount_reason: string;
  total_fen: number;
  tax_fen: number;
  tax_rate_bp: number;
  prices_include_tax: number;
  deposit_applied_fen: number;
  paid_now_fen: number;
  change_fen: number;
  refunded_fen: number;
  balance_fen: number;
  balance_reason: string;
  approved_by: string | null;
  loaner_override: number;
  passcode_erased: number;
  business_date: string;
  collected_at: string;
  collected_by: string | null;
  note: string;
  /** The repair's warranty end at hand-back (migration 19; null before it): what the customer is told. */
  warranty_until: string | null;
}

export interface WarrantyClaimsTable {
  id: string;
  number: string;
  payer: 'maker' | 'extended_warranty' | 'insurer';
  ticket_id: string;
  collection_id: string | null;
  period: string;
  status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'paid';
  claimed_fen: number;
  approved_fen: number | null;
  paid_fen: number | null;
  reject_reason: string;
  note: string;
  created_at: string;
  created_by: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  paid_at: string | null;
  updated_at: string;
}

export interface WarrantyClaimLinesTable {
  id: string;
  claim_id: string;
  position: number;
  quote_line_id: string | null;
  kind: string;
  sku: string | null;
  description: string;
  qty: number;
  unit_price_fen: number;
  amount_fen: number;
  new_serials_json: string;
  removed_serial: string | null;
  old_part_id: string | null;
}

export interface DailyClosesTable {
  id: string;
  business_date: string;
  scope: 'shop' | 'user';
  user_id: string;
  figures_json: string;
  expected_cash_fen: number;
  counted_cash_fen: number;
  difference_fen: number;
  reason: string;
  closed_at: string;
  closed_by: string | null;
}

export interface CashMovementsTable {
  id: string;
  business_date: string;
  kind: 'float' | 'payout' | 'drop';
  amount_fen: number;
  reason: string;
  by_user_id: string;
  at: string;
}

export interface CollectionTables {
  payments: PaymentsTable;
  collections: CollectionsTable;
  warranty_claims: WarrantyClaimsTable;
  warranty_claim_lines: WarrantyClaimLinesTable;
  daily_closes: DailyClosesTable;
  cash_movements: CashMovementsTable;
}
