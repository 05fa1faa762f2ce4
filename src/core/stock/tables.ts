import type { Generated } from 'kysely';
import type {
  LOAN_STATUSES,
  MOVEMENT_KINDS,
  OLD_PART_STATUSES,
  RESERVATION_STATUSES,
  SERIAL_STATUSES,
  SHIPMENT_STATUSES,
  STOCKTAKE_STATUSES,
} from '../../shared/stock/schemas';

/** Kysely row types of migration 005 (parts stock). Booleans 0/1, money fen, instants ISO text. */
export interface PartsTable {
  n: Generated<number>;
  id: string;
  sku: string;
  barcode: string;
  name_zh: string;
  name_en: string;
  category: string;
  models_text: string;
  grade: 'original' | 'certified';
  kind: 'part' | 'loaner';
  serialized: number;
  warranty_days: number;
  list_price: number;
  cost: number;
  active: number;
  source: 'local' | 'hq';
  created_at: string;
  updated_at: string;
}

export interface StockSettingsTable {
  part_id: string;
  bin: string;
  reorder_point: number;
  reorder_qty: number;
  updated_at: string;
  updated_by: string | null;
}

export interface StockMovementsTable {
  n: Generated<number>;
  id: string;
  part_id: string;
  kind: (typeof MOVEMENT_KINDS)[number];
  qty: number;
  unit_cost: number;
  avg_cost_after: number;
  on_hand_after: number;
  ticket_id: string | null;
  serials_json: string;
  removed_serial: string | null;
  reason: string;
  supplier: string;
  delivery_note: string;
  counterparty: string;
  ref_id: string | null;
  override: number;
  note: string;
  at: string;
  user_id: string | null;
}

export interface StockBalancesTable {
  part_id: string;
  on_hand: number;
  reserved: number;
  avg_cost: number;
  last_seq: number;
}

export interface StockSerialsTable {
  id: string;
  part_id: string;
  serial: string;
  status: (typeof SERIAL_STATUSES)[number];
  ticket_id: string | null;
  device_id: string | null;
  received_movement_id: string;
  last_movement_id: string;
  received_at: string;
  updated_at: string;
}

export interface StockReservationsTable {
  id: string;
  part_id: string;
  ticket_id: string;
  quote_id: string | null;
  qty: number;
  issued_qty: number;
  status: (typeof RESERVATION_STATUSES)[number];
  created_at: string;
  created_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
}

export interface StocktakesTable {
  id: string;
  number: string;
  status: (typeof STOCKTAKE_STATUSES)[number];
  bins_json: string | null;
  note: string;
  created_at: string;
  created_by: string | null;
  posted_at: string | null;
  posted_by: string | null;
}

export interface StocktakeLinesTable {
  id: string;
  stocktake_id: string;
  part_id: string;
  bin: string;
  expected: number;
  unit_cost: number;
  counted: number | null;
  counted_at: string | null;
  counted_by: string | null;
}

export interface ReturnShipmentsTable {
  id: string;
  number: string;
  carrier: string;
  tracking_no: string;
  shipped_on: string;
  status: (typeof SHIPMENT_STATUSES)[number];
  created_at: string;
  created_by: string | null;
  closed_at: string | null;
}

export interface OldPartsTable {
  id: string;
  part_id: string | null;
  description: string;
  ticket_id: string | null;
  device_id: string | null;
  serial: string;
  replaced_by_serial: string | null;
  source: 'device' | 'stock';
  movement_id: string | null;
  status: (typeof OLD_PART_STATUSES)[number];
  shipment_id: string | null;
  created_at: string;
  created_by: string | null;
  confirmed_at: string | null;
}

export interface LoansTable {
  id: string;
  part_id: string;
  serial_id: string;
  ticket_id: string;
  deposit_fen: number;
  status: (typeof LOAN_STATUSES)[number];
  out_at: string;
  out_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  note: string;
}

export interface StockTables {
  parts: PartsTable;
  stock_settings: StockSettingsTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
  stock_serials: StockSerialsTable;
  stock_reservations: StockReservationsTable;
  stocktakes: StocktakesTable;
  stocktake_lines: StocktakeLinesTable;
  return_shipments: ReturnShipmentsTable;
  old_parts: OldPartsTable;
  loans: LoansTable;
}
