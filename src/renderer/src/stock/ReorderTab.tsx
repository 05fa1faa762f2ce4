import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { partName } from './format';
import { printAndShow } from '../printing/printService';

/** Parts at or below their reorder point, and parts tickets are waiting for, with what to order. */
export function ReorderTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const rows = useCall('stock.reorderList', {}).data ?? null;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">
          {t('ui.stock.reorder.intro')}
        </Text>
        <Button variant="default" onClick={() => printAndShow('stock_reorder', 'all').catch(toast)}>
          {t('ui.stock.print')}
        </Button>
      </Group>
      <Table striped withTableBorder data-testid="reorder-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>{t('ui.stock.col.name')}</Table.Th>
            <Table.Th>{t('ui.stock.col.bin')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.onHand')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.reserved')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.available')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.form.reorderPoint')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.reorder.suggested')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).map((r) => (
            <Table.Tr key={r.partId}>
              <Table.Td ff="monospace">{r.sku}</Table.Td>
              <Table.Td>
                {partName(r, locale)}
                {r.waitingTickets > 0 ? (
                  <Badge ml={6} size="xs" color="red" variant="light">
                    {t('ui.stock.reorder.waiting', { n: r.waitingTickets })}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{r.bin || '—'}</Table.Td>
              <Table.Td ta="right">{r.onHand}</Table.Td>
              <Table.Td ta="right">{r.reserved}</Table.Td>
              <Table.Td ta="right" c={r.available < 0 ? 'red' : undefined}>
                {r.available}
              </Table.Td>
              <Table.Td ta="right">{r.reorderPoint}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {r.suggested}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows && rows.length === 0 ? (
        <Text c="dimmed" ta="center" mt="md">
          {t('ui.stock.reorder.none')}
        </Text>
      ) : null}
    </>
  );
}
