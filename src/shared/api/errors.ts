import { z } from 'zod';
import type { Locale, Params } from '../i18n/types';
import { t } from '../i18n/translate';

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED_OUT',
  'BAD_CREDENTIALS',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'UNKNOWN_PROCEDURE',
  'SCHEMA_TOO_NEW',
  'RULE',
  /** The shop database is damaged: the host shows the restore path (Settings → Backups, or the CLI). */
  'DB_CORRUPT',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** What crosses any transport: never a stack trace. */
export const wireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type WireError = z.infer<typeof wireErrorSchema>;

/**
 * A typed failure. `key` is an i18n key (default `errors.<code>`), so the message is
 * translated at the boundary in the caller's language, not where the error is thrown.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: Params;
  readonly details: Record<string, unknown>;
  readonly fields: { path: string; key: string; params?: Params }[];

  constructor(
    code: ErrorCode,
    opts: {
      key?: string;
      params?: Params;
      details?: Record<string, unknown>;
      fields?: { path: string; key: string; params?: Params }[];
    } = {},
  ) {
    super(opts.key ?? `errors.${code}`);
    this.name = 'AppError';
    this.code = code;
    this.key = opts.key ?? `errors.${code}`;
    this.params = opts.params ?? {};
    this.details = opts.details ?? {};
    this.fields = opts.fields ?? [];
  }

  toWire(locale: Locale): WireError {
    const details: Record<string, unknown> = { ...this.details };
    if (this.fields.length > 0) {
      details.fields = this.fields.map((f) => ({ path: f.path, message: t(locale, f.key, f.params) }));
    }
    return { code: this.code, message: t(locale, this.key, this.params), details };
  }
}

/** Field-level validation failure helper for rules that zod cannot express. */
export function fieldError(path: string, key: string, params?: Params): AppError {
  return new AppError('VALIDATION', { fields: [{ path, key, params }] });
}

export { RemoteError } from './remote-error';
