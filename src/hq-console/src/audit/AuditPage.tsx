import { Alert, Code, Loader, Stack, Table, Title } from '@mantine/core';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';

/** The last 200 entries of head office's audit log, newest first. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const log = useConsole('audit.list', { limit: 200 });
  if (log.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (log.isError) return <Alert color="red">{log.error.message}</Alert>;
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.audit')}</Title>
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.hq.audit.at')}</Table.Th>
            <Table.Th>{t('ui.hq.audit.actor')}</Table.Th>
            <Table.Th>{t('ui.hq.audit.action')}</Table.Th>
            <Table.Th>{t('ui.hq.audit.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatInstant(e.at, locale)}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>{t(`ui.hq.audit.do.${e.action}`)}</Table.Td>
              <Table.Td>
                <Code>{e.target ?? '–'}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
