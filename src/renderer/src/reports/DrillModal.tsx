import { Alert, Button, Loader, Modal, Stack, Table } from '@mantine/core';
import type { InputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { useCallPages } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useOpen } from '../nav/useNav';

export type DrillInput = Omit<InputOf<Procedures['reports.tickets']>, 'offset' | 'limit'>;
export interface DrillAsk {
  input: DrillInput;
  label: string;
}

const PAGE = 50;

/** The tickets behind one figure of the report, 50 at a time; a row opens its ticket. */
export function DrillModal({ ask, onClose }: { ask: DrillAsk | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const open = useOpen();
  const pages = useCallPages(
    'reports.tickets',
    { ...(ask?.input ?? { from: '', to: '', figure: 'received' }), limit: PAGE },
    { enabled: ask !== null, cursorField: 'offset', next: (page, all) => (all.length * PAGE < page.total ? all.length * PAGE : null) },
  );
  const loaded = ask && pages.data && !pages.isPlaceholderData ? pages.data.pages : null;
  const rows = loaded?.flatMap((p) => p.rows) ?? [];
  const total = loaded?.[0]?.total ?? 0;
  return (
    <Modal opened={!!ask} onClose={onClose} size="xl" title={loaded ? t('ui.reports.drillTitle', { figure: ask!.label, count: total }) : ask?.label}>
      {loaded ? (
        <Stack data-testid="drill">
          {rows.length === 0 ? <Alert>{t('ui.reports.c.empty')}</Alert> : null}
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.reports.col.number')}</Table.Th>
                <Table.Th>{t('ui.reports.col.status')}</Table.Th>
                <Table.Th>{t('ui.reports.col.received')}</Table.Th>
                <Table.Th>{t('ui.reports.col.device')}</Table.Th>
                <Table.Th>{t('ui.reports.col.customer')}</Table.Th>
                <Table.Th>{t('reports.fig.technician')}</Table.Th>
                <Table.Th>{t('ui.reports.col.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => open.ticket(r.id)} data-testid="drill-row">
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{t(`tickets.status.${r.status}`)}</Table.Td>
                  <Table.Td>{formatInstant(r.receivedAt, locale)}</Table.Td>
                  <Table.Td>
                    {r.brand} {r.model}
                  </Table.Td>
                  <Table.Td>{r.customer}</Table.Td>
                  <Table.Td>{r.technician ?? '—'}</Table.Td>
                  <Table.Td>{r.hours ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages.hasNextPage ? (
            <Button variant="subtle" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              {t('ui.reports.more')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Loader />
      )}
    </Modal>
  );
}
