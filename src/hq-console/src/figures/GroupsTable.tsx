import { Anchor, Table, Text } from '@mantine/core';
import type { NetworkDimension } from '../../../shared/hq-console/figures';
import type { DrillFigure, ReportResult } from '../../../shared/reports/schemas';
import { dimensionValueLabel, pctText } from '../../../shared/reports/table';
import { useI18n } from '../i18n';

/** The label of a breakdown key in the reader's words (a region left empty says so). */
export function groupLabel(t: (k: string) => string, locale: Parameters<typeof dimensionValueLabel>[0], dim: NetworkDimension, key: string, label: string): string {
  if (dim === 'region') return key || t('ui.hq.figures.noRegion');
  if (dim === 'shop') return label && label !== key ? `${key} ${label}` : key;
  if (dim === 'technician') return key ? label || key : t('reports.fig.unassigned');
  return dimensionValueLabel(locale, dim, key);
}

/** The network's total broken down by a dimension; a count opens its tickets. */
export function GroupsTable({ report, dim, onDrill }: { report: ReportResult; dim: NetworkDimension; onDrill(figure: DrillFigure, key: string, label: string): void }) {
  const { t, locale } = useI18n();
  if (report.groups.length === 0) return null;
  const num = (figure: DrillFigure, value: number, key: string, label: string) =>
    value > 0 ? (
      <Anchor component="button" type="button" onClick={() => onDrill(figure, key, label)} data-testid={`drill-${figure}`}>
        {value}
      </Anchor>
    ) : (
      value
    );
  return (
    <>
      <Text fw={600}>
        {t('ui.hq.figures.total')} · {t(`reports.dim.${dim}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ui.hq.figures.drillHint')}
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
          {report.groups.map((g) => {
            const label = groupLabel(t, locale, dim, g.key, g.label);
            return (
              <Table.Tr key={g.key} data-group={g.key}>
                <Table.Td>{label}</Table.Td>
                <Table.Td ta="right">{num('received', g.received, g.key, label)}</Table.Td>
                <Table.Td ta="right">{num('completed', g.completed, g.key, label)}</Table.Td>
                <Table.Td ta="right">{num('collected', g.collected, g.key, label)}</Table.Td>
                <Table.Td ta="right">{pctText(g.ftfRate)}</Table.Td>
                <Table.Td ta="right">{g.turnaround.medianHours === null ? '—' : t('ui.hq.figures.hours', { n: g.turnaround.medianHours })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
