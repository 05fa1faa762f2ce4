import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useCall, useInvalidateAfter } from '../data/calls';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { todayIn } from './format';

/** The old-parts bin (旧件) and the return shipments to head office. */
export function OldPartsTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop, user } = useSession();
  const zone = shop?.settings.timeZone;
  const bin = useCall('oldParts.list', { status: 'in_bin' }).data ?? [];
  const shipments = useCall('shipments.list', {}).data ?? [];
  const invalidate = useInvalidateAfter();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [date, setDate] = useState(todayIn(zone));
  const desk = user.role !== 'technician';
  // An enrolled shop's returns are received at head office, line by line; its receipts arrive by sync.
  const enrolled = shop?.settings.enrolled ?? false;

  const ship = async () => {
    try {
      const s = await api.call('shipments.create', { oldPartIds: [...picked], carrier, trackingNo: tracking, shippedOn: date });
      showSuccessToast(t('ui.stock.oldParts.shipped', { number: s.number }));
      setTracking('');
      setPicked(new Set());
      await invalidate('shipments.create');
    } catch (err) {
      toast(err);
    }
  };
  const confirm = async (id: string) => {
    try {
      await api.call('shipments.confirm', { shipmentId: id });
      await invalidate('shipments.confirm');
    } catch (err) {
      toast(err);
    }
  };

  return (
    <>
      <Title order={5} mb="xs">
        {t('ui.stock.oldParts.bin', { n: bin.length })}
      </Title>
      <Table striped withTableBorder data-testid="old-parts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('ui.stock.oldParts.part')}</Table.Th>
            <Table.Th>{t('ui.stock.serial')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.replacedBy')}</Table.Th>
            <Table.Th>{t('ui.stock.ticket')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.source')}</Table.Th>
            <Table.Th>{t('ui.stock.col.when')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bin.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Checkbox
                  aria-label={o.description}
                  checked={picked.has(o.id)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.currentTarget.checked) next.add(o.id);
                    else next.delete(o.id);
                    setPicked(next);
                  }}
                />
              </Table.Td>
              <Table.Td>
                {o.sku ? <Text size="xs" ff="monospace">{o.sku}</Text> : null}
                <Text size="sm">{o.description}</Text>
              </Table.Td>
              <Table.Td ff="monospace">{o.serial || '—'}</Table.Td>
              <Table.Td ff="monospace">{o.replacedBySerial ?? ''}</Table.Td>
              <Table.Td>{o.ticketNumber ?? o.ticketId ?? ''}</Table.Td>
              <Table.Td>{t(`ui.stock.oldParts.from.${o.source}`)}</Table.Td>
              <Table.Td>{formatInstant(o.createdAt, locale, zone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {desk ? (
        <Paper withBorder p="sm" mt="sm">
          <Group align="flex-end">
            <TextInput label={t('ui.stock.oldParts.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} />
            <TextInput label={t('ui.stock.oldParts.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
            <TextInput label={t('ui.stock.oldParts.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={130} />
            <Button disabled={picked.size === 0} onClick={() => void ship()}>
              {t('ui.stock.oldParts.ship', { n: picked.size })}
            </Button>
          </Group>
        </Paper>
      ) : null}
      <Title order={5} mt="lg" mb="xs">
        {t('ui.stock.oldParts.shipments')}
      </Title>
      {enrolled ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="shipments-hq-receives">
          {t('ui.stock.oldParts.hqReceives')}
        </Text>
      ) : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.stock.oldParts.number')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.carrier')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.tracking')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.date')}</Table.Th>
            <Table.Th>{t('ui.stock.oldParts.confirmed')}</Table.Th>
            <Table.Th>{t('ui.stock.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shipments.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.number}</Table.Td>
              <Table.Td>{s.carrier}</Table.Td>
              <Table.Td ff="monospace">{s.trackingNo}</Table.Td>
              <Table.Td>{s.shippedOn}</Table.Td>
              <Table.Td>{`${s.confirmed} / ${s.lines}`}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.status === 'closed' ? 'teal' : 'blue'}>
                  {t(`ui.stock.oldParts.status.${s.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {s.status !== 'closed' && desk && !enrolled ? (
                  <Button size="xs" variant="light" onClick={() => void confirm(s.id)}>
                    {t('ui.stock.oldParts.confirm')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
