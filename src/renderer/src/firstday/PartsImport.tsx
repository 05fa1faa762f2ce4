import { Alert } from '@mantine/core';
import { useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { ImportTab } from '../stock/ImportTab';

/** The catalog from a filled template, or, for a shop enrolled with head office, the word that head office sends it. */
export function PartsImport() {
  const t = useT();
  const { shop } = useSession();
  if (shop?.settings.enrolled) return <Alert color="blue" data-testid="parts-from-hq">{t('ui.firstday.parts.enrolled')}</Alert>;
  return <ImportTab />;
}
