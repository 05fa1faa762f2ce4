import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { NetworkReportInput } from '../../../shared/hq-console/figures';
import type { DrillFigure } from '../../../shared/reports/schemas';
import { dimensionValueLabel } from '../../../shared/reports/table';
import { formatFen } from '../../../shared/money/format';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { downloadExport } from './exportFile';

export interface Drill {
  figure: DrillFigure;
  groupKey: string;
  label: string;
}

/** The tickets behind one count of the breakdown: shop, number, dates, status, amounts; the customer masked. */
export function DrillModal({ report, drill, onClose }: { report: NetworkReportInput; drill: Drill | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const res = useConsole('figures.tickets', { ...report, figure: drill?.figure ?? 'received', groupKey: drill?.groupKey, limit: 100 }, { enabled: !!drill });
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale) : '—');
  const file = (format: 'csv' | 'xlsx') => drill && void downloadExport({ format, report, drill: { figure: drill.figure, groupKey: drill.groupKey } }, locale);
  const head = ['ui.hq.figures.col.shop', 'ui.reports.col.number', 'ui.reports.col.status', 'ui.reports.col.received', 'ui.hq.figures.col.readyAt', 'ui.hq.figures.col.collectedAt', 'ui.reports.col.device', 'reports.dim.technician', 'ui.reports.col.customer', 'ui.hq.figures.col.quoted', 'ui.hq.figures.col.paid'];
  return (
    <Modal opened={!!drill} onClose={onClose} size="90%" title={drill ? `${drill.label} · ${t('ui.reports.drillTitle', { figure: t(`reports.fig.${drill.figure}`), count: res.data?.total ?? 0 })}` : ''}>
      <Stack>
        <Group>
          <Button variant="default" size="xs" onClick={() => file('csv')} data-testid="drill-csv">
            {t('ui.reports.exportCsv')}
          </Button>
          <Button variant="default" size="xs" onClick={() => file('xlsx')} data-testid="drill-xlsx">
            {t('ui.reports.exportXlsx')}
          </Button>
        </Group>
        {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
        {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
        {res.data && res.data.rows.length === 0 ? <Text>{t('ui.hq.figures.drillEmpty')}</Text> : null}
        {res.data && res.data.rows.length > 0 ? (
          <ScrollArea>
            <Table striped data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>
                  {head.map((h, i) => (
                    <Table.Th key={h} ta={i >= 9 ? 'right' : undefined}>
                      {t(h)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {res.data.rows.map((r) => (
                  <Table.Tr key={`${r.shopCode}/${r.ticketId}`} data-ticket={r.number}>
                    <Table.Td>{r.shopCode}</Table.Td>
                    <Table.Td>{r.number}</Table.Td>
                    <Table.Td>{t(`tickets.status.${r.status}`)}</Table.Td>
                    <Table.Td>{when(r.receivedAt)}</Table.Td>
                    <Table.Td>{when(r.firstReadyAt)}</Table.Td>
                    <Table.Td>{when(r.firstCollectedAt)}</Table.Td>
                    <Table.Td>{[dimensionValueLabel(locale, 'category', r.category), r.brand, r.model].filter(Boolean).join(' ')}</Table.Td>
                    <Table.Td>{r.technician ?? '—'}</Table.Td>
                    <Table.Td>{r.customer || '—'}</Table.Td>
                    <Table.Td ta="right">{r.quotedFen === null ? '—' : formatFen(r.quotedFen, locale)}</Table.Td>
                    <Table.Td ta="right">{formatFen(r.paidFen, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ) : null}
        {res.data && res.data.total > res.data.rows.length ? (
          <Text size="xs" c="dimmed">
            {t('ui.hq.figures.drillMore', { shown: res.data.rows.length, total: res.data.total })}
          </Text>
        ) : null}
      </Stack>
    </Modal>
  );
}
