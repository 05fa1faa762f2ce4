import { useState } from 'react';
import { Alert, Badge, Group, Loader, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { RETURN_TRANSIT_DAYS, RETURN_VIEWS, type ReturnView } from '../../../shared/hq-console/returns';
import { useConsole } from '../data';
import { useI18n } from '../i18n';
import { ShipmentDrawer } from './ShipmentDrawer';
import { STATE_COLOR, shipmentState } from './format';

/** The shops' old-part return shipments: in transit (late ones first), late, received, all; a row opens the shipment. */
export function ReturnsPage() {
  const { t } = useI18n();
  const [view, setView] = useState<ReturnView>('transit');
  const [shopId, setShopId] = useState('');
  const [open, setOpen] = useState<{ shopId: string; shipmentId: string } | null>(null);
  const res = useConsole('returns.list', { view, ...(shopId ? { shopId } : {}) });
  const list = res.data?.shipments ?? [];
  // Every shop with returns still open, the late ones first (the server's order), whatever the filter.
  const shops = res.data?.shops ?? [];
  const lateShops = shops.filter((x) => x.late > 0).length;
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.returns')}</Title>
      <Text size="sm" c="dimmed" data-testid="returns-rule">
        {t('ui.hq.returns.rule', { days: RETURN_TRANSIT_DAYS })}
      </Text>
      {res.data ? (
        <Text size="sm" data-testid="returns-summary">
          {t('ui.hq.returns.summary', { shops: shops.length, late: lateShops, lines: shops.reduce((a, x) => a + x.openLines, 0) })}
        </Text>
      ) : null}
      <Group align="flex-end">
        <SegmentedControl value={view} onChange={(v) => setView(v as ReturnView)} data={RETURN_VIEWS.map((v) => ({ value: v, label: t(`ui.hq.returns.view.${v}`) }))} data-testid="returns-view" />
        <Select
          w={320}
          label={t('ui.hq.returns.filter.shop')}
          value={shopId}
          onChange={(v) => setShopId(v ?? '')}
          data={[{ value: '', label: t('ui.hq.claims.filter.allShops') }, ...shops.map((x) => ({ value: x.shopId, label: t('ui.hq.returns.shopOption', { code: x.shopCode, name: x.shopName, transit: x.transit, late: x.late }) }))]}
          data-testid="returns-shop"
        />
      </Group>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && list.length === 0 ? <Alert color="blue">{t('ui.hq.returns.empty')}</Alert> : null}
      {list.length > 0 ? (
        <Table striped highlightOnHover data-testid="returns-table">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'number', 'waybill', 'shipped', 'due', 'received', 'state'].map((c) => (
                <Table.Th key={c} ta={c === 'received' ? 'right' : undefined}>
                  {t(`ui.hq.returns.col.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => {
              const state = shipmentState(s);
              return (
                <Table.Tr key={`${s.shopId}/${s.shipmentId}`} data-shipment={s.number} style={{ cursor: 'pointer' }} onClick={() => setOpen({ shopId: s.shopId, shipmentId: s.shipmentId })}>
                  <Table.Td>
                    <Text fw={600}>{s.shopCode}</Text>
                    <Text size="xs" c="dimmed">
                      {s.shopName}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{s.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.carrier}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {s.trackingNo}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.shippedOn}</Table.Td>
                  <Table.Td>{s.dueOn}</Table.Td>
                  <Table.Td ta="right" data-testid="shipment-received">
                    {t('ui.hq.returns.receivedOf', { received: s.received, lines: s.lines })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={STATE_COLOR[state]} variant="light" data-testid="shipment-state">
                        {state === 'late' ? t('ui.hq.returns.lateBy', { days: s.daysLate }) : t(`ui.hq.returns.state.${state}`)}
                      </Badge>
                    </Group>
                    {!s.shopApplied ? (
                      <Text size="xs" c="dimmed">
                        {t('ui.hq.returns.notPulled')}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      <ShipmentDrawer target={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
