import { Table, Text } from '@mantine/core';
import type { ReportResult } from '../../../shared/reports/schemas';
import { useI18n } from '../i18n';

/** The network's total broken down by a dimension (category, brand, technician, service type), the shop's words for each key. */
export function GroupsTable({ report }: { report: ReportResult }) {
  const { t } = useI18n();
  if (!report.groupBy || report.groups.length === 0) return null;
  const label = (key: string, name: string) => {
    if (report.groupBy === 'technician') return name || t('reports.fig.unassigned');
    if (report.groupBy === 'category') return key ? t(`devices.category.${key}`) : '—';
    if (report.groupBy === 'serviceType') return key ? t(`reports.service.${key}`) : '—';
    return key || '—';
  };
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  return (
    <>
      <Text fw={600}>
        {t('ui.hq.figures.total')} · {t(`reports.dim.${report.groupBy}`)}
      </Text>
      <Table striped data-testid="figures-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`reports.dim.${report.groupBy}`)}</Table.Th>
            {(['received', 'completed', 'collected', 'ftf', 'median'] as const).map((c) => (
              <Table.Th key={c} ta="right">
                {t(`ui.hq.figures.col.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((g) => (
            <Table.Tr key={g.key} data-group={g.key}>
              <Table.Td>{label(g.key, g.label)}</Table.Td>
              <Table.Td ta="right">{g.received}</Table.Td>
              <Table.Td ta="right">{g.completed}</Table.Td>
              <Table.Td ta="right">{g.collected}</Table.Td>
              <Table.Td ta="right">{pct(g.ftfRate)}</Table.Td>
              <Table.Td ta="right">{g.turnaround.medianHours === null ? '—' : t('ui.hq.figures.hours', { n: g.turnaround.medianHours })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
