/** Kysely types of the sync tables (migration 6). */
export interface SyncStateTable {
  id: number;
  hq_url: string | null;
  hq_shop_id: string | null;
  token_cipher: Buffer | null;
  enrolled_at: string | null;
  acked_seq: number;
  pull_cursor: number;
  last_success_at: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  failures: number;
  last_error_json: string | null;
}

export interface SyncUnhandledTable {
  kind: string;
  id: string;
  change_no: number;
  deleted: number;
  data_json: string | null;
}

export interface SyncTables {
  sync_state: SyncStateTable;
  sync_unhandled: SyncUnhandledTable;
}
