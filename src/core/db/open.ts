import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { AppError } from '../../shared/api/errors';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export interface OpenOptions {
  /** Path of the .sqlite file, or ':memory:'. */
  file: string;
  /** Path of a better_sqlite3.node built for another ABI (Electron). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Stop at this schema version (tests of upgrades from an older release). */
  targetVersion?: number;
}

export interface ShopDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  migrated: { from: number; to: number };
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) a shop database: WAL, foreign keys, synchronous=FULL
 * (a counter must not lose a payment on power loss), busy timeout; then migrates.
 */
export function openDatabase(opts: OpenOptions): ShopDatabase {
  if (opts.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    healthCheck(sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    const migrated = migrate(sqlite, opts.migrations ?? allMigrations, opts.targetVersion);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      sqlite,
      db,
      migrated,
      async close() {
        await db.destroy(); // closes the better-sqlite3 handle too
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * The quick check at every open (page structure, not index contents: the full integrity check
 * runs weekly with the backups). A damaged or foreign file is a typed error the host shows with
 * the way out: restore from a backup (Settings → Backups → Restore, or `npm run serve -- restore`).
 */
function healthCheck(sqlite: Database.Database): void {
  let result: unknown;
  try {
    result = sqlite.pragma('quick_check', { simple: true });
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new AppError('DB_CORRUPT', { key: 'db.error.corrupt', params: { reason: code }, details: { storage: 'corrupt', file: sqlite.name } });
    }
    throw e;
  }
  if (result !== 'ok') throw new AppError('DB_CORRUPT', { key: 'db.error.corrupt', params: { reason: String(result).replace(/\s*\n\s*/g, '; ').slice(0, 200) }, details: { storage: 'corrupt', file: sqlite.name } });
}
