import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { isValidImei, normalizeImei, normalizeSerial } from '../../../shared/devices/imei';
import type { DeviceLookup } from '../../../shared/sync/procedures';
import { localDate } from '../../../shared/time/local-date';
import { useCall } from '../data/calls';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { calendarDate, yuan } from '../tickets/format';

type Online = Extract<DeviceLookup, { online: true }>;
type RemoteTicket = Online['tickets'][number];
type RemoteDevice = Online['devices'][number];

const SERIAL_RE = /^[A-Z0-9][A-Z0-9\-/.]{2,59}$/;
const PAYMENT_COLOR = { warranty: 'teal', paid: 'orange', mixed: 'yellow', none: 'gray' } as const;

/** What can be asked of head office: a complete, valid IMEI and/or a well-formed serial. */
export function lookupQuery(imei: string, serial: string): { imei?: string; serial?: string } | null {
  const i = normalizeImei(imei);
  const s = normalizeSerial(serial);
  const q = { ...(isValidImei(i) ? { imei: i } : {}), ...(SERIAL_RE.test(s) ? { serial: s } : {}) };
  return q.imei || q.serial ? q : null;
}

/**
 * The nationwide service (全国联保) at the counter: the device's record at every shop — its purchase
 * registration and every repair — asked of head office. A valid IMEI (or a picked device) is looked
 * up by itself after a short pause; a typed serial on request. Offline it says so, and the intake
 * goes on with this shop's records: nothing here blocks saving.
 */
export function NationwideHistory({ imei, serial, auto }: { imei: string; serial: string; auto: boolean }) {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  const tz = shop?.settings.timeZone ?? 'Asia/Shanghai';
  const query = lookupQuery(imei, serial);
  const key = query ? JSON.stringify(query) : '';
  // A valid IMEI (or a picked device) is asked 600 ms after it stops changing; a serial when the button asks.
  const [settled] = useDebouncedValue(key, 600);
  const [asked, setAsked] = useState('');
  const enabled = key !== '' && ((settled === key && (auto || query?.imei !== undefined)) || asked === key);
  const lookup = useCall('sync.lookupDevice', query ?? {}, { enabled, silent: true });
  const current: { loading: boolean; result: DeviceLookup | null; error: string | null } = enabled
    ? { loading: lookup.isFetching && !lookup.data, result: lookup.data ?? null, error: lookup.error?.message ?? null }
    : { loading: false, result: null, error: null };
  const run = () => (enabled ? void lookup.refetch() : setAsked(key));
  const day = (iso: string | null) => (iso ? calendarDate(localDate(new Date(iso), tz), locale) : '');
  const shopLabel = (s: { code: string; name: string; own: boolean }) => (s.own ? t('ui.sync.nationwide.thisShop') : t('ui.sync.nationwide.shop', { name: s.name, code: s.code }));

  return (
    <Paper withBorder p="md" data-testid="nationwide">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{t('ui.sync.nationwide.title')}</Title>
        <Button size="compact-xs" variant="light" disabled={!key} loading={enabled && lookup.isFetching} onClick={() => key && run()} tabIndex={-1} data-testid="nationwide-lookup">
          {current.result || current.error ? t('ui.sync.nationwide.again') : t('ui.sync.nationwide.lookup')}
        </Button>
      </Group>
      {!key ? (
        <Text size="sm" c="dimmed">
          {t('ui.sync.nationwide.empty')}
        </Text>
      ) : current.loading ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('ui.sync.nationwide.loading')}
          </Text>
        </Group>
      ) : current.error ? (
        <Alert color="yellow" variant="light" title={t('ui.sync.nationwide.offlineTitle')} data-testid="nationwide-offline">
          {current.error}
        </Alert>
      ) : !current.result ? (
        <Text size="sm" c="dimmed">
          {t('ui.sync.nationwide.ready')}
        </Text>
      ) : !current.result.online ? (
        <Alert
          color={current.result.reason === 'not_enrolled' ? 'gray' : 'yellow'}
          variant="light"
          title={t(current.result.reason === 'not_enrolled' ? 'ui.sync.nationwide.notEnrolledTitle' : 'ui.sync.nationwide.offlineTitle')}
          data-testid="nationwide-offline"
          data-reason={current.result.reason}
        >
          {current.result.message}
        </Alert>
      ) : current.result.devices.length === 0 ? (
        <Text size="sm" data-testid="nationwide-none">
          {t('ui.sync.nationwide.none')}
        </Text>
      ) : (
        <OnlineAnswer r={current.result} day={day} shopLabel={shopLabel} tz={tz} />
      )}
    </Paper>
  );
}

function OnlineAnswer({ r, day, shopLabel, tz }: { r: Online; day: (iso: string | null) => string; shopLabel: (s: RemoteDevice['shop']) => string; tz: string }) {
  const { t, locale } = useI18n();
  const reg = r.registration;
  const shops = new Set(r.tickets.map((x) => `${x.shop.code}`)).size;
  return (
    <Stack gap="xs" data-testid="nationwide-answer">
      {reg ? (
        <Paper bg="var(--mantine-color-gray-light)" p="xs" data-testid="nationwide-registration">
          <Text size="sm" fw={600}>
            {t('ui.sync.nationwide.registration')}
          </Text>
          <Text size="sm">
            {[`${reg.brand} ${reg.model}`.trim(), reg.colour, t(`devices.category.${reg.category}`)].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm">
            {[
              t(`devices.proof.${reg.proofKind}`) + (reg.invoiceNo ? ` ${reg.invoiceNo}` : ''),
              reg.invoiceDate ? t('ui.sync.nationwide.invoiceDate', { date: calendarDate(reg.invoiceDate, locale) }) : '',
              reg.purchaseDate && reg.purchaseDate !== reg.invoiceDate ? t('ui.counter.device.boughtOn', { date: calendarDate(reg.purchaseDate, locale) }) : '',
              reg.invoicePriceFen !== null ? t('ui.sync.nationwide.price', { price: yuan(reg.invoicePriceFen, locale) }) : '',
              reg.seller ? t('ui.sync.nationwide.seller', { seller: reg.seller }) : '',
              reg.exchangeDate ? t('ui.sync.nationwide.exchanged', { date: calendarDate(reg.exchangeDate, locale) }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('ui.sync.nationwide.recordedBy', { shop: shopLabel(reg.shop), date: day(reg.recordedAt) })}
            {r.devices.length > 1 ? ` · ${t('ui.sync.nationwide.records', { n: r.devices.length })}` : ''}
          </Text>
        </Paper>
      ) : null}
      <Text size="sm" fw={600}>
        {r.tickets.length === 0 ? t('ui.sync.nationwide.noVisits') : t('ui.sync.nationwide.visits', { n: r.tickets.length, shops })}
      </Text>
      <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
        <Stack gap={6}>
          {r.tickets.map((x) => (
            <Visit key={`${x.shop.code}-${x.number}`} x={x} day={day} shopLabel={shopLabel} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed">
        {t('ui.sync.nationwide.asOf', { at: formatInstant(r.at, locale, tz) })}
        {r.truncated ? ` · ${t('ui.sync.nationwide.truncated')}` : ''}
      </Text>
    </Stack>
  );
}

function Visit({ x, day, shopLabel }: { x: RemoteTicket; day: (iso: string | null) => string; shopLabel: (s: RemoteTicket['shop']) => string }) {
  const { t, locale } = useI18n();
  const faults = [x.faultText, ...x.faultCodes.map((c) => t(`devices.fault.${c}`))].filter(Boolean);
  const sep = locale === 'zh-CN' ? { clause: '；', item: '、' } : { clause: '; ', item: ', ' };
  return (
    <Paper withBorder p="xs" data-testid="nationwide-visit" data-own={x.shop.own ? '1' : '0'}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {day(x.receivedAt)}
          {x.collectedAt ? ` → ${day(x.collectedAt)}` : ''}
        </Text>
        <Badge size="sm" variant={x.shop.own ? 'filled' : 'light'} tt="none">
          {shopLabel(x.shop)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {x.number} · {t(`tickets.status.${x.status}`)}
        {x.cancelledAt ? '' : x.collectedAt ? '' : ` · ${t('ui.sync.nationwide.inShop')}`}
      </Text>
      {faults.length > 0 ? <Text size="sm">{t('ui.sync.nationwide.fault', { fault: [...new Set(faults)].join(sep.clause) })}</Text> : null}
      {x.diagnosis ? <Text size="sm">{t('ui.sync.nationwide.diagnosis', { diagnosis: x.diagnosis })}</Text> : null}
      {x.work.length > 0 ? (
        <Text size="sm">{t('ui.sync.nationwide.work', { work: x.work.map((w) => (w.qty > 1 ? `${w.description} ×${w.qty}` : w.description)).join(sep.item) })}</Text>
      ) : null}
      <Group gap={4} mt={4}>
        {x.outcome ? (
          <Badge size="sm" variant="outline" tt="none">
            {t(`ui.bench.outcome.${x.outcome}`)}
          </Badge>
        ) : null}
        {x.sanbao ? (
          <Badge size="sm" variant="outline" color="grape" tt="none">
            {t('ui.sync.nationwide.sanbao', { option: t(`warranty.option.${x.sanbao}`) })}
          </Badge>
        ) : null}
        {x.warrantyClaimed ? (
          <Badge size="sm" variant="light" color="blue" tt="none">
            {t('ui.sync.nationwide.claimed')}
          </Badge>
        ) : null}
        {x.payment !== 'none' ? (
          <Badge size="sm" variant="light" color={PAYMENT_COLOR[x.payment]} tt="none" data-testid="nationwide-payment">
            {t(`ui.sync.nationwide.payment.${x.payment}`)}
            {x.customerFen ? ` ${yuan(x.customerFen, locale)}` : ''}
          </Badge>
        ) : null}
      </Group>
    </Paper>
  );
}
