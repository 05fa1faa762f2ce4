import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage, showErrorToast } from '../components/errors';

/** Error toast and message in the current language (server messages arrive translated already). */
export function useErrorToast() {
  const { t, locale } = useI18n();
  const toast = useCallback((err: unknown) => showErrorToast(err, t, locale), [t, locale]);
  const message = useCallback((err: unknown) => errorMessage(err, t, locale), [t, locale]);
  return { toast, message };
}
