import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackendServices } from '../api/context';
import { AppError } from '../../shared/api/errors';
import type { Params } from '../../shared/i18n/types';
import { backupsToKeep, DEFAULT_ROTATION } from '../../shared/backup/rotation';
import type { BackupRecord, BackupTrigger } from '../../shared/backup/schemas';
import { localDate } from '../../shared/time/local-date';
import { decryptSecret, encryptSecret } from '../secrets/cipher';
import { APP_VERSION } from '../version';
import { BACKUP_EXT, payloadLength, readBackupFile, writeBackupFile, type PayloadFile } from './format';
import { newRecoveryKey } from './recovery-key';
import { column } from '../db/statements';
import { firstRow, qb, rows, write } from '../db/query';
import type { BackupConfigTable, BackupsTable } from './tables';
import { dataTables, integrityCheck } from '../db/catalog';
import { schemaVersion as readSchemaVersion } from '../db/migrate';
import { timeZoneOf } from '../shop/settings';

const KEY_AAD = 'fixpoint.backup.key';

export type BackupConfigRow = Omit<BackupConfigTable, 'id' | 'updated_at'>;
type BackupRow = Omit<BackupsTable, 'user_id'>;

/** Holds the backend's single connection for a synchronous step (no other transaction is open then). */
export function exclusive<T>(services: BackendServices, fn: () => T): Promise<T> {
  return services.db.connection().execute(async () => fn());
}

export function readConfig(sqlite: Database.Database): BackupConfigRow {
  const config = firstRow(sqlite, qb.selectFrom('backup_config').select(['dir', 'key_cipher', 'key_created_at', 'daily', 'after_close', 'last_full_check_at']).where('id', '=', 1));
  // migration 11 inserts the one row and nothing deletes it
  return config!;
}

/** The backup key, created on first use; answers it and whether it is new (to be shown once). */
export function ensureKey(services: BackendServices, nowIso: string): { key: Buffer; created: boolean } {
  const cfg = readConfig(services.sqlite);
  if (cfg.key_cipher) return { key: Buffer.from(decryptSecret(services.keys, cfg.key_cipher, KEY_AAD), 'base64'), created: false };
  const key = newRecoveryKey();
  write(services.sqlite, qb.updateTable('backup_config').set({ key_cipher: encryptSecret(services.keys, key.toString('base64'), KEY_AAD), key_created_at: nowIso }).where('id', '=', 1));
  return { key, created: true };
}

export function storedKey(services: BackendServices): Buffer | null {
  const cfg = readConfig(services.sqlite);
  return cfg.key_cipher ? Buffer.from(decryptSecret(services.keys, cfg.key_cipher, KEY_AAD), 'base64') : null;
}

/** Rows per table (virtual tables aside: their shadow tables are counted). */
export function countRows(db: Database.Database): Record<string, number> {
  const tables = dataTables(db);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = column<number>(db, `SELECT count(*) FROM "${t}"`).get() ?? 0;
  return out;
}

function recordOf(r: BackupRow): BackupRecord {
  const err = r.error_json ? (JSON.parse(r.error_json) as { key: string; params: Params }) : null;
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    trigger: r.trigger,
    file: r.file,
    sizeBytes: r.size,
    durationMs: r.duration_ms,
    result: r.result,
    error: err,
    tables: r.counts_json ? Object.keys(JSON.parse(r.counts_json) as object).length : null,
  };
}

export function listBackups(sqlite: Database.Database, limit = 50): BackupRecord[] {
  return rows(sqlite, qb.selectFrom('backups').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit)).map(recordOf);
}

/** Attempts that were running when the process died are failures (their partial file is deleted). */
export function markInterrupted(sqlite: Database.Database, nowIso: string): void {
  const stale = rows(sqlite, qb.selectFrom('backups').select(['id', 'file']).where('result', '=', 'running'));
  for (const s of stale) {
    if (s.file) fs.rmSync(`${s.file}.partial`, { force: true });
    const error_json = JSON.stringify({ key: 'backup.error.interrupted', params: {} });
    write(sqlite, qb.updateTable('backups').set({ result: 'failed', finished_at: nowIso, error_json }).where('id', '=', s.id));
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'); // 20260318T020000Z
}

function tempRoot(services: BackendServices): string {
  // Beside the database: the plain snapshot is as private as the database itself.
  return path.join(services.dataDir ?? os.tmpdir(), '.backup-tmp');
}

let running: Promise<BackupRecord> | null = null;

/** One backup now (single-flight: a second call joins the running one). Throws AppError on failure. */
export function runBackup(services: BackendServices, opts: { trigger: BackupTrigger; userId?: string | null }): Promise<BackupRecord> {
  running ??= doBackup(services, opts).finally(() => (running = null));
  return running;
}

async function doBackup(services: BackendServices, opts: { trigger: BackupTrigger; userId?: string | null }): Promise<BackupRecord> {
  const started = services.clock.now();
  const t0 = performance.now();
  const id = services.newId();
  const prep = await exclusive(services, () => {
    const cfg = readConfig(services.sqlite);
    if (!cfg.dir) throw new AppError('RULE', { key: 'backup.error.noFolder' });
    const shop = firstRow(services.sqlite, qb.selectFrom('shop').select(['id', 'code', 'name', 'settings_json']).limit(1));
    if (!shop) throw new AppError('SETUP_REQUIRED');
    const { key } = ensureKey(services, started.toISOString());
    const file = path.join(cfg.dir, `${shop.code}-${stamp(started)}-${id.slice(-6)}${BACKUP_EXT}`);
    write(services.sqlite, qb.insertInto('backups').values({ id, started_at: started.toISOString(), trigger: opts.trigger, file, result: 'running', user_id: opts.userId ?? null }));
    const tz = timeZoneOf(shop.settings_json);
    return { cfg, shop, key, file, tz };
  });
  const tmp = path.join(tempRoot(services), id);
  try {
    fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
    if (!fs.existsSync(prep.cfg.dir!)) throw new AppError('RULE', { key: 'backup.error.folderMissing', params: { dir: prep.cfg.dir! } });
    const snapshot = path.join(tmp, 'shop.sqlite');
    // 1. A consistent snapshot, online: a second read-only connection holds one read transaction
    //    (WAL: the counter keeps writing meanwhile) and the backup copies exactly that snapshot.
    const reader = new Database(services.sqlite.name, { readonly: true, fileMustExist: true, ...(services.nativeBinding ? { nativeBinding: services.nativeBinding } : {}) });
    let counts: Record<string, number>;
    let schemaVersion: number;
    try {
      reader.exec('BEGIN');
      counts = countRows(reader);
      schemaVersion = readSchemaVersion(reader);
      await reader.backup(snapshot, { progress: () => 256 }); // 256 pages a step, yielding between steps
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // 2. The snapshot is checked before it is trusted: integrity and the same rows as its source.
    const check = new Database(snapshot, { readonly: true, ...(services.nativeBinding ? { nativeBinding: services.nativeBinding } : {}) });
    try {
      const integrity = integrityCheck(check);
      if (integrity !== 'ok') throw new AppError('RULE', { key: 'backup.error.verify', params: { reason: integrity.slice(0, 200) } });
      const copied = countRows(check);
      for (const [t, n] of Object.entries(counts)) {
        if (copied[t] !== n) throw new AppError('RULE', { key: 'backup.error.verify', params: { reason: `${t}: ${copied[t] ?? 0} ≠ ${n}` } });
      }
    } finally {
      check.close();
    }
    // 3. Encrypted to the chosen folder as `.partial`, read back and decrypted, then renamed: a
    //    crash or a pulled USB stick never leaves a file that looks like a backup and is not one.
    const keyFile = path.join(tmp, 'secret.key');
    fs.writeFileSync(keyFile, services.keys.getKey().toString('base64'), { mode: 0o600 });
    const files: PayloadFile[] = [
      { name: 'shop.sqlite', path: snapshot, size: fs.statSync(snapshot).size },
      { name: 'secret.key', path: keyFile, size: fs.statSync(keyFile).size },
    ];
    const partial = `${prep.file}.partial`;
    fs.rmSync(partial, { force: true });
    try {
      await writeBackupFile(
        partial,
        {
          format: 1,
          shopId: prep.shop.id,
          shopCode: prep.shop.code,
          shopName: prep.shop.name,
          schemaVersion,
          appVersion: APP_VERSION,
          createdAt: started.toISOString(),
          payloadBytes: payloadLength(files),
          counts,
        },
        files,
        prep.key,
      );
      await readBackupFile(partial, prep.key);
      fs.renameSync(partial, prep.file);
    } catch (e) {
      fs.rmSync(partial, { force: true });
      if (e instanceof AppError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC') throw new AppError('RULE', { key: 'backup.error.diskFull', params: { dir: prep.cfg.dir! } });
      throw new AppError('RULE', { key: 'backup.error.write', params: { dir: prep.cfg.dir!, reason: e instanceof Error ? e.message.slice(0, 200) : String(e) } });
    }
    const size = fs.statSync(prep.file).size;
    const finished = services.clock.now().toISOString();
    await exclusive(services, () =>
      write(
        services.sqlite,
        qb.updateTable('backups').set({ result: 'ok', finished_at: finished, size, duration_ms: Math.round(performance.now() - t0), counts_json: JSON.stringify(counts) }).where('id', '=', id),
      ),
    );
    await rotate(services, prep.tz);
    services.emit({ name: 'backup.done', payload: { ok: true } });
    return (await exclusive(services, () => listBackups(services.sqlite, 500).find((b) => b.id === id)))!;
  } catch (e) {
    const err = e instanceof AppError ? { key: e.key, params: e.params } : { key: 'backup.error.write', params: { dir: prep.cfg.dir ?? '', reason: e instanceof Error ? e.message.slice(0, 200) : String(e) } };
    await exclusive(services, () =>
      write(
        services.sqlite,
        qb.updateTable('backups').set({ result: 'failed', finished_at: services.clock.now().toISOString(), duration_ms: Math.round(performance.now() - t0), error_json: JSON.stringify(err) }).where('id', '=', id),
      ),
    ).catch(() => undefined);
    services.emit({ name: 'backup.done', payload: { ok: false } });
    throw e instanceof AppError ? e : new AppError('RULE', { key: err.key, params: err.params });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Deletes the backups the rotation rule does not keep (only files this shop wrote and recorded). */
async function rotate(services: BackendServices, tz: string): Promise<void> {
  const ok = await exclusive(services, () => rows(services.sqlite, qb.selectFrom('backups').select(['id', 'started_at', 'file']).where('result', '=', 'ok')));
  const keep = backupsToKeep(
    ok.map((b) => ({ id: b.id, at: b.started_at, date: localDate(b.started_at, tz) })),
    DEFAULT_ROTATION,
  );
  for (const b of ok) {
    if (keep.has(b.id)) continue;
    if (b.file) fs.rmSync(b.file, { force: true });
    await exclusive(services, () => write(services.sqlite, qb.updateTable('backups').set({ result: 'rotated' }).where('id', '=', b.id)));
  }
}
