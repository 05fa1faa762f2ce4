import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { PriceList } from '../bench/PriceList';
import { CategoriesStep } from './CategoriesStep';
import { PartsImport } from './PartsImport';
import { StaffStep } from './StaffStep';

const STEPS = ['categories', 'prices', 'parts', 'staff'] as const;
const TITLES = {
  categories: ['ui.firstday.step.categories', 'ui.firstday.step.categoriesHint'],
  prices: ['ui.firstday.step.prices', 'ui.firstday.step.pricesHint'],
  parts: ['ui.firstday.step.parts', 'ui.firstday.step.partsHint'],
  staff: ['ui.firstday.step.staff', 'ui.firstday.step.staffHint'],
} as const;

/**
 * A new shop's starter data, after the wizard's shop and admin, and resumable later from
 * Settings → price list & parts catalog → getting ready: the categories it repairs (and the
 * starter price list they give), that price list edited in place, the parts catalog from the
 * template, the first staff accounts. Every step can be skipped; any step can be opened by its title.
 * `onDone` is given in the wizard (it opens the app); in Settings the last step just says so.
 */
export function FirstDaySteps({ onDone }: { onDone?(): void }) {
  const t = useT();
  const [step, setStep] = useState(0);
  const next = () => setStep((s) => s + 1);
  const footer = (last = false) => (
    <Group justify="space-between" mt="md">
      <Button variant="default" onClick={() => setStep((s) => s - 1)}>
        {t('ui.common.back')}
      </Button>
      <Group gap="xs">
        <Button variant="default" onClick={last && onDone ? onDone : next} data-testid="firstday-skip">
          {t('ui.firstday.skip')}
        </Button>
        <Button onClick={last && onDone ? onDone : next} data-testid="firstday-next">
          {last && onDone ? t('ui.firstday.done') : t('ui.common.next')}
        </Button>
      </Group>
    </Group>
  );
  const panels: Record<(typeof STEPS)[number], ReactNode> = {
    categories: <CategoriesStep onNext={next} onSkip={next} />,
    prices: (
      <Stack mt="md" data-testid="firstday-prices">
        <Text size="sm">{t('ui.firstday.prices.intro')}</Text>
        <PriceList inPlace />
        {footer()}
      </Stack>
    ),
    parts: (
      <Stack mt="md" data-testid="firstday-parts">
        <Text size="sm">{t('ui.firstday.parts.intro')}</Text>
        <PartsImport />
        {footer()}
      </Stack>
    ),
    staff: (
      <>
        <StaffStep />
        {footer(true)}
      </>
    ),
  };
  return (
    <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect>
      {STEPS.map((s) => (
        <Stepper.Step key={s} label={t(TITLES[s][0])} description={t(TITLES[s][1])} data-testid={`firstday-step-${s}`}>
          {step === STEPS.indexOf(s) ? panels[s] : null}
        </Stepper.Step>
      ))}
      <Stepper.Completed>
        <Alert color="teal" mt="md" data-testid="firstday-finished">
          {t('ui.firstday.finished')}
        </Alert>
      </Stepper.Completed>
    </Stepper>
  );
}
