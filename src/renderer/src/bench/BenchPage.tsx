import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Grid, Group, NumberInput, Paper, ScrollArea, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { CATEGORY_IDS } from '../../../shared/warranty/schemas';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { money } from '../stock/format';
import { TicketBench } from './TicketBench';
import { CoverageBadge } from '../tickets/TicketBadges';
import { parseYuan } from '../../../shared/money';

type Row = OutputOf<Procedures['bench.queue']>[number];
type CallRow = OutputOf<Procedures['bench.callList']>[number];
type PriceItem = OutputOf<Procedures['priceList.list']>[number];

/** The Bench section: the technician's queue (mine, unassigned, all), the ticket at work, the call list and the price list. */
export function BenchPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [tab, setTab] = useState<string | null>(user.role === 'counter' ? 'calls' : 'mine');
  const [selected, setSelected] = useState<{ id: string; number: string } | null>(null);
  const { toast } = useErrorToast();
  const open = useCallback(
    async (code: string) => {
      try {
        const r = await api.call('tickets.byBarcode', { code });
        setSelected(r);
        if (tab === 'calls' || tab === 'prices') setTab('all');
      } catch (e) {
        toast(e);
      }
    },
    [tab, toast],
  );
  useBarcodeScanner((code) => void open(code));
  useEffect(() => {
    const offs = [
      api.on('bench.ready', (p) => notifications.show({ color: 'green', message: t('ui.bench.events.ready', { number: (p as { number: string }).number }) })),
      api.on('bench.needsApproval', (p) => notifications.show({ color: 'orange', message: t('ui.bench.events.approval', { number: (p as { number: string }).number }) })),
    ];
    return () => offs.forEach((o) => o());
  }, [t]);
  return (
    <Stack maw={1500}>
      <div>
        <Title order={2}>{t('ui.section.bench.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ui.section.bench.intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {user.role !== 'counter' ? <Tabs.Tab value="mine" data-testid="bench-tab-mine">{t('ui.bench.tab.mine')}</Tabs.Tab> : null}
          <Tabs.Tab value="unassigned" data-testid="bench-tab-unassigned">{t('ui.bench.tab.unassigned')}</Tabs.Tab>
          <Tabs.Tab value="all" data-testid="bench-tab-all">{t('ui.bench.tab.all')}</Tabs.Tab>
          <Tabs.Tab value="calls" data-testid="bench-tab-calls">{t('ui.bench.tab.calls')}</Tabs.Tab>
          <Tabs.Tab value="prices" data-testid="bench-tab-prices">{t('ui.bench.tab.priceList')}</Tabs.Tab>
        </Tabs.List>
        {(['mine', 'unassigned', 'all'] as const).map((who) => (
          <Tabs.Panel key={who} value={who} pt="md">
            <Queue who={who} selected={selected} onSelect={setSelected} onScan={open} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="calls" pt="md">
          <CallList onOpen={(r) => (setSelected({ id: r.ticketId, number: r.number }), setTab('all'))} />
        </Tabs.Panel>
        <Tabs.Panel value="prices" pt="md">
          <PriceList />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Queue({ who, selected, onSelect, onScan }: { who: string; selected: { id: string; number: string } | null; onSelect(r: { id: string; number: string }): void; onScan(code: string): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const [rows, setRows] = useState<Row[]>([]);
  const [code, setCode] = useState('');
  const load = useCallback(() => void api.call('bench.queue', { who: who === 'mine' ? 'me' : who }).then(setRows).catch(toast), [who, toast]);
  useEffect(() => {
    load();
    return api.on('tickets.changed', () => load());
  }, [load]);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="xs">
          <TextInput
            size="xs"
            placeholder={t('ui.bench.scanHint')}
            value={code}
            data-testid="bench-scan"
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && code.trim()) {
                onScan(code.trim());
                setCode('');
              }
            }}
          />
          {rows.length === 0 ? <Text c="dimmed">{t('ui.bench.empty')}</Text> : null}
          <ScrollArea.Autosize mah={720}>
            <Table highlightOnHover data-testid="bench-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.bench.col.number')}</Table.Th>
                  <Table.Th>{t('ui.bench.col.device')}</Table.Th>
                  <Table.Th>{t('ui.bench.col.status')}</Table.Th>
                  <Table.Th>{t('ui.bench.col.promised')}</Table.Th>
                  <Table.Th>{t('ui.bench.col.legal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} onClick={() => onSelect({ id: r.id, number: r.number })} style={{ cursor: 'pointer' }} bg={selected?.id === r.id ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.number}
                      </Text>
                      <Group gap={4}>
                        {r.priority > 0 ? <Badge size="xs" color="red">{t(`ui.bench.priority.${r.priority}`)}</Badge> : null}
                        <CoverageBadge coverage={r.coverage} size="xs" />
                        {r.loanerDue ? <Badge size="xs" color="orange">{t('ui.bench.loanerDue')}</Badge> : null}
                        {r.timerRunning ? <Badge size="xs" color="teal">{t('ui.bench.timerOn')}</Badge> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.device.brand} {r.device.model}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.customer.name} · {t('ui.bench.days', { n: r.flags.daysOpen })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`ui.bench.status.${r.status}`)}</Badge>
                      {r.customerTotalFen !== null ? <Text size="xs">{money(r.customerTotalFen, locale)}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={r.flags.overdue ? 'red' : undefined}>
                        {r.promisedDate}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.legalDaysLeft !== null ? (
                        <Text size="sm" c={r.legalDaysLeft < 5 ? 'red' : undefined}>
                          {r.legalDaysLeft >= 0 ? t('ui.bench.daysLeft', { n: r.legalDaysLeft }) : t('ui.bench.daysOver', { n: -r.legalDaysLeft })}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {selected ? (
          <Stack gap="xs">
            <Assignment ticketId={selected.id} onChanged={load} />
            <TicketBench key={selected.id} ticketId={selected.id} number={selected.number} onChanged={load} />
          </Stack>
        ) : (
          <Alert color="gray">{t('ui.bench.pickTicket')}</Alert>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** Claim (a technician) or assign (a manager). */
function Assignment({ ticketId, onChanged }: { ticketId: string; onChanged(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { toast } = useErrorToast();
  const [techs, setTechs] = useState<{ id: string; displayName: string }[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    void api.call('tickets.get', { id: ticketId }).then((d) => setCurrent(d.technician?.id ?? null)).catch(() => undefined);
    if (user.role === 'manager' || user.role === 'admin') void api.call('users.list', {}).then((u) => setTechs(u.filter((x) => x.role !== 'counter' && !x.disabled))).catch(() => undefined);
  }, [ticketId, user.role]);
  if (user.role === 'counter') return null;
  if (user.role === 'technician')
    return current === user.id ? null : (
      <Group>
        <Button size="xs" data-testid="bench-claim" disabled={current !== null} onClick={() => void api.call('bench.claim', { ticketId }).then(() => (setCurrent(user.id), onChanged())).catch(toast)}>
          {t('ui.bench.claim')}
        </Button>
      </Group>
    );
  return (
    <Select
      size="xs"
      w={240}
      label={t('ui.bench.assignTo')}
      placeholder={t('ui.bench.unassigned')}
      data={techs.map((u) => ({ value: u.id, label: u.displayName }))}
      value={current}
      clearable
      onChange={(v) => void api.call('bench.assign', { ticketId, technicianId: v }).then(() => (setCurrent(v), onChanged())).catch(toast)}
    />
  );
}

function CallList({ onOpen }: { onOpen(r: CallRow): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const [rows, setRows] = useState<CallRow[]>([]);
  const load = useCallback(() => void api.call('bench.callList', {}).then(setRows).catch(toast), [toast]);
  useEffect(() => {
    load();
    const offs = [api.on('tickets.changed', load), api.on('bench.called', load)];
    return () => offs.forEach((o) => o());
  }, [load]);
  if (rows.length === 0) return <Text c="dimmed">{t('ui.bench.calls.none')}</Text>;
  return (
    <Table data-testid="call-list" highlightOnHover>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ticketId}>
            <Table.Td>
              <Badge color={r.reason === 'ready' ? 'green' : 'orange'}>{t(`ui.bench.calls.${r.reason}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('ui.bench.calls.since', { at: formatInstant(r.since, locale) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => onOpen(r)}>
                {r.number}
              </Button>
              <Text size="xs">{r.device}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.customerName}
              </Text>
              <Text size="sm">{r.phones.join(' / ')}</Text>
            </Table.Td>
            <Table.Td>
              {r.customerTotalFen !== null ? <Text size="sm">{money(r.customerTotalFen, locale)}</Text> : null}
              {r.lastCall ? <Text size="xs" c="dimmed">{t('ui.bench.calls.last', { result: t(`ui.bench.calls.${r.lastCall.result}`), at: formatInstant(r.lastCall.at, locale) })}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {(['reached', 'no_answer', 'left_message'] as const).map((res) => (
                  <Button key={res} size="compact-xs" variant="light" onClick={() => void api.call('bench.logCall', { ticketId: r.ticketId, result: res }).then(load).catch(toast)}>
                    {t(`ui.bench.calls.${res}`)}
                  </Button>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const EMPTY = { code: '', kind: 'labor' as 'labor' | 'fee', nameZh: '', nameEn: '', category: '', price: '' as number | string, diagnosisFee: false };

function PriceList() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { toast } = useErrorToast();
  const [items, setItems] = useState<PriceItem[]>([]);
  const [enrolled, setEnrolled] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const load = useCallback(() => void api.call('priceList.list', { includeInactive: true }).then(setItems).catch(toast), [toast]);
  useEffect(() => {
    load();
    void api.call('shop.get', {}).then((s) => setEnrolled(s.settings.enrolled)).catch(() => undefined);
  }, [load]);
  const editable = user.role === 'admin' && !enrolled;
  return (
    <Stack>
      {enrolled ? <Alert color="blue">{t('ui.bench.price.hqOwned')}</Alert> : null}
      <Table striped data-testid="price-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.bench.price.code')}</Table.Th>
            <Table.Th>{t('ui.bench.price.kind')}</Table.Th>
            <Table.Th>{t('ui.bench.price.name')}</Table.Th>
            <Table.Th>{t('ui.bench.price.category')}</Table.Th>
            <Table.Th ta="right">{t('ui.bench.price.price')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} opacity={p.active ? 1 : 0.5}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>
                {t(`ui.bench.price.kind.${p.kind}`)} {p.diagnosisFee ? <Badge size="xs">{t('ui.bench.price.diagnosisFee')}</Badge> : null}
              </Table.Td>
              <Table.Td>{locale === 'en' && p.nameEn ? p.nameEn : p.nameZh}</Table.Td>
              <Table.Td>{p.category ? t(`warranty.category.${p.category}`) : t('ui.bench.price.allCategories')}</Table.Td>
              <Table.Td ta="right">{money(p.priceFen, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {t('ui.bench.price.add')}
          </Text>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" w={120} label={t('ui.bench.price.code')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })} />
            <Select size="xs" w={90} label={t('ui.bench.price.kind')} data={(['labor', 'fee'] as const).map((k) => ({ value: k, label: t(`ui.bench.price.kind.${k}`) }))} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: (v ?? 'labor') as 'labor' })} allowDeselect={false} />
            <TextInput size="xs" label={t('ui.bench.price.name')} value={draft.nameZh} onChange={(e) => setDraft({ ...draft, nameZh: e.currentTarget.value })} />
            <TextInput size="xs" label={t('ui.bench.price.nameEn')} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} />
            <Select
              size="xs"
              w={140}
              label={t('ui.bench.price.category')}
              data={[{ value: '', label: t('ui.bench.price.allCategories') }, ...CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))]}
              value={draft.category}
              onChange={(v) => setDraft({ ...draft, category: v ?? '' })}
              allowDeselect={false}
            />
            <NumberInput size="xs" w={100} label={t('ui.bench.price.price')} min={0} decimalScale={2} value={draft.price} onChange={(v) => setDraft({ ...draft, price: v })} />
            <Checkbox size="xs" label={t('ui.bench.price.diagnosisFee')} checked={draft.diagnosisFee} onChange={(e) => setDraft({ ...draft, diagnosisFee: e.currentTarget.checked })} />
            <Button
              size="xs"
              onClick={() =>
                void api
                  .call('priceList.save', { code: draft.code, kind: draft.kind, nameZh: draft.nameZh, nameEn: draft.nameEn, category: draft.category as '', priceFen: parseYuan(draft.price) ?? 0, diagnosisFee: draft.diagnosisFee })
                  .then(() => (setDraft(EMPTY), load()))
                  .catch(toast)
              }
            >
              {t('ui.bench.price.save')}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
