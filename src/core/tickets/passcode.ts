import { AppError } from '../../shared/api/errors';
import type { PasscodeInput } from '../../shared/tickets/schemas';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import { decryptSecret, encryptSecret } from '../secrets/cipher';
import { appendEvent } from './events';

/** The columns a passcode input becomes: only a ciphertext ever reaches the database. */
export function passcodeColumns(ctx: Pick<Ctx, 'keys'>, ticketId: string, p: PasscodeInput) {
  if (p === 'declined' || p === 'none') return { state: p, kind: null, cipher: null };
  return { state: 'given' as const, kind: p.kind, cipher: encryptSecret(ctx.keys, p.value, ticketId) };
}

interface PasscodeRow {
  passcode_state: string;
  passcode_kind: string | null;
  passcode_cipher: Buffer | null;
  technician_id: string | null;
}

function passcodeRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): PasscodeRow {
  const row = statement<PasscodeRow>(ctx.sqlite, `SELECT passcode_state, passcode_kind, passcode_cipher, technician_id FROM tickets WHERE id = ?`).get(ticketId);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'ticket', id: ticketId } });
  return row;
}

/**
 * Shows the passcode to the ticket's assigned technician or a manager/admin, and records
 * who saw it in the audit log (in the same transaction: no reveal without its entry).
 */
export async function revealPasscode(ctx: Ctx, ticketId: string): Promise<{ kind: 'pin' | 'password' | 'pattern'; value: string }> {
  const me = ctx.me();
  const row = passcodeRow(ctx, ticketId);
  if (me.role === 'technician' && row.technician_id !== me.userId) {
    throw new AppError('FORBIDDEN', { key: 'tickets.error.passcodeNotAssigned', params: { role: me.role } });
  }
  if (row.passcode_state !== 'given' || !row.passcode_cipher) throw new AppError('NOT_FOUND', { key: 'tickets.error.noPasscode' });
  let value: string;
  try {
    value = decryptSecret(ctx.keys, row.passcode_cipher, ticketId);
  } catch {
    // Another key than the one it was saved with (a database copied without its key file).
    throw new AppError('RULE', { key: 'tickets.error.passcodeKey' });
  }
  await ctx.audit('tickets.revealPasscode', 'ticket', ticketId, { kind: row.passcode_kind });
  return { kind: row.passcode_kind as 'pin' | 'password' | 'pattern', value };
}

/**
 * Erases a ticket's passcode: the ciphertext is nulled and the erasure recorded as a ticket
 * event and in the audit log, in the caller's transaction. Synchronous, so the one transition
 * function can call it when a ticket ends without collection (cancelled, or ready with its
 * device returned unrepaired); returns false when there was nothing to erase (declined, none,
 * or already erased), so calling it twice is harmless.
 */
export function erasePasscodeNow(
  ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>,
  ticketId: string,
  reason: 'collected' | 'cancelled' | 'not_repaired' | 'manual' = 'manual',
): boolean {
  const row = passcodeRow(ctx, ticketId);
  if (row.passcode_state !== 'given') return false;
  const now = ctx.nowIso();
  prepared(ctx.sqlite, `UPDATE tickets SET passcode_cipher = NULL, passcode_state = 'erased', passcode_erased_at = ?, updated_at = ? WHERE id = ?`).run(
    now,
    now,
    ticketId,
  );
  appendEvent(ctx, { ticketId, kind: 'passcode_erased', data: { kind: row.passcode_kind, reason } });
  prepared(ctx.sqlite, `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, details_json) VALUES (?, ?, ?, 'tickets.erasePasscode', 'ticket', ?, ?)`).run(
    ctx.newId(),
    now,
    ctx.session?.userId ?? null,
    ticketId,
    JSON.stringify({ reason }),
  );
  return true;
}

/** Collection and the explicit procedure erase through here. */
export async function erasePasscode(ctx: Ctx, ticketId: string, reason: 'collected' | 'manual' = 'manual'): Promise<boolean> {
  return erasePasscodeNow(ctx, ticketId, reason);
}
