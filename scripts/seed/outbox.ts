import type Database from 'better-sqlite3';
import { suspendOutboxTriggers } from '../../src/core/db/outbox';

/** Runs `fn` with the outbox triggers dropped, then puts them back exactly as they were. */
export async function withoutOutbox(sqlite: Database.Database, fn: () => Promise<void>): Promise<void> {
  const restore = suspendOutboxTriggers(sqlite);
  try {
    await fn();
  } finally {
    restore();
  }
}
