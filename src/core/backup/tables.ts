/** Kysely types of the backup capability's tables (migration 11). */
export interface BackupConfigTable {
  id: number;
  dir: string | null;
  key_cipher: Buffer | null;
  key_created_at: string | null;
  daily: number;
  after_close: number;
  last_full_check_at: string | null;
  updated_at: string | null;
}

export interface BackupsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  trigger: 'scheduled' | 'after_close' | 'manual';
  file: string | null;
  size: number | null;
  duration_ms: number | null;
  result: 'running' | 'ok' | 'failed' | 'rotated';
  error_json: string | null;
  counts_json: string | null;
  user_id: string | null;
}

export interface BackupTables {
  backup_config: BackupConfigTable;
  backups: BackupsTable;
}
