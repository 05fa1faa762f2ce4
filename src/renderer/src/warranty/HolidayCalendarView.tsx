import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCall } from '../data/calls';
import { useT } from '../i18n/I18nProvider';
import { sourceColor } from './labels';

/** The public-holiday schedule the engine uses (read-only here; head office or an admin's data). */
export function HolidayCalendarView() {
  const t = useT();
  const cal = useCall('warranty.calendar.get', {}).data;
  if (!cal) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  const c = cal.current;
  return (
    <Stack data-testid="warranty-calendar">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {t('ui.warranty.calendar.intro')}
        </Text>
        <Group gap="xs">
          <Badge variant="light" tt="none" color={sourceColor[c.source]}>
            {t(`ui.warranty.source.${c.source}`)}
          </Badge>
          <Badge variant="outline" tt="none">{t('ui.warranty.calendar.version', { n: c.versionNo })}</Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {[...c.calendar.years].reverse().map((y) => (
          <Paper key={y.year} withBorder p="sm">
            <Title order={4}>{t('ui.warranty.calendar.year', { year: y.year })}</Title>
            <Text size="xs" c="dimmed" mb="xs">
              {y.source}
            </Text>
            <Text size="sm" fw={600}>
              {t('ui.warranty.calendar.holidays')}
            </Text>
            {y.holidays.map(([from, to]) => (
              <Text size="sm" key={from} ff="monospace">
                {from === to ? from : `${from} – ${to.slice(5)}`}
              </Text>
            ))}
            <Text size="sm" fw={600} mt="xs">
              {t('ui.warranty.calendar.workdays')}
            </Text>
            <Text size="sm" ff="monospace">
              {y.workdays.join('  ') || '—'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
