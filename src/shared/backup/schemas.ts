import { z } from 'zod';

export const backupTriggerSchema = z.enum(['scheduled', 'after_close', 'manual']);
export type BackupTrigger = z.infer<typeof backupTriggerSchema>;

export const backupRecordSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  trigger: backupTriggerSchema,
  file: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** ok; failed (error says why); rotated (an older copy the rotation deleted); running. */
  result: z.enum(['running', 'ok', 'failed', 'rotated']),
  /** An i18n key and its params (translated by the caller). */
  error: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  tables: z.number().int().nullable(),
});
export type BackupRecord = z.infer<typeof backupRecordSchema>;

export const backupStatusSchema = z.object({
  dir: z.string().nullable(),
  daily: z.boolean(),
  afterClose: z.boolean(),
  keyCreatedAt: z.string().nullable(),
  lastOk: backupRecordSchema.nullable(),
  last: backupRecordSchema.nullable(),
  /**
   * What the manager must see on the dashboard: none (all well), not_configured (no folder),
   * failed (the last attempt failed), missing (no good backup in the last 26 hours).
   */
  alert: z.enum(['none', 'not_configured', 'failed', 'missing']),
  /** The alert in words, in the caller's language (empty when none). */
  alertMessage: z.string(),
  backups: z.array(backupRecordSchema),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupConfigureSchema = z
  .object({
    /** An absolute folder path (a second disk, a USB stick, a mounted NAS share). */
    dir: z.string().trim().min(1).max(500),
    daily: z.boolean().default(true),
    afterClose: z.boolean().default(true),
  })
  .strict();

export const backupRestoreSchema = z
  .object({
    /** The backup file to restore (absolute path). */
    file: z.string().trim().min(1).max(1000),
    /** Needed when the backup was made with another key than this shop's (a new PC). */
    recoveryKey: z.string().trim().max(100).optional(),
  })
  .strict();
