import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { Migration } from './migrations/types';
import { checkSequence } from './migrations';
import { APP_VERSION } from '../version';

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function writtenBy(db: BetterSqlite3.Database): string | null {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'`).get();
  if (!hasMeta) return null;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'app_version'`).get() as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Brings the database to `target` one migration at a time, each in its own
 * transaction with its user_version bump, so a crash leaves a whole version.
 * A database from a newer program is refused before anything is touched.
 */
export function migrate(
  db: BetterSqlite3.Database,
  all: readonly Migration[],
  target = all[all.length - 1]?.version ?? 0,
): { from: number; to: number } {
  checkSequence(all);
  const from = schemaVersion(db);
  const latest = all[all.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new AppError('SCHEMA_TOO_NEW', {
      params: { dbVersion: `${from}${writtenBy(db) ? ` / Fixpoint ${writtenBy(db)}` : ''}`, appVersion: `${latest} / Fixpoint ${APP_VERSION}` },
      details: { dbVersion: from, appVersion: latest },
    });
  }
  for (const m of all) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('app_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(APP_VERSION);
    }).immediate();
  }
  return { from, to: Math.max(from, Math.min(target, latest)) };
}
