import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { LookupDevice } from '../../../shared/sync/protocol';
import { formatFen } from '../../../shared/money/format';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { STATE_COLOR } from '../recalls/RecallsPage';
import { lookupInput } from './query';


/**
 * The nationwide device lookup: one device's purchase registration and every visit at every shop,
 * and the recall campaigns that cover it — the answer a shop's counter gets from head office.
 */
export function DevicesPage() {
  const { t } = useI18n();
  // The asked device is in the URL (?q=…): a link to it works, and a language switch keeps it.
  const [params, setParams] = useSearchParams();
  const asked = lookupInput(params.get('q') ?? '');
  const [q, setQ] = useState(params.get('q') ?? '');
  const res = useConsole('devices.lookup', asked ?? { imei: '' }, { enabled: asked !== null });
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.devices')}</Title>
      <form onSubmit={(e) => (e.preventDefault(), setParams(q.trim() ? { q: q.trim() } : {}))}>
        <Group align="flex-start">
          <TextInput label={t('ui.hq.devices.query')} description={t('ui.hq.devices.queryHint')} w={360} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="device-query" />
          {/* level with the field, under its label (the hint below would push a bottom-aligned button down) */}
          <Button type="submit" mt={24} data-testid="device-lookup">
            {t('ui.hq.devices.lookup')}
          </Button>
        </Group>
      </form>
      {asked && res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {asked && res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {asked && res.data ? <Answer data={res.data} /> : null}
    </Stack>
  );
}

function Answer({ data }: { data: NonNullable<ReturnType<typeof useConsole<'devices.lookup'>>['data']> }) {
  const { t, locale } = useI18n();
  const { lookup, recalls } = data;
  if (lookup.devices.length === 0) return <Alert color="blue">{t('ui.sync.nationwide.none')}</Alert>;
  const shop = (s: { code: string; name: string }) => t('ui.sync.nationwide.shop', { name: s.name, code: s.code });
  const reg = lookup.registration;
  return (
    <Stack data-testid="device-answer">
      {recalls.map(({ recall: r, state }) => (
        <Alert key={r.id} color="red" variant="light" title={t('ui.recalls.banner.title', { code: r.code, title: locale === 'zh-CN' ? r.titleZh : r.titleEn })} data-testid="device-recall">
          <Group gap="xs">
            <Badge color={STATE_COLOR[state]} variant="light">
              {t(`ui.hq.recalls.state.${state}`)}
            </Badge>
            <Text size="sm">
              {t(`recalls.action.${r.action}`)} · {r.startDate} – {r.endDate}
            </Text>
          </Group>
        </Alert>
      ))}
      {reg ? <Registration d={reg} /> : null}
      <Text size="sm" c="dimmed">
        {t('ui.sync.nationwide.records', { n: lookup.devices.length })} · {t('ui.sync.nationwide.asOf', { at: formatInstant(lookup.at, locale) })}
        {lookup.truncated ? ` · ${t('ui.sync.nationwide.truncated')}` : ''}
      </Text>
      <Title order={4}>{t('ui.sync.nationwide.visits', { n: lookup.tickets.length, shops: new Set(lookup.tickets.map((v) => v.shop.code)).size })}</Title>
      {lookup.tickets.length === 0 ? (
        <Text size="sm">{t('ui.sync.nationwide.noVisits')}</Text>
      ) : (
        <Table striped data-testid="device-visits">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'ticket', 'received', 'collected', 'visit', 'paid'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.devices.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lookup.tickets.map((v) => (
              <Table.Tr key={`${v.shop.code}/${v.number}`} data-visit={v.number}>
                <Table.Td>{shop(v.shop)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {v.number}
                  </Text>
                  <Text size="xs">{t(`tickets.status.${v.status}`)}</Text>
                </Table.Td>
                <Table.Td>{formatInstant(v.receivedAt, locale)}</Table.Td>
                <Table.Td>{v.collectedAt ? formatInstant(v.collectedAt, locale) : t('ui.sync.nationwide.inShop')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t('ui.sync.nationwide.fault', { fault: v.faultText || v.faultCodes.map((c) => t(`devices.fault.${c}`)).join('、') })}</Text>
                  {v.diagnosis ? <Text size="sm">{t('ui.sync.nationwide.diagnosis', { diagnosis: v.diagnosis })}</Text> : null}
                  {v.work.length > 0 ? <Text size="sm">{t('ui.sync.nationwide.work', { work: v.work.map((w) => w.description).join('、') })}</Text> : null}
                  {v.outcome ? <Text size="xs" c="dimmed">{t(`collection.outcome.${v.outcome}`)}</Text> : null}
                </Table.Td>
                <Table.Td>
                  {v.payment !== 'none' ? <Badge variant="light">{t(`ui.sync.nationwide.payment.${v.payment}`)}</Badge> : null}
                  {v.customerFen !== null ? <Text size="xs">{formatFen(v.customerFen, locale)}</Text> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Registration({ d }: { d: LookupDevice }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="device-registration">
      <Text fw={700}>{t('ui.sync.nationwide.registration')}</Text>
      <Text>
        {d.brand} {d.model} {d.colour ? `· ${d.colour}` : ''}
      </Text>
      <Text size="sm" ff="monospace">
        {[d.imei && `IMEI ${d.imei}`, d.imei2 && `IMEI2 ${d.imei2}`, d.serial && `SN ${d.serial}`].filter(Boolean).join(' · ')}
      </Text>
      <Text size="sm">
        {[d.invoiceDate && t('ui.sync.nationwide.invoiceDate', { date: d.invoiceDate }), d.invoicePriceFen !== null && t('ui.sync.nationwide.price', { price: formatFen(d.invoicePriceFen, locale) }), d.seller && t('ui.sync.nationwide.seller', { seller: d.seller })]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ui.sync.nationwide.recordedBy', { shop: t('ui.sync.nationwide.shop', { name: d.shop.name, code: d.shop.code }), date: formatInstant(d.recordedAt, locale) })}
      </Text>
    </Paper>
  );
}
