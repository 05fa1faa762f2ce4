import { Stack, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { TabPages } from '../components/TabPages';
import { useT } from '../i18n/I18nProvider';
import { ShopSettingsPanel } from './ShopSettingsPanel';
import { UsersPanel } from './UsersPanel';
import { MyAccountPanel } from './MyAccountPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { AboutPanel } from './AboutPanel';
import { SyncPanel } from '../sync/SyncPanel';
import { WarrantyPanel } from '../warranty/WarrantyPanel';
import { PrintingPanel } from '../printing/PrintingPanel';
import { BackupsPanel } from '../backup/BackupsPanel';
import { CatalogPlacePanel } from './CatalogPlacePanel';
import { MessagingPanel } from './MessagingPanel';

/** Settings: shop, price list & parts catalog (managers), users (managers), own account, audit log (managers), about. */
export function SettingsPage() {
  const t = useT();
  const { user } = useSession();
  const manager = isManager(user);
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('ui.section.settings.title')}</Title>
      <TabPages
        defaultValue="shop"
        tabs={[
          { value: 'shop', label: t('ui.settings.tab.shop'), panel: <ShopSettingsPanel /> },
          { value: 'catalog', label: t('ui.catalogPlace.tab'), hidden: !manager, testId: 'settings-tab-catalog', panel: <CatalogPlacePanel /> },
          { value: 'users', label: t('ui.settings.tab.users'), hidden: !manager, panel: <UsersPanel /> },
          { value: 'account', label: t('ui.settings.tab.account'), panel: <MyAccountPanel /> },
          { value: 'audit', label: t('ui.settings.tab.audit'), hidden: !manager, panel: <AuditLogPanel /> },
          { value: 'warranty', label: t('ui.warranty.tab'), panel: <WarrantyPanel /> },
          { value: 'printing', label: t('ui.printing.tab'), panel: <PrintingPanel /> },
          { value: 'sync', label: t('ui.sync.tab'), panel: <SyncPanel /> },
          { value: 'messages', label: t('ui.messaging.tab'), hidden: !manager, testId: 'settings-tab-messages', panel: <MessagingPanel /> },
          { value: 'backups', label: t('ui.backup.tab'), hidden: !manager, testId: 'settings-tab-backups', panel: <BackupsPanel /> },
          { value: 'about', label: t('ui.settings.tab.about'), panel: <AboutPanel /> },
        ]}
      />
    </Stack>
  );
}
