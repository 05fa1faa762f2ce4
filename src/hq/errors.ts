import type { z } from 'zod';
import type { SyncErrorCode } from '../shared/sync/protocol';
import type { ConsoleErrorCode } from '../shared/hq-console/contract';

/** A typed head-office refusal: `{ error: { code, message, details } }` with an HTTP status. */
export class HqError extends Error {
  constructor(
    readonly code: SyncErrorCode | ConsoleErrorCode,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  body() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function malformed(error: z.ZodError, prefix = ''): HqError {
  const issue = error.issues[0];
  const where = [prefix, ...(issue?.path.map(String) ?? [])].filter(Boolean).join('.') || '(body)';
  return new HqError('MALFORMED', 400, `malformed: ${where}: ${issue?.message ?? ''}`, { reason: `${where}: ${issue?.message ?? ''}`.slice(0, 200) });
}

/** A pushed row whose id another shop already holds (tables whose ids no two shops share). */
export function foreignRow(r: { t: string; id: string }): HqError {
  return new HqError('FOREIGN_ROW', 409, `${r.t}/${r.id} belongs to another shop`, { table: r.t, id: r.id.slice(0, 60) });
}
