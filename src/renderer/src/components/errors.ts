import { RemoteError } from '../../../shared/api/remote-error';
import type { Locale } from '../../../shared/i18n/types';
import type { TFunction } from '../i18n/I18nProvider';
import { showToast } from './toast';

/** Field path → translated message, for showing server validation at the fields. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof RemoteError) for (const f of err.fields) out[f.path] ??= f.message;
  return out;
}

/**
 * What to tell a person about a failed call. The server already translated the message
 * (a lockout's time included, in the shop's zone), so it is shown as it came.
 */
export function errorMessage(err: unknown, t: TFunction, _locale?: Locale): string {
  if (err instanceof RemoteError) return err.message;
  // fetch/IPC failures have no translated message: the shop host is down or unreachable.
  return t('ui.error.network');
}

export function showErrorToast(err: unknown, t: TFunction, locale: Locale): void {
  // A lost session is announced once by the app as it returns to sign-in; no second toast per failed call.
  if (err instanceof RemoteError && (err.code === 'UNAUTHENTICATED' || err.code === 'SESSION_EXPIRED')) return;
  showToast({ color: 'red', title: t('ui.error.title'), message: errorMessage(err, t, locale), autoClose: 6000 });
}

export function showSuccessToast(message: string): void {
  showToast({ color: 'teal', message, autoClose: 3000 });
}
