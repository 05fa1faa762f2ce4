import '@mantine/charts/styles.css';
import { useState } from 'react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { DashboardTab } from './DashboardTab';
import { ReportTab } from './ReportTab';
import { FollowUpsTab } from './FollowUpsTab';
import { ComplaintsTab } from './ComplaintsTab';

/** The Reports section: today and this week, the report with drill-down and exports, follow-ups (回访), complaints (投诉). */
export function ReportsPage() {
  const t = useT();
  const { user } = useSession();
  const manager = isManager(user);
  const [tab, setTab] = useState<string | null>('dashboard');
  return (
    <Stack maw={1280}>
      <div>
        <Title order={2}>{t('ui.section.reports.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ui.section.reports.intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dashboard" data-testid="reports-tab-dashboard">{t('ui.reports.tab.dashboard')}</Tabs.Tab>
          {manager ? <Tabs.Tab value="report" data-testid="reports-tab-report">{t('ui.reports.tab.report')}</Tabs.Tab> : null}
          <Tabs.Tab value="followUps" data-testid="reports-tab-followUps">{t('ui.reports.tab.followUps')}</Tabs.Tab>
          <Tabs.Tab value="complaints" data-testid="reports-tab-complaints">{t('ui.reports.tab.complaints')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <DashboardTab onOpen={setTab} />
        </Tabs.Panel>
        {manager ? (
          <Tabs.Panel value="report" pt="md">
            <ReportTab />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="followUps" pt="md">
          <FollowUpsTab />
        </Tabs.Panel>
        <Tabs.Panel value="complaints" pt="md">
          <ComplaintsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
