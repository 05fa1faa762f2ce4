import '@mantine/charts/styles.css';
import { useTab } from '../nav/useNav';
import { Stack, Text, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { TabPages } from '../components/TabPages';
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
  const [tab, setTab] = useTab(0, manager ? ['dashboard', 'report', 'followUps', 'complaints'] : ['dashboard', 'followUps', 'complaints'], 'dashboard');
  return (
    <Stack maw={1280}>
      <div>
        <Title order={2}>{t('ui.section.reports.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ui.section.reports.intro')}
        </Text>
      </div>
      <TabPages
        value={tab}
        onChange={setTab}
        tabs={[
          { value: 'dashboard', label: t('ui.reports.tab.dashboard'), testId: 'reports-tab-dashboard', panel: <DashboardTab onOpen={setTab} /> },
          { value: 'report', label: t('ui.reports.tab.report'), testId: 'reports-tab-report', hidden: !manager, panel: <ReportTab /> },
          { value: 'followUps', label: t('ui.reports.tab.followUps'), testId: 'reports-tab-followUps', panel: <FollowUpsTab /> },
          { value: 'complaints', label: t('ui.reports.tab.complaints'), testId: 'reports-tab-complaints', panel: <ComplaintsTab /> },
        ]}
      />
    </Stack>
  );
}
