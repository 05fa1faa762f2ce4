import { Table, Text } from '@mantine/core';
import type { ReportResult } from '../../../shared/reports/schemas';
import { dimensionValueLabel, pctText } from '../../../shared/reports/table';
import { useI18n } from '../i18n';

/** The network's total broken down by a dimension (category, brand, technician, service type), the shop's words for each key. */
export function GroupsTable({ report }: { report: ReportResult }) {
  const { t, locale } = useI18n();
  const dim = report.groupBy;
  if (!dim || report.groups.length === 0) return null;
  const names = new Map(report.groups.map((g) => [g.key, g.label]));
  return (
    <>
      <Text fw={600}>
        {t('ui.hq.figures.total')} · {t(`reports.dim.${dim}`)}
      </Text>
      <Table striped data-testid="figures-groups">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`reports.dim.${dim}`)}</Table.Th>
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
              <Table.Td>{dimensionValueLabel(locale, dim, g.key, names)}</Table.Td>
              <Table.Td ta="right">{g.received}</Table.Td>
              <Table.Td ta="right">{g.completed}</Table.Td>
              <Table.Td ta="right">{g.collected}</Table.Td>
              <Table.Td ta="right">{pctText(g.ftfRate)}</Table.Td>
              <Table.Td ta="right">{g.turnaround.medianHours === null ? '—' : t('ui.hq.figures.hours', { n: g.turnaround.medianHours })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
