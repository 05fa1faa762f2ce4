import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { HolidayCalendar } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n';
import type { Errors } from '../draft';

type Year = HolidayCalendar['years'][number];

/** One year of the calendar: its source (the State Council notice), days off as ranges, adjusted working days. */
export function YearFields({ year, index, set, errors }: { year: Year; index: number; set(y: Year): void; errors: Errors }) {
  const { t } = useI18n();
  const at = (k: string) => errors[`years.${index}.${k}`];
  const date = (value: string, label: string, error: string | undefined, onChange: (v: string) => void, testid: string) => (
    <TextInput aria-label={label} placeholder="YYYY-MM-DD" w={130} value={value} error={error} data-testid={testid} onChange={(e) => onChange(e.currentTarget.value.trim())} />
  );
  return (
    <Stack gap="sm" data-testid={`pub-calendar-year-${year.year}`}>
      <TextInput label={t('ui.hq.pub.calendar.source')} value={year.source} error={at('source')} onChange={(e) => set({ ...year, source: e.currentTarget.value })} />
      <Group justify="space-between">
        <Title order={5}>{t('ui.warranty.calendar.holidays')}</Title>
        <Button size="compact-xs" variant="light" data-testid="pub-calendar-add-range" onClick={() => set({ ...year, holidays: [...year.holidays, [`${year.year}-`, `${year.year}-`]] })}>
          {t('ui.hq.pub.calendar.addRange')}
        </Button>
      </Group>
      {year.holidays.map(([from, to], j) => (
        <Group key={j} gap={6} align="flex-start" data-testid={`pub-calendar-range-${j}`}>
          {date(from, t('ui.hq.pub.calendar.from'), at(`holidays.${j}.0`), (v) => set({ ...year, holidays: year.holidays.map((r, k) => (k === j ? [v, r[1]] : r)) }), `pub-range-from-${j}`)}
          <Text mt={6}>–</Text>
          {date(to, t('ui.hq.pub.calendar.to'), at(`holidays.${j}.1`) ?? at(`holidays.${j}`), (v) => set({ ...year, holidays: year.holidays.map((r, k) => (k === j ? [r[0], v] : r)) }), `pub-range-to-${j}`)}
          <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('ui.hq.pub.calendar.remove')} onClick={() => set({ ...year, holidays: year.holidays.filter((_, k) => k !== j) })}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Title order={5}>{t('ui.warranty.calendar.workdays')}</Title>
        <Button size="compact-xs" variant="light" onClick={() => set({ ...year, workdays: [...year.workdays, `${year.year}-`] })}>
          {t('ui.hq.pub.calendar.addWorkday')}
        </Button>
      </Group>
      <Group gap={6}>
        {year.workdays.map((d, j) => (
          <Group key={j} gap={2} align="flex-start">
            {date(d, t('ui.warranty.calendar.workdays'), at(`workdays.${j}`), (v) => set({ ...year, workdays: year.workdays.map((w, k) => (k === j ? v : w)) }), `pub-workday-${j}`)}
            <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('ui.hq.pub.calendar.remove')} onClick={() => set({ ...year, workdays: year.workdays.filter((_, k) => k !== j) })}>
              ×
            </ActionIcon>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
