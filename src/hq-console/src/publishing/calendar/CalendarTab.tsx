import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { calendarProblems } from '../../../../shared/hq-console/publishing-calendar';
import { holidayCalendarSchema, type HolidayCalendar } from '../../../../shared/warranty/schemas';
import { useConsole, useConsoleMutation } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { draftErrors, publishedToast, useErrors } from '../draft';
import { YearFields } from './YearFields';

/**
 * The network's holiday calendar: the shops count 三包 periods with it (a last day on a rest day
 * moves to the next working day). Opens on what head office last published, else the State
 * Council schedule the shops start with; a year is added when the State Council publishes it.
 */
export function CalendarTab() {
  const { t, locale } = useI18n();
  const state = useConsole('publishing.calendar.get', {});
  const publish = useConsoleMutation('publishing.calendar.publish', ['publishing.calendar.get', 'publishing.policies.whatIf']);
  const [years, setYears] = useState<HolidayCalendar['years'] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const { errors, setErrors, refused } = useErrors('calendar');
  if (state.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (state.isError) return <Alert color="red">{state.error.message}</Alert>;
  const base = state.data.published?.data ?? state.data.builtIn;
  const draft = years ?? structuredClone(base.years);
  const index = Math.max(0, draft.findIndex((y) => y.year === shown) === -1 ? draft.length - 1 : draft.findIndex((y) => y.year === shown));
  const year = draft[index];
  const addYear = () => {
    const next = Math.max(...draft.map((y) => y.year), new Date().getFullYear() - 1) + 1;
    setYears([...draft, { year: next, source: '', holidays: [], workdays: [] }]);
    setShown(next);
  };
  const send = () => {
    const found = draftErrors(holidayCalendarSchema, { id: base.id, years: draft }, t, calendarProblems({ years: draft }));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate({ calendar: { years: draft }, title }, { onSuccess: () => (publishedToast(t), setTitle(''), setYears(null)), onError: refused });
  };
  return (
    <Stack data-testid="pub-calendar">
      <Text size="sm" c="dimmed">
        {t('ui.hq.pub.calendar.intro')}
      </Text>
      <Group>
        {state.data.published ? (
          <Badge variant="light" color="teal" tt="none" data-testid="pub-calendar-last">
            {t('ui.hq.pub.lastPublished', { at: formatInstant(state.data.published.publishedAt, locale), change: state.data.published.change })}
          </Badge>
        ) : (
          <Badge variant="light" color="gray" tt="none" data-testid="pub-calendar-last">
            {t('ui.hq.pub.calendar.builtIn')}
          </Badge>
        )}
      </Group>
      <Group>
        <SegmentedControl data={draft.map((y) => ({ value: String(y.year), label: t('ui.warranty.calendar.year', { year: y.year }) }))} value={year ? String(year.year) : ''} onChange={(v) => setShown(Number(v))} data-testid="pub-calendar-years" />
        <Button variant="light" size="xs" onClick={addYear}>
          {t('ui.hq.pub.calendar.addYear')}
        </Button>
      </Group>
      {year ? <YearFields year={year} index={index} errors={errors} set={(y) => setYears(draft.map((x, i) => (i === index ? y : x)))} /> : null}
      <Group align="flex-end">
        <TextInput label={t('ui.hq.pub.title')} description={t('ui.hq.pub.titleHint')} value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} w={420} />
        <Button onClick={send} loading={publish.isPending} data-testid="pub-calendar-publish">
          {t('ui.hq.pub.publishAll')}
        </Button>
      </Group>
      {Object.keys(errors).length > 0 ? (
        <Alert color="red" data-testid="pub-calendar-errors">
          {t('ui.hq.pub.fix')} {t('ui.hq.pub.calendar.yearsWithErrors', { years: [...new Set(Object.keys(errors).map((k) => draft[Number(k.split('.')[1])]?.year).filter((y) => y !== undefined))].join(', ') })}
        </Alert>
      ) : null}
    </Stack>
  );
}
