import { notifications } from '@mantine/notifications';
import { RemoteError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/i18n/types';
import type { TFunction } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';

/** Field path → translated message, for showing server validation at the fields. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof RemoteError) for (const f of err.fields) out[f.path] ??= f.message;
  return out;
}

/**
 * What to tell a person about a failed call. The server already translated the message;
 * a lockout is re-worded here so its time shows in local time instead of raw ISO.
 */
export function errorMessage(err: unknown, t: TFunction, locale: Locale): string {
  if (err instanceof RemoteError) {
    const until = err.details.until;
    if (err.code === 'LOCKED_OUT' && typeof until === 'string') return t('ui.error.lockedUntil', { time: formatInstant(until, locale) });
    return err.message;
  }
  // fetch/IPC failures have no translated message: the shop host is down or unreachable.
  return t('ui.error.network');
}

export function showErrorToast(err: unknown, t: TFunction, locale: Locale): void {
  notifications.show({ color: 'red', title: t('ui.error.title'), message: errorMessage(err, t, locale), autoClose: 6000 });
}

export function showSuccessToast(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
