import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../shared/audit/schemas';
import { auditActionName, auditDetailsText } from '../../../shared/audit/format';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';

const PAGE = 50;

/** Newest sensitive actions first; "older" pages back by id. Managers only (core enforces). */
export function AuditLogPanel() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop } = useSession();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(
    async (before?: string) => {
      try {
        const page = await api.call('audit.list', { limit: PAGE, ...(before ? { before } : {}) });
        setEntries((prev) => (before ? [...prev, ...page] : page));
        setMore(page.length === PAGE);
        setLoaded(true);
      } catch (err) {
        toast(err);
      }
    },
    [toast],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">
          {t('ui.audit.intro')}
        </Text>
        <Button variant="default" size="xs" onClick={() => void load()}>
          {t('ui.common.refresh')}
        </Button>
      </Group>
      <Table striped withTableBorder data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.audit.at')}</Table.Th>
            <Table.Th>{t('ui.audit.user')}</Table.Th>
            <Table.Th>{t('ui.audit.action')}</Table.Th>
            <Table.Th>{t('ui.audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at, locale, shop?.settings.timeZone)}</Table.Td>
              <Table.Td>{e.username ?? '—'}</Table.Td>
              <Table.Td>{auditActionName(e.action, locale)}</Table.Td>
              <Table.Td>
                <Text size="sm">{auditDetailsText(e.action, e.details, locale)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {loaded && entries.length === 0 ? <Text c="dimmed">{t('ui.audit.empty')}</Text> : null}
      {more ? (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => void load(entries[entries.length - 1]?.id)}>
            {t('ui.audit.older')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
