import { useEffect, useState } from 'react';
import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { onNavigate } from '../tickets/nav';
import { TicketsView } from '../tickets/TicketsView';
import { UncollectedList } from '../tickets/UncollectedList';
import { IntakePage } from './IntakePage';

/** The counter: intake (the default), the tickets as list or board, and devices waiting to be collected. */
export function CounterPage() {
  const t = useT();
  const [tab, setTab] = useState<string | null>('intake');
  useEffect(() => onNavigate((n) => n.kind === 'intake' && setTab('intake')), []);
  return (
    <Stack maw={1400} gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('ui.section.counter.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('ui.counter.intro')}
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
          <Tabs.Tab value="uncollected" data-testid="counter-tab-uncollected">
            {t('ui.counter.tab.uncollected')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="intake" pt="md">
          <IntakePage />
        </Tabs.Panel>
        <Tabs.Panel value="tickets" pt="md">
          {tab === 'tickets' ? <TicketsView /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="uncollected" pt="md">
          {tab === 'uncollected' ? <UncollectedList /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
