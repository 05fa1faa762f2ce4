import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { AppError } from '../../shared/api/errors';
import { migrate } from './migrate';
import { cachingDatabase } from './statements';
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
  /**
   * Files up to this size get SQLite's quick check before anything else at open (default 32 MiB,
   * about a quarter of a second); a larger file opens after a cheap structural read and gets its
   * quick check on a worker thread (`deferredCheck`), so a big shop still opens in a blink.
   */
  syncCheckMaxBytes?: number;
}

export interface ShopDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  migrated: { from: number; to: number };
  /** The quick check still has to run (off the main thread: the backend starts it, see checkOffThread). */
  deferredCheck: boolean;
  close(): Promise<void>;
}

/** 32 MiB: SQLite's quick check reads about 110 MiB/s here, so a file this size is checked in ~0.3 s. */
export const SYNC_CHECK_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Opens (creating if needed) a shop database: WAL, foreign keys, synchronous=FULL
 * (a counter must not lose a payment on power loss), busy timeout; then migrates.
 */
export function openDatabase(opts: OpenOptions): ShopDatabase {
  if (opts.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    const size = opts.file === ':memory:' ? 0 : fs.statSync(opts.file).size;
    const deferredCheck = size > (opts.syncCheckMaxBytes ?? SYNC_CHECK_MAX_BYTES);
    if (deferredCheck) structuralCheck(sqlite);
    else healthCheck(sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    const migrated = migrate(sqlite, opts.migrations ?? allMigrations, opts.targetVersion);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
    return {
      sqlite,
      db,
      migrated,
      deferredCheck,
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
  const result = readOrCorrupt(sqlite, () => sqlite.pragma('quick_check', { simple: true }));
  if (result !== 'ok') throw corruptError(String(result), sqlite.name);
}

/** What a large file gets at open: its header and schema pages are readable (a foreign or zeroed file fails here). */
function structuralCheck(sqlite: Database.Database): void {
  readOrCorrupt(sqlite, () => sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get());
}

function readOrCorrupt<T>(sqlite: Database.Database, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw corruptError(code, sqlite.name);
    throw e;
  }
}

/** DB_CORRUPT with SQLite's finding, on one line, and the way out (restore from a backup). */
export function corruptError(finding: string, file: string): AppError {
  return new AppError('DB_CORRUPT', { key: 'db.error.corrupt', params: { reason: finding.replace(/\s*\n\s*/g, '; ').slice(0, 200) }, details: { storage: 'corrupt', file } });
}
