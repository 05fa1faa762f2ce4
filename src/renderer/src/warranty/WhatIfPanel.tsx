import { useMemo, useState } from 'react';
import { Grid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { localDate } from '../../../shared/time/local-date';
import { partName } from '../../../shared/warranty/format';
import { useSession } from '../app/session';
import { fieldErrorsOf } from '../components/errors';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { DecisionView } from './whatif/DecisionView';
import { DeviceFields } from './whatif/DeviceFields';
import { canEvaluate, FIRST_CASE, requestOf, type WhatIfForm } from './whatif/form';
import { HistoryFields } from './whatif/HistoryFields';
import { LineFields } from './whatif/LineFields';

/** A manager's "what if": category, dates, findings, earlier repairs and lines → the decision, live. */
export function WhatIfPanel() {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  const shopToday = localDate(new Date(), shop?.settings.timeZone ?? 'Asia/Shanghai');
  const [form, setForm] = useState<WhatIfForm>(FIRST_CASE);
  const policies = useCall('warranty.policies.list', {}).data ?? [];
  // The decision follows the form as it is typed, a moment after the last keystroke.
  const [settled] = useDebouncedValue(form, 200);
  const ready = canEvaluate(form) && canEvaluate(settled);
  const evaluation = useCall('warranty.evaluate', requestOf(settled, shopToday), { enabled: ready, keepPrevious: true, fieldErrors: true });
  const errors = ready && evaluation.error ? fieldErrorsOf(evaluation.error) : {};
  const result = ready && !evaluation.error ? (evaluation.data ?? null) : null;

  const policy = policies.find((p) => p.category === form.category && p.categoryDefault) ?? policies.find((p) => p.category === form.category);
  const partOptions = useMemo(() => {
    const parts = policy ? [...policy.policy.mainParts, ...policy.policy.accessories] : [];
    return [{ value: '', label: partName('unit', locale) }, ...parts.map((p) => ({ value: p.id, label: p.name[locale] }))];
  }, [policy, locale]);
  const set = <K extends keyof WhatIfForm>(k: K, v: WhatIfForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <div data-testid="whatif">
      <Grid gap="lg">
        <Grid.Col span={5}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('ui.warranty.whatIf.intro')}
            </Text>
            <DeviceFields form={form} set={set} errors={errors} />
            <HistoryFields form={form} set={set} errors={errors} />
            <LineFields form={form} set={set} errors={errors} partOptions={partOptions} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <DecisionView form={form} result={result} errors={errors} partOptions={partOptions} />
        </Grid.Col>
      </Grid>
    </div>
  );
}
