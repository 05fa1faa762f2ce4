import type Database from 'better-sqlite3';

/** Runs `fn` with the outbox triggers dropped, then puts them back exactly as they were. */
export async function withoutOutbox(sqlite: Database.Database, fn: () => Promise<void>): Promise<void> {
  const triggers = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'outbox\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  try {
    await fn();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
  }
}
