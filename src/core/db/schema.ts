import type { Generated } from 'kysely';
import type { IntakeTables } from './intake-tables';
import type { PrintFilesTable, PrintJobsTable } from '../printing/tables';
import type { SyncTables } from '../sync/tables';
import type { StockTables } from '../stock/tables';
import type { ReportsTables } from '../reports/tables';
import type { BenchTables } from '../bench/tables';
import type { CollectionTables } from '../collection/tables';
import type { BackupTables } from '../backup/tables';
import type { StatusTables } from '../status/tables';
import type { RecallTables } from '../recalls/tables';

/**
 * The kysely Database interface: one entry per table, column types as SQLite stores
 * them (booleans are 0/1, instants ISO text, money integer fen). Capabilities add
 * their tables here alongside their migration.
 */
export interface ShopTable {
  id: string;
  code: string;
  name: string;
  settings_json: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  pin_hash: string | null;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details_json: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  table_name: string;
  row_id: string;
  op: 'upsert' | 'delete';
}

export interface WarrantyPoliciesTable {
  id: string;
  policy_id: string;
  category: string;
  version_no: number;
  version: string;
  data_json: string;
  source: 'preset' | 'local' | 'hq';
  active: number;
  category_default: number;
  note: string;
  updated_at: string;
  updated_by: string | null;
}

export interface WarrantyCalendarsTable {
  id: string;
  calendar_id: string;
  version_no: number;
  data_json: string;
  source: 'preset' | 'local' | 'hq';
  active: number;
  updated_at: string;
  updated_by: string | null;
}

export interface DeviceProgramsTable {
  id: string;
  device_id: string;
  program_id: string;
  kind: string;
  data_json: string;
  created_at: string;
  created_by: string | null;
}

/** The program's own notes (migration 1): the version of Fixpoint that last wrote the file. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface DB extends IntakeTables, StockTables, SyncTables, BenchTables, ReportsTables, CollectionTables, BackupTables, StatusTables, RecallTables {
  meta: MetaTable;
  shop: ShopTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  warranty_policies: WarrantyPoliciesTable;
  warranty_calendars: WarrantyCalendarsTable;
  device_programs: DeviceProgramsTable;
  print_jobs: PrintJobsTable;
  print_files: PrintFilesTable;
}
