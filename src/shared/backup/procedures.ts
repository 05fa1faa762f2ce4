import { z } from 'zod';
import { procedure } from '../api/contract';
import { MANAGERS } from '../api/roles';
import { backupConfigureSchema, backupRecordSchema, backupRestoreSchema, backupStatusSchema } from './schemas';

/**
 * backup.run and backup.restore write, but are not one transaction: a backup streams for
 * seconds and a restore replaces the database. They are declared `query` so the backend does
 * not wrap them in a transaction; each records its own steps (and its audit row) itself.
 */
export const backupProcedures = {
  'backup.status': procedure({
    summary: 'Backup settings, the recent backups (time, size, result) and the alert the dashboard shows (failed or missing backup).',
    input: z.object({}).strict(),
    output: backupStatusSchema,
    access: MANAGERS,
    kind: 'query',
  }),
  'backup.configure': procedure({
    summary:
      'Sets the backup folder and schedule (daily, after the daily close). The first time it creates the backup key and answers it as recoveryKey: shown once, to be written down or printed. Audited.',
    input: backupConfigureSchema,
    output: z.object({ status: backupStatusSchema, recoveryKey: z.string().nullable() }),
    access: MANAGERS,
    kind: 'mutation',
  }),
  'backup.run': procedure({
    summary: 'Takes a backup now (online: the counter keeps working), verifies it and rotates older ones. Audited.',
    input: z.object({}).strict(),
    output: backupRecordSchema,
    access: MANAGERS,
    kind: 'query',
  }),
  'backup.restore': procedure({
    summary:
      'Restores the shop from a backup file: refused for another shop or a newer schema; the current database is kept aside; the app goes on on the restored data and head office is told on the next sync. Audited.',
    input: backupRestoreSchema,
    output: z.object({ restoredFrom: z.string(), keptAside: z.string(), createdAt: z.string(), schemaVersion: z.number().int() }),
    access: MANAGERS,
    kind: 'query',
  }),
};
