import { Alert, Button, Group, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { isManager, useSession } from '../app/session';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The dashboard's warning when the shop is not protected: no backup folder, the last backup
 * failed, or no good backup for more than a day. Managers and admins only (they can act on it);
 * the words come from backup.status in the caller's language.
 */
export function BackupBanner() {
  const { user } = useSession();
  if (!isManager(user)) return null;
  return <Banner />;
}

function Banner() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const status = useCall('backup.status', {}, { silent: true, refetchInterval: 60_000 });
  const s = status.data;
  if (!s || s.alert === 'none') return null;
  return (
    <Alert color={s.alert === 'failed' ? 'red' : 'orange'} title={t('ui.backup.banner.title')} data-testid="backup-banner" data-alert={s.alert}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{s.alertMessage}</Text>
        <Button size="xs" variant="white" color={s.alert === 'failed' ? 'red' : 'orange'} onClick={() => navigate('/settings/backups')} data-testid="backup-banner-open">
          {t('ui.backup.banner.open')}
        </Button>
      </Group>
    </Alert>
  );
}
