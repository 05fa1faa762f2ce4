import type { Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../db/schema';
import type { BackendEvent } from '../api/context';

/**
 * Pull handlers: how the shop applies each kind of head-office-owned data. Capabilities register
 * theirs (`registerPulledKind('parts.catalog', { apply })`); the sync applies a page of items and
 * the cursor in one transaction. Items of a kind with no handler are kept (sync_unhandled) and
 * applied once a handler exists, so an older program loses nothing head office sent.
 */
export interface PulledRow {
  id: string;
  deleted: boolean;
  data: unknown;
  change: number;
}

export interface PullContext {
  /** The backend's connection: inside apply() it is in the page's transaction (for handlers written against better-sqlite3). */
  sqlite: BetterSqlite3.Database;
  nowIso(): string;
  newId(): string;
  emit(event: BackendEvent): void;
}

export interface PulledKindHandler {
  /** Applies rows (in head-office change order) inside the page's transaction; throw to refuse the page. */
  apply(trx: Transaction<DB>, rows: PulledRow[], ctx: PullContext): Promise<void>;
}

const registry = new Map<string, PulledKindHandler>();

export function registerPulledKind(kind: string, handler: PulledKindHandler): void {
  registry.set(kind, handler);
}

export function pulledKindHandler(kind: string): PulledKindHandler | undefined {
  return registry.get(kind);
}

export function registeredPulledKinds(): string[] {
  return [...registry.keys()].sort();
}
