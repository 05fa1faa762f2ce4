import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Drawer, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { HqShipmentDetail } from '../../../shared/hq-console/returns';
import { useConsole, useConsoleMutation } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { can } from '../shell/sections';
import { useMe } from '../shell/me';
import { STATE_COLOR, shipmentState } from './format';

/** One shipment's lines as the shop packed them; the claims reviewer ticks what arrived and receives it. */
export function ShipmentDrawer({ target, onClose }: { target: { shopId: string; shipmentId: string } | null; onClose(): void }) {
  const { t } = useI18n();
  const res = useConsole('returns.detail', target ?? { shopId: '', shipmentId: '' }, { enabled: target !== null });
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="xl" title={res.data ? `${res.data.number} · ${res.data.shopCode} ${res.data.shopName}` : t('ui.hq.returns.shipment')}>
      {res.isPending && target ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data ? <Detail key={`${res.data.shipmentId}/${res.data.received}`} s={res.data} /> : null}
    </Drawer>
  );
}

function Detail({ s }: { s: HqShipmentDetail }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const open = s.items.filter((l) => l.receivedAt === null);
  // Boxes only for who receives, and only while something is still to receive.
  const mayReceive = can(me.user.role, 'returns.receive') && open.length > 0;
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const receive = useConsoleMutation('returns.receive', ['returns.list', 'returns.detail']);
  const state = shipmentState(s);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  // Awaited rather than mutate's own onSuccess: the refetch the receipt starts may remount this
  // drawer first, and a remounted component never hears mutate's callbacks. A refusal is told by
  // the console's toast (main.tsx).
  const submit = async () => {
    const n = picked.size;
    const d = await receive.mutateAsync({ shopId: s.shopId, shipmentId: s.shipmentId, oldPartIds: [...picked], note }).catch(() => null);
    if (d) notifications.show({ color: 'teal', message: t('ui.hq.returns.done', { n, received: d.received, lines: d.lines }) });
  };
  return (
    <Stack data-testid="shipment-detail">
      <Group>
        <Badge color={STATE_COLOR[state]} size="lg" variant="light" data-testid="shipment-detail-state">
          {state === 'late' ? t('ui.hq.returns.lateBy', { days: s.daysLate }) : t(`ui.hq.returns.state.${state}`)}
        </Badge>
        <Text fw={600}>{t('ui.hq.returns.receivedOf', { received: s.received, lines: s.lines })}</Text>
      </Group>
      <Text size="sm">
        <b>{t('ui.hq.returns.col.waybill')}</b> {s.carrier} <Text span ff="monospace">{s.trackingNo}</Text> · <b>{t('ui.hq.returns.col.shipped')}</b> {s.shippedOn} · <b>{t('ui.hq.returns.col.due')}</b> {s.dueOn}
      </Text>
      {!s.shopApplied ? <Alert color="gray">{t('ui.hq.returns.notPulledLong')}</Alert> : null}
      <Table withTableBorder fz="sm" data-testid="shipment-lines">
        <Table.Thead>
          <Table.Tr>
            {mayReceive ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('ui.hq.returns.pickAll')}
                  disabled={open.length === 0}
                  checked={open.length > 0 && picked.size === open.length}
                  indeterminate={picked.size > 0 && picked.size < open.length}
                  onChange={(e) => setPicked(e.currentTarget.checked ? new Set(open.map((l) => l.oldPartId)) : new Set())}
                />
              </Table.Th>
            ) : null}
            {['part', 'serial', 'replacedBy', 'ticket', 'received'].map((k) => (
              <Table.Th key={k}>{t(`ui.hq.returns.line.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.items.map((l) => (
            <Table.Tr key={l.oldPartId} data-serial={l.serial}>
              {mayReceive ? (
                <Table.Td>
                  {l.receivedAt === null ? <Checkbox aria-label={t('ui.hq.returns.pickLine', { serial: l.serial || l.description })} checked={picked.has(l.oldPartId)} onChange={(e) => toggle(l.oldPartId, e.currentTarget.checked)} /> : null}
                </Table.Td>
              ) : null}
              <Table.Td>
                {l.sku ? (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {l.sku}
                  </Text>
                ) : null}
                {l.description}
                <Text size="xs" c="dimmed">
                  {t(`ui.stock.oldParts.from.${l.source === 'stock' ? 'stock' : 'device'}`)}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{l.serial || '—'}</Table.Td>
              <Table.Td ff="monospace">{l.replacedBySerial ?? '—'}</Table.Td>
              <Table.Td>{l.ticketNumber ?? '—'}</Table.Td>
              <Table.Td data-testid="line-received">
                {l.byShop ? (
                  <>
                    <Badge color="gray" variant="light">
                      {t('ui.hq.returns.byShop')}
                    </Badge>
                    {l.receivedAt ? <Text size="xs">{formatInstant(l.receivedAt, locale)}</Text> : null}
                  </>
                ) : l.receivedAt ? (
                  <>
                    <Badge color="teal" variant="light">
                      {t('ui.hq.returns.state.received')}
                    </Badge>
                    <Text size="xs">
                      {formatInstant(l.receivedAt, locale)} · {l.receivedBy}
                    </Text>
                    {l.note ? (
                      <Text size="xs" c="dimmed">
                        {l.note}
                      </Text>
                    ) : null}
                    {!l.shopApplied ? (
                      <Text size="xs" c="dimmed">
                        {t('ui.hq.returns.notPulled')}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Badge color={s.late ? 'red' : 'blue'} variant="light">
                    {t('ui.hq.returns.state.transit')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayReceive ? (
        <Group align="flex-end">
          <TextInput label={t('ui.hq.returns.note')} placeholder={t('ui.hq.returns.notePlaceholder')} w={320} maxLength={300} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="receive-note" />
          <Button color="teal" disabled={picked.size === 0} loading={receive.isPending} onClick={submit} data-testid="receive-submit">
            {t('ui.hq.returns.receive', { n: picked.size })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
