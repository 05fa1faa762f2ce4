import type Database from 'better-sqlite3';
import type { BackendServices } from '../api/context';
import type { Locale } from '../../shared/i18n/types';
import { t } from '../../shared/i18n/translate';
import type { BackupStatus } from '../../shared/backup/schemas';
import { localDate } from '../../shared/time/local-date';
import { checkOffThread } from '../db/check-off-thread';
import { exclusive, listBackups, markInterrupted, readConfig, runBackup } from './run';
import { qb, write } from '../db/query';
import { integrityCheck } from '../db/catalog';
import { shopTimeZone } from '../shop/settings';

/** A good backup older than this is "missing" on the dashboard (a day, and some slack for the schedule). */
export const MISSING_AFTER_MS = 26 * 3600_000;


/** Settings, history and the dashboard's alert, in the caller's language. */
export function backupStatus(sqlite: Database.Database, now: Date, locale: Locale): BackupStatus {
  const cfg = readConfig(sqlite);
  const backups = listBackups(sqlite, 30);
  const last = backups.find((b) => b.result !== 'running') ?? null;
  const lastOk = listBackups(sqlite, 500).find((b) => b.result === 'ok') ?? null;
  let alert: BackupStatus['alert'] = 'none';
  let alertMessage = '';
  if (!cfg.dir) {
    alert = 'not_configured';
    alertMessage = t(locale, 'backup.alert.not_configured');
  } else if (last?.result === 'failed') {
    alert = 'failed';
    alertMessage = t(locale, 'backup.alert.failed', { reason: last.error ? t(locale, last.error.key, last.error.params) : '' });
  } else if (!lastOk || now.getTime() - Date.parse(lastOk.startedAt) > MISSING_AFTER_MS) {
    alert = 'missing';
    alertMessage = lastOk ? t(locale, 'backup.alert.missing', { at: lastOk.startedAt }) : t(locale, 'backup.alert.never');
  }
  return { dir: cfg.dir, daily: cfg.daily === 1, afterClose: cfg.after_close === 1, keyCreatedAt: cfg.key_created_at, lastOk, last, alert, alertMessage, backups };
}

/**
 * Scheduled backups: daily (the first check of a shop day without a scheduled or manual backup
 * takes one) and after the daily close (the close's event marks one due; the next check takes
 * it, after the close's transaction has committed). A weekly full integrity check of the live
 * database rides along (the quick check runs at every open). Tests drive `tick()` themselves.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private afterCloseDue = false;
  private stopped = false;
  private ticking: Promise<void> | null = null;

  constructor(private readonly services: BackendServices) {}

  start(everyMs = 60_000): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  onEvent(name: string): void {
    if (name === 'dailyClose.closed') this.afterCloseDue = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
  }

  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= this.check().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async check(): Promise<void> {
    const now = this.services.clock.now();
    const due = await exclusive(this.services, () => {
      const cfg = readConfig(this.services.sqlite);
      const tz = shopTimeZone(this.services.sqlite);
      if (!cfg.dir || !tz) return null;
      if (this.afterCloseDue && cfg.after_close === 1) return 'after_close' as const;
      if (cfg.daily !== 1) return null;
      const today = localDate(now, tz);
      const done = listBackups(this.services.sqlite, 20).some((b) => (b.result === 'ok' || b.result === 'rotated') && localDate(b.startedAt, tz) === today);
      // one failed attempt an hour at most: a missing USB stick is not retried every minute
      const recentFail = listBackups(this.services.sqlite, 1).some((b) => b.result === 'failed' && now.getTime() - Date.parse(b.startedAt) < 3600_000);
      return done || recentFail ? null : ('scheduled' as const);
    });
    if (!due) return;
    if (due === 'after_close') this.afterCloseDue = false;
    try {
      await runBackup(this.services, { trigger: due });
    } catch {
      /* recorded in the backups table: the dashboard shows it */
    }
    await this.weeklyFullCheck(now);
  }

  /**
   * The weekly full integrity check reads every page and index, minutes on a large shop: it runs
   * on its own read-only connection on a worker thread, so the counter keeps working meanwhile.
   */
  private async weeklyFullCheck(now: Date): Promise<void> {
    const { sqlite } = this.services;
    const cfg = readConfig(sqlite);
    if (cfg.last_full_check_at && now.getTime() - Date.parse(cfg.last_full_check_at) < 7 * 86_400_000) return;
    const finding = sqlite.memory
      ? integrityCheck(sqlite)
      : await checkOffThread(sqlite.name, 'integrity_check', this.services.nativeBinding).result;
    if (finding === 'error: cancelled' || !sqlite.open) return;
    write(sqlite, qb.updateTable('backup_config').set({ last_full_check_at: now.toISOString() }).where('id', '=', 1));
    if (finding !== 'ok') {
      this.services.health = { state: 'damaged', finding };
      this.services.emit({ name: 'db.integrity', payload: { ok: false, reason: finding.slice(0, 200) } });
    }
  }
}

const schedulers = new WeakMap<Database.Database, BackupScheduler>();

/** Creates the backend's backup scheduler (openBackend calls this). */
export function attachBackups(services: BackendServices, opts: { autoStart?: boolean } = {}): BackupScheduler {
  const s = new BackupScheduler(services);
  schedulers.set(services.sqlite, s);
  try {
    markInterrupted(services.sqlite, services.clock.now().toISOString());
  } catch {
    /* a database without the backups table yet cannot have interrupted backups */
  }
  if (opts.autoStart !== false) s.start();
  return s;
}

export function backupSchedulerOf(services: BackendServices): BackupScheduler | undefined {
  return schedulers.get(services.sqlite);
}
