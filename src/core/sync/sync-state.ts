import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { statement } from '../db/statements';
import type { SyncStateTable } from './tables';

/** The one sync_state row: head office, the token, the cursors, the last outcome. */
export type SyncState = Selectable<SyncStateTable>;

/** What the shop's head-office token is encrypted with (the restore from head office writes one too). */
export const TOKEN_AAD = 'fixpoint.sync.token';

export function readSyncState(sqlite: BetterSqlite3.Database): SyncState {
  return statement<SyncState, []>(sqlite, `SELECT * FROM sync_state WHERE id = 1`).get()!;
}
