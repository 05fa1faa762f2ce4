import { useCallback, useEffect, useState } from 'react';
import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { NavState } from '../nav/paths';
import { useT } from '../i18n/I18nProvider';
import { useTab } from '../nav/useNav';
import { TicketsView } from '../tickets/TicketsView';
import { UncollectedList } from '../tickets/UncollectedList';
import { IntakePage } from './IntakePage';
import { CollectionPanel } from '../collection/CollectionPanel';
import { DailyClosePanel } from '../collection/DailyClosePanel';
import { ClaimsPanel } from '../collection/ClaimsPanel';
import { CounterQueues } from '../collection/CounterQueues';
import { atIdle } from '../app/chunks';
import { usePrefetchCall } from '../data/calls';
import { listInput, NO_FILTERS } from '../tickets/TicketFilters';

const COUNTER_TABS = ['intake', 'tickets', 'queues', 'uncollected', 'collect', 'close', 'claims'] as const;

/** The counter: intake (the default), the tickets as list or board, the queues to act on (pickup, approval, due), and the long uncollected. */
export function CounterPage() {
  const t = useT();
  const [tab, setTab] = useTab(0, COUNTER_TABS, 'intake');
  // A ticket handed over from its drawer ("hand back") opens a collection of its own.
  const location = useLocation();
  const navigate = useNavigate();
  const handed = (location.state as NavState | null)?.collect ?? null;
  // "New intake for this customer" from search or a customer card: the customer rides in this
  // history entry's state; taken once (the entry then forgets it) and handed to the intake.
  const intakeFor = (location.state as NavState | null)?.intakeFor ?? null;
  const [startFor, setStartFor] = useState<string | null>(null);
  useEffect(() => {
    if (!intakeFor) return;
    navigate(location.pathname, { replace: true, state: null });
    setStartFor(intakeFor);
  }, [intakeFor, location.pathname, navigate]);
  const started = useCallback(() => setStartFor(null), []);
  // The ticket list is the counter's next look after intake: its first page is asked when the
  // page is idle, so the tab shows its rows at once (TicketsView asks the same, then refreshes).
  const prefetch = usePrefetchCall();
  useEffect(
    () =>
      void atIdle(() => {
        void prefetch('tickets.list', { ...listInput(NO_FILTERS), limit: 50 }, { pages: true });
        void prefetch('tickets.technicians', {});
      }),
    // once per counter visit
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <Stack maw={1400} gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('ui.section.counter.title')}</Title>
          <Text c="dimmed" size="sm">
            {t(`ui.counter.intro.${tab}`)}
          </Text>
        </div>
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="intake" data-testid="counter-tab-intake">
            {t('ui.counter.tab.intake')}
          </Tabs.Tab>
          <Tabs.Tab value="tickets" data-testid="counter-tab-tickets">
            {t('ui.counter.tab.tickets')}
          </Tabs.Tab>
          <Tabs.Tab value="queues" data-testid="counter-tab-queues">
            {t('ui.counter.tab.queues')}
          </Tabs.Tab>
          <Tabs.Tab value="uncollected" data-testid="counter-tab-uncollected">
            {t('ui.counter.tab.uncollected')}
          </Tabs.Tab>
          <Tabs.Tab value="collect" data-testid="counter-tab-collect">
            {t('ui.collection.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="close" data-testid="counter-tab-close">
            {t('ui.collection.tabClose')}
          </Tabs.Tab>
          <Tabs.Tab value="claims" data-testid="counter-tab-claims">
            {t('ui.collection.tabClaims')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="intake" pt="md">
          <IntakePage startFor={startFor} onStarted={started} />
        </Tabs.Panel>
        <Tabs.Panel value="tickets" pt="md">
          {tab === 'tickets' ? <TicketsView /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="queues" pt="md">
          {tab === 'queues' ? <CounterQueues /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="uncollected" pt="md">
          {tab === 'uncollected' ? <UncollectedList /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="collect" pt="md">
          {tab === 'collect' ? <CollectionPanel key={handed ?? ''} initial={handed} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="close" pt="md">
          {tab === 'close' ? <DailyClosePanel /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="claims" pt="md">
          {tab === 'claims' ? <ClaimsPanel /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
