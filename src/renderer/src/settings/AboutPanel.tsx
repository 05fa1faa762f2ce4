import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { api } from '../api/client';
import { KeyValueTable } from '../components/KeyValueTable';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

interface Info {
  version: string;
  schemaVersion: number;
  host: { listening: string | null; lanAddresses: string[] };
}

/** What support asks first: program and database versions, and how this window talks to the backend. */
export function AboutPanel() {
  const t = useT();
  const { toast } = useErrorToast();
  const [info, setInfo] = useState<Info | null>(null);
  useEffect(() => {
    api.call('system.info', {}).then(setInfo, toast);
  }, [toast]);
  if (!info) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  const rows: [string, string][] = [
    [t('ui.about.version'), info.version],
    [t('ui.about.schemaVersion'), String(info.schemaVersion)],
    [t('ui.about.transport'), t(`ui.about.transport.${api.transport}`)],
    [t('ui.about.listening'), info.host.listening ?? t('ui.about.notListening')],
  ];
  return <KeyValueTable rows={rows} testId="about-table" maw={560} />;
}
