import { Stack, Title } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { DocumentSettings } from './DocumentSettings';
import { PrintQueue } from './PrintQueue';

/** Settings → Printing: how each document prints, and the queue with its failures. */
export function PrintingPanel() {
  const t = useT();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={4}>{t('ui.printing.settings.title')}</Title>
        <DocumentSettings />
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('ui.printing.queue.title')}</Title>
        <PrintQueue />
      </Stack>
    </Stack>
  );
}
