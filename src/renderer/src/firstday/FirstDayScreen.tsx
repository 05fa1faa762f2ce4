import { Button, Group } from '@mantine/core';
import { AuthFrame } from '../components/AuthFrame';
import { useT } from '../i18n/I18nProvider';
import { FirstDaySteps } from './FirstDaySteps';

/** The wizard, continued: the admin is signed in, and the shop's starter data comes next (or later). */
export function FirstDayScreen({ onDone }: { onDone(): void }) {
  const t = useT();
  return (
    <AuthFrame title={t('ui.firstday.title')} subtitle={t('ui.firstday.subtitle')} width={1080}>
      <FirstDaySteps onDone={onDone} />
      <Group justify="center">
        <Button variant="subtle" size="xs" onClick={onDone} data-testid="firstday-later">
          {t('ui.firstday.later')}
        </Button>
      </Group>
    </AuthFrame>
  );
}
