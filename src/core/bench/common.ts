import { AppError } from '../../shared/api/errors';
import type { Role } from '../../shared/api/roles';
import type { BenchSettings, ManagerApproval } from '../../shared/bench/schemas';
import type { TicketStatus } from '../../shared/tickets/statuses';
import type { Ctx } from '../api/context';
import { verifySecret, DUMMY_HASH } from '../auth/passwords';
import { afterFailure, isLocked } from '../auth/lockout';
import { prepared } from '../intake/statements';
import { parseSettings } from '../shop/settings';
import { shopClock } from '../intake/shop';

export const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];
export const isManager = (role: Role | undefined) => !!role && MANAGER_ROLES.includes(role);

export interface TicketBasics {
  id: string;
  number: string;
  status: TicketStatus;
  status_at: string;
  technician_id: string | null;
  device_id: string;
  customer_id: string;
  category: string;
  received_at: string;
  promised_date: string;
  warranty_claimed: number;
  passcode_state: string;
}

/** A ticket named by id or printed number; NOT_FOUND otherwise. */
export function ticketBasics(ctx: Pick<Ctx, 'sqlite'>, ref: string): TicketBasics {
  const row = prepared(
    ctx.sqlite,
    `SELECT t.id, t.number, t.status, t.status_at, t.technician_id, t.device_id, t.customer_id, d.category, t.received_at, t.promised_date,
            t.warranty_claimed, t.passcode_state
     FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ? OR t.number = ? LIMIT 1`,
  ).get(ref, ref) as TicketBasics | undefined;
  if (!row) throw new AppError('NOT_FOUND', { key: 'bench.error.unknownTicket', params: { ref }, details: { entity: 'ticket', id: ref } });
  return row;
}

export function requireStatus(t: TicketBasics, allowed: readonly TicketStatus[], key = 'bench.error.wrongStatus'): void {
  if (!allowed.includes(t.status)) throw new AppError('RULE', { key, params: { number: t.number, status: t.status } , details: { status: t.status, allowed } });
}

/** The bench row of a ticket, created on first use. */
export function ensureBenchRow(ctx: Pick<Ctx, 'sqlite' | 'nowIso'>, ticketId: string): void {
  prepared(ctx.sqlite, `INSERT INTO bench_tickets (ticket_id, updated_at) VALUES (?, ?) ON CONFLICT(ticket_id) DO NOTHING`).run(ticketId, ctx.nowIso());
}

export function updateBenchRow(ctx: Pick<Ctx, 'sqlite' | 'nowIso'>, ticketId: string, set: Partial<{ priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number }>): void {
  ensureBenchRow(ctx, ticketId);
  const keys = Object.keys(set) as (keyof typeof set)[];
  if (keys.length === 0) return;
  ctx.sqlite
    .prepare(`UPDATE bench_tickets SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @now WHERE ticket_id = @id`)
    .run({ ...set, now: ctx.nowIso(), id: ticketId });
}

export function benchRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): { priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number } {
  return (
    (prepared(ctx.sqlite, `SELECT priority, outcome, parts_expected, performance_fault FROM bench_tickets WHERE ticket_id = ?`).get(ticketId) as
      | { priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number }
      | undefined) ?? { priority: 0, outcome: null, parts_expected: null, performance_fault: 0 }
  );
}

export function shopSettings(ctx: Pick<Ctx, 'sqlite'>) {
  const row = prepared(ctx.sqlite, `SELECT settings_json FROM shop LIMIT 1`).get() as { settings_json: string } | undefined;
  if (!row) throw new AppError('SETUP_REQUIRED');
  return parseSettings(row.settings_json);
}

export function benchSettings(ctx: Pick<Ctx, 'sqlite'>): BenchSettings {
  return shopSettings(ctx).bench;
}

export function today(ctx: Pick<Ctx, 'sqlite' | 'clock'>): string {
  return shopClock(ctx.sqlite, ctx.clock.now()).today;
}

export function userName(ctx: Pick<Ctx, 'sqlite'>, id: string | null): string | null {
  if (!id) return null;
  return (prepared(ctx.sqlite, `SELECT display_name FROM users WHERE id = ?`).get(id) as { display_name: string } | undefined)?.display_name ?? null;
}

/**
 * A manager vouching at someone else's screen: the caller is a manager already, or names a
 * manager whose PIN checks out (server-side; failures count towards that manager's lockout).
 * Returns the approving manager's id; audits the approval. Call before writing anything: a
 * wrong PIN commits only the failure count.
 */
export async function requireManager(ctx: Ctx, approval: ManagerApproval | undefined, action: string, details: Record<string, unknown>): Promise<string> {
  const me = ctx.me();
  if (isManager(me.role)) {
    await ctx.audit(`${action}`, 'ticket', String(details.ticketId ?? ''), { ...details, approvedBy: me.userId, via: 'session' });
    return me.userId;
  }
  if (!approval) throw new AppError('FORBIDDEN', { key: 'bench.error.managerPinRequired', details: { needsManager: true } });
  const row = prepared(ctx.sqlite, `SELECT id, role, pin_hash, disabled, failed_attempts, locked_until FROM users WHERE username = ?`).get(approval.username) as
    | { id: string; role: Role; pin_hash: string | null; disabled: number; failed_attempts: number; locked_until: string | null }
    | undefined;
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
