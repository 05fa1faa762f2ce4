import { AppError } from '../../shared/api/errors';
import { MANAGERS, type Role } from '../../shared/api/roles';
import type { ManagerApproval } from '../../shared/bench/schemas';
import type { Ctx } from '../api/context';
import type { AuditAction } from '../../shared/audit/actions';
import { prepared, statement } from '../db/statements';
import { verifySecret, DUMMY_HASH } from './passwords';
import { afterFailure, isLocked } from './lockout';

export const isManager = (role: Role | undefined) => !!role && MANAGERS.includes(role);

/**
 * A manager vouching at someone else's screen: the caller is a manager already, or names a
 * manager whose PIN checks out (server-side; failures count towards that manager's lockout).
 * Returns the approving manager's id; audits the approval. Call before writing anything: a
 * wrong PIN commits only the failure count.
 */
export async function requireManager(ctx: Ctx, approval: ManagerApproval | undefined, action: AuditAction, details: Record<string, unknown>): Promise<string> {
  const me = ctx.me();
  if (isManager(me.role)) {
    await ctx.audit(action, 'ticket', String(details.ticketId ?? ''), { ...details, approvedBy: me.userId, via: 'session' });
    return me.userId;
  }
  if (!approval) throw new AppError('FORBIDDEN', { key: 'bench.error.managerPinRequired', details: { needsManager: true } });
  const row = statement<{ id: string; role: Role; pin_hash: string | null; disabled: number; failed_attempts: number; locked_until: string | null }>(ctx.sqlite, `SELECT id, role, pin_hash, disabled, failed_attempts, locked_until FROM users WHERE username = ?`).get(approval.username);
  const now = ctx.clock.now();
  if (!row || row.disabled || !isManager(row.role)) {
    await verifySecret(approval.pin, DUMMY_HASH);
    throw new AppError('FORBIDDEN', { key: 'bench.error.notAManager', params: { username: approval.username }, details: { needsManager: true } });
  }
  if (isLocked(row.locked_until, now)) throw new AppError('LOCKED_OUT', { key: 'bench.error.managerLocked', params: { username: approval.username } });
  if (!row.pin_hash || !(await verifySecret(approval.pin, row.pin_hash))) {
    const next = afterFailure(row.failed_attempts, now);
    prepared(ctx.sqlite, `UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?`).run(next.failed_attempts, next.locked_until, row.id);
    await ctx.audit('bench.managerPinFailed', 'user', row.id, { action, ...details });
    ctx.failAfterCommit(new AppError('BAD_CREDENTIALS', { key: 'errors.BAD_PIN', details: { needsManager: true } }));
  }
  prepared(ctx.sqlite, `UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?`).run(row.id);
  await ctx.audit(action, 'ticket', String(details.ticketId ?? ''), { ...details, approvedBy: row.id, via: 'pin', caller: me.userId });
  return row.id;
}
