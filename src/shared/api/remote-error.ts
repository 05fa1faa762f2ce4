import type { ErrorCode, FieldIssue, WireError } from './errors';

/**
 * The error a client sees after a transport; carries the wire shape. Kept apart from the
 * zod schemas so the renderer bundle does not pull zod in just to catch an error.
 */
export class RemoteError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = 'RemoteError';
    this.code = wire.code;
    this.details = wire.details;
  }
  get fields(): FieldIssue[] {
    const f = this.details.fields;
    return Array.isArray(f) ? (f as FieldIssue[]) : [];
  }
}
