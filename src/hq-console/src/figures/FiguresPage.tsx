import { useState } from 'react';
import { Alert, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DIMENSIONS, type Dimension } from '../../../shared/reports/schemas';
import { addDaysToDate, localDate } from '../../../shared/time/local-date';
import { formatFen } from '../../../shared/money/format';
import { pctText } from '../../../shared/reports/table';
import { saveBlob } from '../../../ui/save-file';
import { useConsole } from '../data';
import { useI18n } from '../i18n';
import { figureRows, figuresCsv, type FigureRow } from './rows';
import { GroupsTable } from './GroupsTable';

const COLUMNS = ['shop', 'name', 'received', 'completed', 'collected', 'ftf', 'median', 'revenue', 'complaints'] as const;

/** The network's figures: the shop's report for every shop side by side and their total, for a range of days. */
export function FiguresPage() {
  const { t, locale } = useI18n();
  const today = localDate(new Date(), 'Asia/Shanghai');
  const [range, setRange] = useState({ from: addDaysToDate(today, -29), to: today });
  const [groupBy, setGroupBy] = useState<Dimension | null>(null);
  const res = useConsole('figures.network', groupBy ? { ...range, groupBy } : range);
  const head = COLUMNS.map((c) => t(`ui.hq.figures.col.${c}`));
  const download = (rows: FigureRow[]) => {
    saveBlob(`figures-${range.from}-${range.to}.csv`, new Blob([figuresCsv(rows, head, t('ui.hq.figures.total'))], { type: 'text/csv;charset=utf-8' }));
  };
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
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.figures')}</Title>
      <Group align="flex-end">
        <TextInput type="date" label={t('ui.reports.from')} value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} data-testid="figures-from" />
        <TextInput type="date" label={t('ui.reports.to')} value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} data-testid="figures-to" />
        <Select
          label={t('ui.reports.groupBy')}
          w={180}
          clearable
          placeholder={t('ui.hq.figures.noBreakdown')}
          value={groupBy}
          onChange={(v) => setGroupBy(v as Dimension | null)}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dim.${d}`) }))}
          data-testid="figures-group-by"
        />
        {rows ? (
          <Button variant="default" onClick={() => download([...rows.shops, ...(rows.total ? [rows.total] : [])])} data-testid="figures-csv">
            {t('ui.reports.exportCsv')}
          </Button>
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
      {res.data?.total ? <GroupsTable report={res.data.total} /> : null}
      <Text size="xs" c="dimmed">
        {t('ui.hq.figures.hint')}
      </Text>
    </Stack>
  );
}
