import { useState } from 'react';
import { Alert, Button, Group, Loader, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { NETWORK_DIMENSIONS, type NetworkDimension, type NetworkReportInput } from '../../../shared/hq-console/figures';
import { addDaysToDate, localDate } from '../../../shared/time/local-date';
import { formatFen } from '../../../shared/money/format';
import { pctText } from '../../../shared/reports/table';
import { useConsole } from '../data';
import { useI18n } from '../i18n';
import { figureRows, type FigureRow } from './rows';
import { GroupsTable } from './GroupsTable';
import { DashboardView } from './DashboardView';
import { DrillModal, type Drill } from './DrillModal';
import { downloadExport } from './exportFile';

const COLUMNS = ['shop', 'name', 'received', 'completed', 'collected', 'ftf', 'median', 'revenue', 'complaints'] as const;

/**
 * The network's figures: the dashboard of every shop and the network's, and the shop's report for
 * every shop side by side with their total for a range of days, broken down by shop, region or
 * the shop's own dimensions; a count of the breakdown opens its tickets; both export as CSV/XLSX.
 */
export function FiguresPage() {
  const { t, locale } = useI18n();
  const today = localDate(new Date(), 'Asia/Shanghai');
  const [tab, setTab] = useState<string | null>('report');
  const [range, setRange] = useState({ from: addDaysToDate(today, -29), to: today });
  const [groupBy, setGroupBy] = useState<NetworkDimension | null>(null);
  const [shop, setShop] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const shops = useConsole('shops.list', {});
  const input: NetworkReportInput = { ...range, filters: shop ? { shop } : {}, ...(groupBy ? { groupBy } : {}) };
  const res = useConsole('figures.network', input, { enabled: tab === 'report' });
  const head = COLUMNS.map((c) => t(`ui.hq.figures.col.${c}`));
  const line = (r: FigureRow, total = false) => (
    <Table.Tr key={r.code || 'total'} data-shop={r.code || 'total'} fw={total ? 700 : undefined}>
      <Table.Td>{total ? t('ui.hq.figures.total') : r.code}</Table.Td>
      <Table.Td>{r.name}</Table.Td>
      <Table.Td ta="right">{r.received}</Table.Td>
      <Table.Td ta="right">{r.completed}</Table.Td>
      <Table.Td ta="right">{r.collected}</Table.Td>
      <Table.Td ta="right">{pctText(r.ftfRate)}</Table.Td>
      <Table.Td ta="right">{r.medianHours === null ? '—' : t('ui.hq.figures.hours', { n: r.medianHours })}</Table.Td>
      <Table.Td ta="right">{r.revenueFen === null ? '—' : formatFen(r.revenueFen, locale)}</Table.Td>
      <Table.Td ta="right">{r.complaints}</Table.Td>
    </Table.Tr>
  );
  const rows = res.data ? figureRows(res.data) : null;
  const shopSelect = (
    <Select
      label={t('ui.hq.figures.shopFilter')}
      w={200}
      clearable
      placeholder={t('ui.hq.figures.allShops')}
      value={shop}
      onChange={setShop}
      data={(shops.data?.shops ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
      data-testid="figures-shop"
    />
  );
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.figures')}</Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="report" data-testid="figures-tab-report">
            {t('ui.hq.figures.tab.report')}
          </Tabs.Tab>
          <Tabs.Tab value="dashboard" data-testid="figures-tab-dashboard">
            {t('ui.hq.figures.tab.dashboard')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'dashboard' ? (
        <>
          <Group align="flex-end">{shopSelect}</Group>
          <DashboardView shop={shop} />
        </>
      ) : (
        <>
          <Group align="flex-end">
            <TextInput type="date" label={t('ui.reports.from')} value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} data-testid="figures-from" />
            <TextInput type="date" label={t('ui.reports.to')} value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} data-testid="figures-to" />
            {shopSelect}
            <Select
              label={t('ui.reports.groupBy')}
              w={180}
              clearable
              placeholder={t('ui.hq.figures.noBreakdown')}
              value={groupBy}
              onChange={(v) => setGroupBy(v as NetworkDimension | null)}
              data={NETWORK_DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dim.${d}`) }))}
              data-testid="figures-group-by"
            />
            {rows ? (
              <>
                <Button variant="default" onClick={() => void downloadExport({ format: 'csv', report: input }, locale)} data-testid="figures-csv">
                  {t('ui.reports.exportCsv')}
                </Button>
                <Button variant="default" onClick={() => void downloadExport({ format: 'xlsx', report: input }, locale)} data-testid="figures-xlsx">
                  {t('ui.reports.exportXlsx')}
                </Button>
              </>
            ) : null}
          </Group>
          {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
          {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
          {rows && rows.shops.length === 0 ? <Alert color="blue">{t('ui.hq.figures.empty')}</Alert> : null}
          {rows && rows.shops.length > 0 ? (
            <Table striped data-testid="figures-table">
              <Table.Thead>
                <Table.Tr>
                  {head.map((h, i) => (
                    <Table.Th key={h} ta={i > 1 ? 'right' : undefined}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.shops.map((r) => line(r))}
                {rows.total ? line(rows.total, true) : null}
              </Table.Tbody>
            </Table>
          ) : null}
          {res.data?.total && res.data.groupBy ? <GroupsTable report={res.data.total} dim={res.data.groupBy} onDrill={(figure, groupKey, label) => setDrill({ figure, groupKey, label })} /> : null}
          <Text size="xs" c="dimmed">
            {t('ui.hq.figures.hint')}
          </Text>
          <DrillModal report={input} drill={drill} onClose={() => setDrill(null)} />
        </>
      )}
    </Stack>
  );
}
