import { Text } from '@mantine/core';
import { api } from '../api/client';
import { useCall } from '../data/calls';
import { KeyValueTable } from '../components/KeyValueTable';
import { useT } from '../i18n/I18nProvider';

interface Info {
  version: string;
  schemaVersion: number;
  host: { listening: string | null; lanAddresses: string[] };
}

/** What support asks first: program and database versions, and how this window talks to the backend. */
export function AboutPanel() {
  const t = useT();
  const info = useCall('system.info', {}).data as Info | undefined;
  if (!info) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  const rows: [string, string][] = [
    [t('ui.about.version'), info.version],
    [t('ui.about.schemaVersion'), String(info.schemaVersion)],
    [t('ui.about.transport'), t(`ui.about.transport.${api.transport}`)],
    [t('ui.about.listening'), info.host.listening ?? t('ui.about.notListening')],
  ];
  return <KeyValueTable rows={rows} testId="about-table" maw={560} />;
}
