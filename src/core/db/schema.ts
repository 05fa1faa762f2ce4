import type { Generated } from 'kysely';

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

export interface DB {
  shop: ShopTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}
