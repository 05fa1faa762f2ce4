import fs from 'node:fs';
import path from 'node:path';
import type { backupProcedures } from '../../shared/backup/procedures';
import { AppError } from '../../shared/api/errors';
import type { Handlers } from '../api/context';
import { syncEngineOf } from '../sync/engine';
import { formatRecoveryKey } from './recovery-key';
import { restoreInPlace } from './restore';
import { ensureKey, exclusive, runBackup } from './run';
import { backupStatus } from './schedule';
import { qb, write } from '../db/query';

type P = typeof backupProcedures;

export const backupHandlers: Handlers<P> = {
  async 'backup.status'(_input, ctx) {
    return exclusive(ctx, () => backupStatus(ctx.sqlite, ctx.clock.now(), ctx.locale));
  },

  async 'backup.configure'(input, ctx) {
    const dir = path.resolve(input.dir);
    const inside = ctx.dataDir && (dir === ctx.dataDir || dir.startsWith(ctx.dataDir + path.sep));
    if (!path.isAbsolute(input.dir) || inside) throw new AppError('VALIDATION', { fields: [{ path: 'dir', key: 'backup.error.folderInvalid' }] });
    if (!fs.existsSync(dir)) throw new AppError('VALIDATION', { fields: [{ path: 'dir', key: 'backup.error.folderMissing', params: { dir } }] });
    const { key, created } = ensureKey(ctx, ctx.nowIso());
    write(ctx.sqlite, qb.updateTable('backup_config').set({ dir, daily: input.daily ? 1 : 0, after_close: input.afterClose ? 1 : 0, updated_at: ctx.nowIso() }).where('id', '=', 1));
    await ctx.audit('backup.configure', 'backup', null, { dir, daily: input.daily, afterClose: input.afterClose, keyCreated: created });
    return { status: backupStatus(ctx.sqlite, ctx.clock.now(), ctx.locale), recoveryKey: created ? formatRecoveryKey(key) : null };
  },

  async 'backup.run'(_input, ctx) {
    const me = ctx.me();
    const rec = await runBackup(ctx, { trigger: 'manual', userId: me.userId });
    await ctx.audit('backup.run', 'backup', rec.id, { file: rec.file, sizeBytes: rec.sizeBytes });
    return rec;
  },

  async 'backup.restore'(input, ctx) {
    const me = ctx.me();
    const res = await restoreInPlace(ctx, input);
    await ctx.audit('backup.restore', 'backup', null, { file: res.restoredFrom, keptAside: res.keptAside, backupCreatedAt: res.createdAt, by: me.userId });
    // Head office hears of it now: the push answer moves this shop above what head office holds.
    void syncEngineOf(ctx).runNow();
    return res;
  },
};
