import { Stack, Tabs, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { ShopSettingsPanel } from './ShopSettingsPanel';
import { UsersPanel } from './UsersPanel';
import { MyAccountPanel } from './MyAccountPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { AboutPanel } from './AboutPanel';
import { SyncPanel } from '../sync/SyncPanel';
import { WarrantyPanel } from '../warranty/WarrantyPanel';
import { PrintingPanel } from '../printing/PrintingPanel';

/** Settings: shop, users (managers), own account, audit log (managers), about. */
export function SettingsPage() {
  const t = useT();
  const { user } = useSession();
  const manager = isManager(user);
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('ui.section.settings.title')}</Title>
      {/* keepMounted=false: each tab loads fresh data when opened. */}
      <Tabs defaultValue="shop" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="shop">{t('ui.settings.tab.shop')}</Tabs.Tab>
          {manager ? <Tabs.Tab value="users">{t('ui.settings.tab.users')}</Tabs.Tab> : null}
          <Tabs.Tab value="account">{t('ui.settings.tab.account')}</Tabs.Tab>
          {manager ? <Tabs.Tab value="audit">{t('ui.settings.tab.audit')}</Tabs.Tab> : null}
          <Tabs.Tab value="warranty">{t('ui.warranty.tab')}</Tabs.Tab>
          <Tabs.Tab value="printing">{t('ui.printing.tab')}</Tabs.Tab>
          <Tabs.Tab value="sync">{t('ui.sync.tab')}</Tabs.Tab>
          <Tabs.Tab value="about">{t('ui.settings.tab.about')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="shop" pt="md">
          <ShopSettingsPanel />
        </Tabs.Panel>
        {manager ? (
          <Tabs.Panel value="users" pt="md">
            <UsersPanel />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="account" pt="md">
          <MyAccountPanel />
        </Tabs.Panel>
        {manager ? (
          <Tabs.Panel value="audit" pt="md">
            <AuditLogPanel />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="warranty" pt="md">
          <WarrantyPanel />
        </Tabs.Panel>
        <Tabs.Panel value="printing" pt="md">
          <PrintingPanel />
        </Tabs.Panel>
        <Tabs.Panel value="sync" pt="md">
          <SyncPanel />
        </Tabs.Panel>
        <Tabs.Panel value="about" pt="md">
          <AboutPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
