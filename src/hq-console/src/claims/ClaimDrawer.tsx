import { Alert, Badge, Drawer, Group, Image, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { HqClaimDetail } from '../../../shared/hq-console/claims';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { can } from '../shell/sections';
import { useMe } from '../shell/me';
import { DecisionForm } from './DecisionForm';
import { STATE_COLOR, fen } from './format';

/** A claim as head office reviews it: the shop's lines and serials, the ticket's device and 三包 decision, photos, what was decided. */
export function ClaimDrawer({ target, onClose }: { target: { shopId: string; claimId: string } | null; onClose(): void }) {
  const { t } = useI18n();
  const res = useConsole('claims.detail', target ?? { shopId: '', claimId: '' }, { enabled: target !== null });
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size="xl" title={res.data ? `${res.data.number} · ${res.data.shopCode} ${res.data.shopName}` : t('ui.hq.claims.detail')}>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data ? <Detail c={res.data} /> : null}
    </Drawer>
  );
}

function Detail({ c }: { c: HqClaimDetail }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const d = c.deviceInfo;
  const waiting = c.state === 'submitted' || c.state === 'resubmitted';
  return (
    <Stack data-testid="claim-detail">
      <Group>
        <Badge color={STATE_COLOR[c.state]} size="lg" variant="light" data-testid="claim-state">
          {t(`ui.hq.claims.state.${c.state}`)}
        </Badge>
        <Text>{t(`bench.payer.${c.payer}`)}</Text>
        <Text fw={600}>{t('ui.hq.claims.claimedTotal', { amount: fen(c.claimedFen, locale) })}</Text>
        {c.approvedFen !== null ? <Text>{t('ui.hq.claims.approvedTotal', { amount: fen(c.approvedFen, locale) })}</Text> : null}
      </Group>
      {!c.shopApplied ? <Alert color="gray">{t('ui.hq.claims.notPulledLong')}</Alert> : null}
      {c.note ? (
        <Alert color="indigo" title={t('ui.hq.claims.shopNote')}>
          {c.note}
        </Alert>
      ) : null}
      <SimpleGrid cols={2} spacing="xs">
        <Text size="sm">
          <b>{t('ui.hq.claims.ticket')}</b> {c.ticket?.number ?? c.ticketNumber} {c.ticket?.receivedAt ? `· ${formatInstant(c.ticket.receivedAt, locale)}` : ''}
        </Text>
        <Text size="sm">
          <b>{t('ui.hq.claims.fault')}</b> {c.ticket?.fault ?? '—'}
        </Text>
        <Text size="sm">
          <b>{t('ui.hq.claims.device')}</b> {d ? `${d.brand} ${d.model}` : '—'} {d?.imei ? `IMEI ${d.imei}` : ''} {d?.imei2 ? `/ ${d.imei2}` : ''} {d?.serial ? `SN ${d.serial}` : ''}
        </Text>
        <Text size="sm">
          <b>{t('ui.hq.claims.purchase')}</b> {d?.invoiceDate ?? d?.purchaseDate ?? '—'}
        </Text>
        <Text size="sm">
          <b>{t('ui.hq.claims.diagnosis')}</b> {c.diagnosis ?? '—'}
        </Text>
      </SimpleGrid>
      <Title order={4}>{t('ui.hq.claims.lines')}</Title>
      <Table withTableBorder fz="sm" data-testid="claim-lines">
        <Table.Thead>
          <Table.Tr>
            {['item', 'serials', 'warranty', 'amount'].map((k) => (
              <Table.Th key={k} ta={k === 'amount' ? 'right' : undefined}>
                {t(`ui.hq.claims.line.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.lines.map((l) => (
            <Table.Tr key={l.position}>
              <Table.Td>
                {l.description} ×{l.qty}
                {l.sku ? (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {l.sku}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {l.newSerials.length ? <Text size="xs">{t('ui.hq.claims.newSerials', { serials: l.newSerials.join(', ') })}</Text> : null}
                {l.removedSerial ? <Text size="xs">{t('ui.hq.claims.removedSerial', { serial: l.removedSerial })}</Text> : null}
                {!l.newSerials.length && !l.removedSerial ? '—' : null}
              </Table.Td>
              <Table.Td>
                {l.warrantyStatus ? (
                  <Text size="xs">
                    {t(`ui.bench.line.${l.warrantyStatus}`)}
                    {l.coverage ? ` · ${t(`ui.hq.claims.coverage.${l.coverage}`)}` : ''}
                    {l.endDate ? ` · ${t('ui.hq.claims.until', { date: l.endDate })}` : ''}
                  </Text>
                ) : (
                  <Text size="xs">—</Text>
                )}
                {l.reasons.map((r) => (
                  <Text size="xs" c="dimmed" key={r}>
                    {r}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td ta="right">{fen(l.amountFen, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {c.sanbao.map((o, i) => (
        <Alert key={i} color="grape" title={t('ui.hq.claims.sanbao')}>
          {t('ui.hq.claims.sanbaoLine', { option: t(`ui.hq.claims.sanbaoOption.${o.option}`), price: fen(o.purchasePriceFen, locale), days: o.daysUsed, depreciation: fen(o.depreciationFen, locale), refund: fen(o.refundFen, locale) })}
          {o.oldSerial ? ` · ${t('ui.hq.claims.removedSerial', { serial: o.oldSerial })}` : ''}
          {o.newSerial ? ` · ${t('ui.hq.claims.newSerials', { serials: o.newSerial })}` : ''}
        </Alert>
      ))}
      <Title order={4}>{t('ui.hq.claims.photos')}</Title>
      {c.photos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.hq.claims.noPhotos')}
        </Text>
      ) : (
        <Group>
          {c.photos.map((p) => (
            <Stack key={p.id} gap={2} w={120}>
              {p.thumb ? <Image src={p.thumb} alt={p.caption || p.name} w={120} h={90} fit="cover" radius="sm" /> : null}
              <Text size="xs">{p.caption || p.name}</Text>
            </Stack>
          ))}
        </Group>
      )}
      <Title order={4}>{t('ui.hq.claims.history')}</Title>
      {c.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.hq.claims.noDecisions')}
        </Text>
      ) : (
        c.decisions.map((x) => (
          <Text size="sm" key={x.id} data-decision={x.decision}>
            {formatInstant(x.at, locale)} · {x.by} · <b>{t(`ui.hq.claims.state.${x.decision}`)}</b>
            {x.approvedFen !== null && x.decision === 'approved' ? ` ${fen(x.approvedFen, locale)}` : ''}
            {x.paidFen !== null ? ` ${fen(x.paidFen, locale)} (${x.reference})` : ''}
            {x.reason ? ` — ${x.reason}` : ''}
            {x.correctBy ? ` · ${t('ui.hq.claims.correctBy', { date: x.correctBy })}` : ''}
          </Text>
        ))
      )}
      {waiting && can(me.user.role, 'claims.decide') ? <DecisionForm claim={c} /> : null}
    </Stack>
  );
}
