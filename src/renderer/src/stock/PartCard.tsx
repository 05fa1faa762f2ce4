import { useState } from 'react';
import { Badge, Button, Drawer, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Movement } from '../../../shared/stock/schemas';
import { useCall, useInvalidateAfter } from '../data/calls';
import { isManager, useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName, signed } from './format';
import { MovementModal, type MovementMode } from './MovementModal';
import { PartFormModal } from './PartFormModal';
import { SettingsModal } from './SettingsModal';
import { StockFigures } from './StockFigures';
import { printAndShow } from '../printing/printService';

/** The stock card of one part: figures, actions, serials, reservations and the movement history. */
export function PartCard({ partId, onClose, onChanged }: { partId: string | null; onClose(): void; onChanged(): void }) {
  const { t, locale, colon } = useI18n();
  const { toast } = useErrorToast();
  const { user, shop } = useSession();
  const manager = isManager(user);
  const detail = useCall('parts.get', { id: partId ?? '' }, { enabled: partId !== null }).data ?? null;
  const moves = useCall('stock.movements', { partId: partId ?? '', limit: 100 }, { enabled: partId !== null }).data ?? [];
  const invalidate = useInvalidateAfter();
  const [mode, setMode] = useState<MovementMode | null>(null);
  const [editing, setEditing] = useState(false);
  const [settings, setSettings] = useState(false);

  // The card's own figures and the search behind it both go stale with a movement or an edit.
  const changed = () => {
    void invalidate('stock.receive');
    onChanged();
  };
  const p = detail?.part;
  const loaner = p?.kind === 'loaner';
  const zone = shop?.settings.timeZone;

  return (
    <Drawer opened={partId !== null} onClose={onClose} position="right" size="min(1000px, 96vw)" title={p ? <Text fw={700}>{`${p.sku} · ${partName(p, locale)}`}</Text> : ''}>
      {p ? (
        <Stack data-testid="part-card">
          <Group gap={6}>
            <Badge variant="light" color={p.grade === 'original' ? 'teal' : 'grape'}>{t(`stock.grade.${p.grade}`)}</Badge>
            <Badge variant="light" color={loaner ? 'orange' : 'indigo'}>{t(`stock.partKind.${p.kind}`)}</Badge>
            {p.serialized ? <Badge variant="outline" color="gray">{t('ui.stock.serialized')}</Badge> : null}
            <Badge variant="outline" color="gray">{t(`ui.stock.source.${p.source}`)}</Badge>
            <Text size="sm" c="dimmed">
              {p.category} · {t('ui.stock.warrantyDays', { n: p.warrantyDays })} · {t('ui.stock.col.listPrice')} {money(p.listPrice, locale)}
            </Text>
          </Group>
          {p.models.length ? (
            <Text size="sm">
              {t('ui.stock.models')}{colon}{p.models.join('、')}
            </Text>
          ) : null}
          <Paper withBorder p="sm">
            <Group gap="xl" wrap="wrap">
              <StockFigures stock={p.stock} />
              <Text size="sm">
                {t('ui.stock.col.bin')} <b>{p.stock.bin || '—'}</b>
              </Text>
              <Text size="sm">
                {t('ui.stock.avgCost')} <b>{money(p.stock.avgCost, locale)}</b>
              </Text>
              <Text size="sm">
                {t('ui.stock.value')} <b>{money(p.stock.value, locale)}</b>
              </Text>
              <Text size="sm">{t('ui.stock.reorderAt', { point: p.stock.reorderPoint, qty: p.stock.reorderQty })}</Text>
            </Group>
          </Paper>
          <Group gap="xs">
            <Button size="xs" onClick={() => setMode('receive')} data-testid="action-receive">{t('ui.stock.action.receive')}</Button>
            {!loaner ? <Button size="xs" variant="light" onClick={() => setMode('issue')} data-testid="action-issue">{t('ui.stock.action.issue')}</Button> : null}
            {!loaner ? <Button size="xs" variant="light" onClick={() => setMode('return')}>{t('ui.stock.action.return')}</Button> : null}
            {!loaner ? <Button size="xs" variant="light" color="orange" onClick={() => setMode('faulty')}>{t('ui.stock.action.faulty')}</Button> : null}
            {manager ? <Button size="xs" variant="light" color="gray" onClick={() => setMode('adjust')} data-testid="action-adjust">{t('ui.stock.action.adjust')}</Button> : null}
            {manager ? <Button size="xs" variant="light" color="gray" onClick={() => setMode('transferOut')}>{t('ui.stock.action.transferOut')}</Button> : null}
            {manager ? <Button size="xs" variant="light" color="gray" onClick={() => setMode('transferIn')}>{t('ui.stock.action.transferIn')}</Button> : null}
            {manager ? <Button size="xs" variant="default" onClick={() => setSettings(true)}>{t('ui.stock.action.settings')}</Button> : null}
            {isManager(user) && p.source === 'local' ? <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('ui.stock.action.edit')}</Button> : null}
            <Button size="xs" variant="default" onClick={() => printAndShow('part_label', p.id).catch(toast)}>{t('ui.stock.action.label')}</Button>
          </Group>

          {p.serialized && detail.serials.length ? (
            <>
              <Title order={5}>{t('ui.stock.serials')}</Title>
              <Table withTableBorder striped data-testid="serials-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ui.stock.serial')}</Table.Th>
                    <Table.Th>{t('ui.stock.status')}</Table.Th>
                    <Table.Th>{t('ui.stock.ticket')}</Table.Th>
                    <Table.Th>{t('ui.stock.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {detail.serials.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td ff="monospace">{s.serial}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={s.status === 'in_stock' ? 'teal' : s.status === 'on_loan' ? 'orange' : 'gray'}>
                          {t(`stock.serialStatus.${s.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{s.ticketNumber ?? s.ticketId ?? ''}</Table.Td>
                      <Table.Td>{formatInstant(s.updatedAt, locale, zone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : null}

          {detail.reservations.length ? (
            <>
              <Title order={5}>{t('ui.stock.reservations')}</Title>
              <Table withTableBorder>
                <Table.Tbody>
                  {detail.reservations.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.ticketNumber ?? r.ticketId}</Table.Td>
                      <Table.Td>{t('ui.stock.reservedQty', { n: r.qty })}</Table.Td>
                      <Table.Td>{formatInstant(r.createdAt, locale, zone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : null}

          <Title order={5}>{t('ui.stock.history')}</Title>
          <Table withTableBorder striped data-testid="movements-table" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.stock.col.when')}</Table.Th>
                <Table.Th>{t('ui.stock.col.kind')}</Table.Th>
                <Table.Th ta="right">{t('ui.stock.col.qty')}</Table.Th>
                <Table.Th ta="right">{t('ui.stock.col.after')}</Table.Th>
                <Table.Th ta="right">{t('ui.stock.col.unitCost')}</Table.Th>
                <Table.Th>{t('ui.stock.col.detail')}</Table.Th>
                <Table.Th>{t('ui.stock.col.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moves.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(m.at, locale, zone)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t(`stock.kind.${m.kind}`)}
                    {m.override ? (
                      <Badge ml={4} size="xs" color="red">
                        {t('ui.stock.override')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right" c={m.qty < 0 ? 'red.7' : 'teal.7'} fw={600}>
                    {signed(m.qty)}
                  </Table.Td>
                  <Table.Td ta="right">{m.onHandAfter}</Table.Td>
                  <Table.Td ta="right">{money(m.unitCost, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{movementDetail(m, t)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.byName ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <Text c="dimmed">{t('ui.common.loading')}</Text>
      )}
      {p ? <MovementModal mode={mode} part={p} serialsInStock={detail?.serials.filter((s) => s.status === 'in_stock').map((s) => s.serial) ?? []} onClose={() => setMode(null)} onDone={changed} /> : null}
      {p ? <PartFormModal opened={editing} editing={p} onClose={() => setEditing(false)} onSaved={changed} /> : null}
      {p ? <SettingsModal opened={settings} part={p} onClose={() => setSettings(false)} onSaved={changed} /> : null}
    </Drawer>
  );
}

function movementDetail(m: Movement, t: (k: string, p?: Record<string, string | number>) => string): string {
  const bits: string[] = [];
  if (m.ticketId) bits.push(`${t('ui.stock.ticket')} ${m.ticketNumber ?? m.ticketId}`);
  if (m.supplier) bits.push(m.supplier);
  if (m.deliveryNote) bits.push(`${t('ui.stock.deliveryNoteShort')} ${m.deliveryNote}`);
  if (m.counterparty) bits.push(`⇄ ${m.counterparty}`);
  if (m.serials.length) bits.push(`SN ${m.serials.join(', ')}`);
  if (m.removedSerial) bits.push(t('ui.stock.removedSerial', { serial: m.removedSerial }));
  if (m.reason) bits.push(m.reason);
  if (m.note) bits.push(m.note);
  return bits.join(' · ');
}
