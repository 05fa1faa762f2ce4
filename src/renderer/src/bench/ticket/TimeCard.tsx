import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnterTime, useStartTimer, useStopTimer } from './actions';
import type { CardProps } from './types';

/** Time on the ticket: each technician's minutes, their running timer, minutes typed in after the fact. */
export function TimeCard({ wb }: CardProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const start = useStartTimer();
  const stop = useStopTimer();
  const enter = useEnterTime();
  const [minutes, setMinutes] = useState<number | string>('');
  const running = wb.timeLogs.some((l) => !l.endedAt && l.userId === user.id);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('ui.bench.section.time')}</Text>
        <Group gap="xs">
          {wb.minutesByUser.map((m) => (
            <Badge key={m.userId} variant="light">
              {t('ui.bench.time.total', { name: m.userName, minutes: m.minutes })}
            </Badge>
          ))}
        </Group>
      </Group>
      <Group mt="xs" align="flex-end">
        {running ? (
          <Button size="xs" color="red" onClick={() => void stop({})}>
            {t('ui.bench.time.stop')}
          </Button>
        ) : (
          <Button size="xs" onClick={() => void start({})} data-testid="timer-start">
            {t('ui.bench.time.start')}
          </Button>
        )}
        <NumberInput size="xs" w={110} label={t('ui.bench.time.minutes')} min={1} max={1440} value={minutes} onChange={setMinutes} />
        <Button size="xs" variant="light" disabled={!minutes} onClick={() => void enter({ minutes: Number(minutes) }).then((ok) => ok && setMinutes(''))}>
          {t('ui.bench.time.enter')}
        </Button>
      </Group>
    </Paper>
  );
}
