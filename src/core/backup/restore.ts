import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackendServices } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { migrate } from '../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../db/migrations';
import { BackupFileError, readBackupFile, readBackupHeader, type BackupHeader } from './format';
import { parseRecoveryKey } from './recovery-key';
import { exclusive, markInterrupted, storedKey } from './run';
import { prepared, statement } from '../db/statements';
import { firstRow, qb } from '../db/query';
import { integrityCheck } from '../db/catalog';

export interface RestoreResult {
  restoredFrom: string;
  keptAside: string;
  createdAt: string;
  schemaVersion: number;
}

function fileError(e: unknown): AppError {
  if (e instanceof BackupFileError) {
    const key = { not_a_backup: 'backup.restore.error.notABackup', wrong_key: 'backup.restore.error.wrongKey', damaged: 'backup.restore.error.damaged' }[e.reason];
    return new AppError('RULE', { key, details: { reason: e.reason } });
  }
  return e instanceof AppError ? e : new AppError('RULE', { key: 'backup.restore.error.damaged', details: { reason: e instanceof Error ? e.message.slice(0, 200) : String(e) } });
}

/** Checks a backup against the shop it would replace (null: an empty data folder) and this program. */
export function checkBackupFor(file: string, shop: { id: string } | null): BackupHeader {
  if (!fs.existsSync(file)) throw new AppError('RULE', { key: 'backup.restore.error.noFile', params: { file } });
  let header: BackupHeader;
  try {
    header = readBackupHeader(file).header;
  } catch (e) {
    throw fileError(e);
  }
  if (shop && header.shopId !== shop.id) {
    throw new AppError('RULE', { key: 'backup.restore.error.otherShop', params: { code: header.shopCode, name: header.shopName }, details: { backupShopId: header.shopId } });
  }
  if (header.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError('RULE', { key: 'backup.restore.error.newerSchema', params: { backup: header.schemaVersion, app: LATEST_SCHEMA_VERSION } });
  }
  return header;
}

/** Decrypts a backup into `dir` and checks the database in it; answers the database path and the secret key's text. */
export async function unpackBackup(file: string, key: Buffer, dir: string, nativeBinding?: string): Promise<{ db: string; secretKey: string | null }> {
  try {
    await readBackupFile(file, key, dir);
  } catch (e) {
    throw fileError(e);
  }
  const db = path.join(dir, 'shop.sqlite');
  const check = new Database(db, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const ok = integrityCheck(check);
    if (ok !== 'ok') throw new AppError('RULE', { key: 'backup.restore.error.damaged', details: { reason: ok.slice(0, 200) } });
  } finally {
    check.close();
  }
  const keyFile = path.join(dir, 'secret.key');
  return { db, secretKey: fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : null };
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Restores the running backend's database from a backup, in place: the current database is
 * first copied aside (an online backup, `shop.sqlite.before-restore-<time>`), then the backup's
 * pages are written over the live file with SQLite's backup API while the backend's connection
 * is held, so no call runs meanwhile and the same connection reads the restored data next (no
 * reopen needed). An older schema is migrated. This PC's backup settings and history are kept.
 * Head office learns of the restore on the next sync: its answer is above the restored outbox
 * sequence, and the shop continues above everything head office holds (src/core/sync/engine.ts).
 */
export async function restoreInPlace(services: BackendServices, input: { file: string; recoveryKey?: string | undefined }): Promise<RestoreResult> {
  const { sqlite } = services;
  const shop = await exclusive(services, () => firstRow(sqlite, qb.selectFrom('shop').select('id').limit(1)));
  const header = checkBackupFor(input.file, shop ?? null);
  let key: Buffer | null;
  if (input.recoveryKey) {
    key = parseRecoveryKey(input.recoveryKey);
    if (!key) throw new AppError('RULE', { key: 'backup.restore.error.wrongKey' });
  } else key = await exclusive(services, () => storedKey(services));
  if (!key) throw new AppError('RULE', { key: 'backup.restore.error.keyNeeded' });
  const tmp = fs.mkdtempSync(path.join(services.dataDir ?? os.tmpdir(), '.restore-'));
  try {
    const unpacked = await unpackBackup(input.file, key, tmp, services.nativeBinding);
    if (unpacked.secretKey && Buffer.from(unpacked.secretKey, 'base64').compare(services.keys.getKey()) !== 0) {
      // Another secret key (this data folder was set up anew): only a restore before the app
      // opens (the CLI) can put that key in place.
      throw new AppError('RULE', { key: 'backup.restore.error.otherKey' });
    }
    const now = services.clock.now();
    const keptAside = `${sqlite.name}.before-restore-${stamp(now)}`;
    await sqlite.backup(keptAside);
    await exclusive(services, async () => {
      // as they are in this file (its version's columns), carried over whatever the backup's version
      const config = statement<Record<string, unknown>>(sqlite, `SELECT * FROM backup_config WHERE id = 1`).get();
      const history = statement<Record<string, unknown>>(sqlite, `SELECT * FROM backups`).all();
      const src = new Database(unpacked.db, { readonly: true, ...(services.nativeBinding ? { nativeBinding: services.nativeBinding } : {}) });
      try {
        await src.backup(sqlite.name);
      } finally {
        src.close();
      }
      migrate(sqlite, migrations);
      sqlite.transaction(() => {
        if (config) {
          const cols = Object.keys(config).filter((c) => c !== 'id');
          prepared(sqlite, `UPDATE backup_config SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE id = 1`).run(...cols.map((c) => config[c]));
        }
        const ins = history.length ? prepared(sqlite, `INSERT OR REPLACE INTO backups (${Object.keys(history[0]!).map((c) => `"${c}"`).join(', ')}) VALUES (${Object.keys(history[0]!).map(() => '?').join(', ')})`) : null;
        for (const h of history) ins!.run(...Object.values(h));
        markInterrupted(sqlite, now.toISOString());
      })();
    });
    return { restoredFrom: input.file, keptAside, createdAt: header.createdAt, schemaVersion: header.schemaVersion };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into a data folder no program has open (the CLI, a new PC): the folder's
 * database (if any) is moved aside, the backup's database and secret key put in place.
 * `expectShopId`: refuse another shop's backup when the folder already holds a shop.
 */
export async function restoreIntoFolder(dataDir: string, file: string, recoveryKey: Buffer, opts: { now: Date }): Promise<RestoreResult> {
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'shop.sqlite');
  let shop: { id: string } | null = null;
  if (fs.existsSync(dbFile)) {
    const cur = new Database(dbFile, { readonly: true });
    try {
      shop = firstRow(cur, qb.selectFrom('shop').select('id').limit(1)) ?? null;
    } catch {
      shop = null; // not even readable: it is being replaced because of that
    } finally {
      cur.close();
    }
  }
  const header = checkBackupFor(file, shop);
  const tmp = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    const unpacked = await unpackBackup(file, recoveryKey, tmp);
    const aside = path.join(dataDir, `before-restore-${stamp(opts.now)}`);
    fs.mkdirSync(aside);
    for (const f of ['shop.sqlite', 'shop.sqlite-wal', 'shop.sqlite-shm', 'secret.key']) {
      if (fs.existsSync(path.join(dataDir, f))) fs.renameSync(path.join(dataDir, f), path.join(aside, f));
    }
    fs.renameSync(unpacked.db, dbFile);
    if (unpacked.secretKey) fs.writeFileSync(path.join(dataDir, 'secret.key'), unpacked.secretKey + '\n', { mode: 0o600 });
    return { restoredFrom: file, keptAside: aside, createdAt: header.createdAt, schemaVersion: header.schemaVersion };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
