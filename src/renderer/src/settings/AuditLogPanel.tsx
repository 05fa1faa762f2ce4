import { Button, Group, Table, Text } from '@mantine/core';
import { auditActionName, auditDetailsText } from '../../../shared/audit/format';
import { useCallPages } from '../data/calls';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';

const PAGE = 50;

/** Newest sensitive actions first; "older" pages back by id. Managers only (core enforces). */
export function AuditLogPanel() {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  // Pages back by the id of the oldest entry shown; a short page is the last.
  const pages = useCallPages('audit.list', { limit: PAGE }, { cursorField: 'before', next: (page) => (page.length === PAGE ? (page[page.length - 1]?.id ?? null) : null) });
  const entries = pages.data?.pages.flat() ?? [];
  const loaded = pages.isSuccess;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">
          {t('ui.audit.intro')}
        </Text>
        <Button variant="default" size="xs" onClick={() => void pages.refetch()}>
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
      {pages.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => void pages.fetchNextPage()}>
            {t('ui.audit.older')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
