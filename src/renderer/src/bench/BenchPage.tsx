import { useEffect } from 'react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useCall, useFetchCall } from '../data/calls';
import { useSectionPath } from '../nav/useNav';
import { sectionOf } from '../nav/paths';
import { Queue } from './BenchQueue';
import { CallList } from './CallList';
import { PriceList } from './PriceList';

const QUEUES = ['mine', 'unassigned', 'all'] as const;
type Tab = (typeof QUEUES)[number] | 'calls' | 'prices';

/**
 * Where the bench is, from the URL: `#/bench/queue/<mine|unassigned|all>[/<ticket number>]`,
 * `#/bench/calls`, `#/bench/prices`.
 */
function useBenchPlace(counter: boolean): { tab: Tab; number: string | null; go(tab: Tab, number?: string | null): void } {
  const navigate = useNavigate();
  const rest = sectionOf(useSectionPath())?.rest ?? [];
  const allowed: Tab[] = [...QUEUES.filter((q) => !counter || q !== 'mine'), 'calls', 'prices'];
  const raw = (rest[0] === 'queue' ? rest[1] : rest[0]) as Tab | undefined;
  const tab: Tab = raw && allowed.includes(raw) ? raw : counter ? 'calls' : 'mine';
  const number = rest[0] === 'queue' ? (rest[2] ?? null) : null;
  const go = (next: Tab, n: string | null = null) =>
    navigate((QUEUES as readonly string[]).includes(next) ? `/bench/queue/${next}${n ? `/${encodeURIComponent(n)}` : ''}` : `/bench/${next}`);
  return { tab, number, go };
}

/** The Bench section: the technician's queue (mine, unassigned, all), the ticket at work, the call list and the price list. */
export function BenchPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { toast } = useErrorToast();
  const { tab, number, go } = useBenchPlace(user.role === 'counter');
  const found = useCall('tickets.byBarcode', { code: number ?? '' }, { enabled: !!number });
  const selected = number && found.data ? found.data : null;
  const queueTab = tab === 'calls' || tab === 'prices' ? 'all' : tab;
  const fetchCall = useFetchCall();
  const open = (code: string) => fetchCall('tickets.byBarcode', { code }).then((r) => go(queueTab, r.number), toast);
  useBarcodeScanner((code, info) => info.field === null && void open(code));
  useEffect(() => {
    const offs = [
      api.on('bench.ready', (p) => notifications.show({ color: 'green', message: t('ui.bench.events.ready', { number: p.number }) })),
      api.on('bench.needsApproval', (p) => notifications.show({ color: 'orange', message: t('ui.bench.events.approval', { number: p.number }) })),
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
      <Tabs value={tab} onChange={(v) => v && v !== tab && go(v as Tab, (QUEUES as readonly string[]).includes(v) ? number : null)}>
        <Tabs.List>
          {user.role !== 'counter' ? <Tabs.Tab value="mine" data-testid="bench-tab-mine">{t('ui.bench.tab.mine')}</Tabs.Tab> : null}
          <Tabs.Tab value="unassigned" data-testid="bench-tab-unassigned">{t('ui.bench.tab.unassigned')}</Tabs.Tab>
          <Tabs.Tab value="all" data-testid="bench-tab-all">{t('ui.bench.tab.all')}</Tabs.Tab>
          <Tabs.Tab value="calls" data-testid="bench-tab-calls">{t('ui.bench.tab.calls')}</Tabs.Tab>
          <Tabs.Tab value="prices" data-testid="bench-tab-prices">{t('ui.bench.tab.priceList')}</Tabs.Tab>
        </Tabs.List>
        {QUEUES.map((who) => (
          <Tabs.Panel key={who} value={who} pt="md">
            {tab === who ? <Queue who={who} selected={selected} onSelect={(r) => go(who, r.number)} onScan={(c) => void open(c)} /> : null}
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="calls" pt="md">
          {tab === 'calls' ? <CallList onOpen={(r) => go('all', r.number)} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="prices" pt="md">
          {tab === 'prices' ? <PriceList /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
