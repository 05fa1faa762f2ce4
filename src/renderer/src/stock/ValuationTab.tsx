import { Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName } from './format';
import { printAndShow } from '../printing/printService';

/** Stock value at moving-average cost: totals, by category, the most valuable lines. */
export function ValuationTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const v = useCall('stock.valuation', { limit: 100 }).data;
  if (!v) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SimpleGrid cols={3} style={{ flex: 1 }} maw={720}>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">{t('ui.stock.valuation.value')}</Text>
            <Text fw={700} size="xl" data-testid="valuation-total">{money(v.totals.value, locale)}</Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">{t('ui.stock.valuation.skus')}</Text>
            <Text fw={700} size="xl">{v.totals.skus}</Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">{t('ui.stock.valuation.units')}</Text>
            <Text fw={700} size="xl">{v.totals.units}</Text>
          </Paper>
        </SimpleGrid>
        <Button variant="default" onClick={() => printAndShow('stock_valuation', 'all').catch(toast)}>
          {t('ui.stock.print')}
        </Button>
      </Group>
      <Title order={5} mt="md" mb="xs">{t('ui.stock.valuation.byCategory')}</Title>
      <Table withTableBorder striped maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.stock.valuation.col.category')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.valuation.skus')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.valuation.units')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.valuation.col.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.byCategory.map((c) => (
            <Table.Tr key={c.category}>
              <Table.Td>{c.category}</Table.Td>
              <Table.Td ta="right">{t('ui.stock.valuation.skusN', { n: c.skus })}</Table.Td>
              <Table.Td ta="right">{t('ui.stock.valuation.unitsN', { n: c.units })}</Table.Td>
              <Table.Td ta="right" fw={600}>{money(c.value, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5} mt="md" mb="xs">{t('ui.stock.valuation.top')}</Title>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>{t('ui.stock.col.name')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.onHand')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.avgCost')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.rows.map((r) => (
            <Table.Tr key={r.partId}>
              <Table.Td ff="monospace">{r.sku}</Table.Td>
              <Table.Td>{partName(r, locale)}</Table.Td>
              <Table.Td ta="right">{r.onHand}</Table.Td>
              <Table.Td ta="right">{money(r.avgCost, locale)}</Table.Td>
              <Table.Td ta="right">{money(r.value, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
