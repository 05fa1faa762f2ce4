import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import type { DashboardFigures } from '../../../shared/hq-console/figures';
import { pctText } from '../../../shared/reports/table';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';

/** Every shop's day and week at a glance, and the network's, as each shop's own dashboard counts them. */
export function DashboardView({ shop }: { shop: string | null }) {
  const { t, locale } = useI18n();
  const res = useConsole('figures.dashboard', shop ? { shop } : {}, { refetchInterval: 60_000 });
  if (res.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (res.isError) return <Alert color="red">{res.error.message}</Alert>;
  const d = res.data;
  const cells = (f: DashboardFigures) => (
    <>
      <Table.Td ta="right">{f.today.received}</Table.Td>
      <Table.Td ta="right">{`${f.week.received} / ${f.week.completed} / ${f.week.collected}`}</Table.Td>
      <Table.Td ta="right">{pctText(f.week.ftfRate)}</Table.Td>
      <Table.Td ta="right">{f.week.medianHours === null ? '—' : t('ui.hq.figures.hours', { n: f.week.medianHours })}</Table.Td>
      <Table.Td ta="right">{f.open}</Table.Td>
      <Table.Td ta="right">{f.overduePromises}</Table.Td>
    </>
  );
  return (
    <Stack>
      <Text size="sm">{t('ui.hq.figures.dashboardTitle', { today: d.today, from: d.weekFrom })}</Text>
      <Table striped data-testid="dashboard-table">
        <Table.Thead>
          <Table.Tr>
            {['shop', 'region', 'lastSync', 'today', 'week', 'ftf', 'median', 'open', 'overdue'].map((c, i) => (
              <Table.Th key={c} ta={i > 2 ? 'right' : undefined}>
                {t(`ui.hq.figures.col.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.shops.map((s) => (
            <Table.Tr key={s.shopId} data-shop={s.code}>
              <Table.Td>
                <Text fw={600}>{s.code}</Text>
                <Text size="xs" c="dimmed">
                  {s.name}
                </Text>
              </Table.Td>
              <Table.Td>{s.region ?? t('ui.hq.figures.noRegion')}</Table.Td>
              <Table.Td>{s.lastSyncAt ? formatInstant(s.lastSyncAt, locale) : '—'}</Table.Td>
              {cells(s.figures)}
            </Table.Tr>
          ))}
          <Table.Tr data-shop="total" fw={700}>
            <Table.Td>{t('ui.hq.figures.total')}</Table.Td>
            <Table.Td />
            <Table.Td />
            {cells(d.total)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
