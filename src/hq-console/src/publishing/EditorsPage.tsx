import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n';
import { can } from '../shell/sections';
import { useMe } from '../shell/me';
import { PoliciesTab } from './policies/PoliciesTab';
import { ProgramsTab } from './programs/ProgramsTab';
import { CalendarTab } from './calendar/CalendarTab';
import { UsersTab } from './users/UsersTab';
import { SettingsTab } from './settings/SettingsTab';

/** Head office's editors: what it owns and publishes to the shops, each opening on what was last published. */
export function EditorsPage() {
  const { t } = useI18n();
  const me = useMe();
  const tabs = [
    { id: 'policies', Tab: PoliciesTab, shown: true },
    { id: 'programs', Tab: ProgramsTab, shown: true },
    { id: 'calendar', Tab: CalendarTab, shown: true },
    { id: 'users', Tab: UsersTab, shown: can(me.user.role, 'publishing.users.list') },
    { id: 'settings', Tab: SettingsTab, shown: can(me.user.role, 'publishing.settings.get') },
  ].filter((x) => x.shown);
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.publishing-editors')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.hq.pub.intro')}
      </Text>
      <Tabs defaultValue="policies" keepMounted={false}>
        <Tabs.List>
          {tabs.map(({ id }) => (
            <Tabs.Tab key={id} value={id} data-testid={`pub-tab-${id}`}>
              {t(`ui.hq.pub.tab.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ id, Tab }) => (
          <Tabs.Panel key={id} value={id} pt="md">
            <Tab />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
