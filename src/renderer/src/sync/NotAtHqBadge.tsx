import { Badge, Tooltip } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/** "Not yet at head office": a record written here that the next sync will send. */
export function NotAtHqBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const t = useT();
  return (
    <Tooltip label={t('ui.sync.notAtHqHint')} withArrow openDelay={300}>
      <Badge size={size} variant="outline" color="orange" tt="none" data-testid="badge-not-at-hq" styles={{ root: { flexShrink: 0 } }}>
        {t('ui.sync.notAtHq')}
      </Badge>
    </Tooltip>
  );
}
