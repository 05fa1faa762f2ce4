import { AppError } from '../../shared/api/errors';
import type { Params } from '../../shared/i18n/types';

/** A failure worth showing: an i18n key and its params (translated when the status is read). */
export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    readonly key: string,
    readonly params: Params = {},
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
  }
  toAppError(): AppError {
    return new AppError('RULE', { key: this.key, params: this.params, details: { sync: this.code } });
  }
}

/** The last failure as sync_state keeps it (last_error_json). */
export interface StoredError {
  code: string;
  key: string;
  params: Params;
  at: string;
}

/** Head office's error details as i18n params: its strings and numbers. */
export function stringParams(details: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}
