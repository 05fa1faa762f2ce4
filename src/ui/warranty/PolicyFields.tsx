import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CategoryPolicyInput, PartRule, Period } from '../../shared/warranty/schemas';

/*
 * The fields of a 三包 category policy, shared by the shop's policy editor (Settings → 三包) and
 * head office's publishing editor: the same words, limits and error places in both, so a policy
 * reads the same wherever it is edited. Each app passes its own translate function and its own
 * way of naming a field's error (the shop's errors are under `policy.`, head office's are not).
 */

export const PERIOD_UNITS: Period['unit'][] = ['day', 'month', 'year'];

interface FieldsProps<P extends CategoryPolicyInput> {
  policy: P;
  set(p: P): void;
  t(key: string): string;
  /** The error shown under a field, by its path in the policy ('unitPeriod.n', 'mainParts.0.id'). */
  errorOf(path: string): string | undefined;
}

type IntKey = 'returnDays' | 'exchangeDays' | 'repairWarrantyDays';
type NullableKey = 'repairerDelayDays' | 'partsWaitDays' | 'loanerDays';

/** Periods, windows, depreciation, the repair warranty and the thresholds. */
export function PolicyRuleFields<P extends CategoryPolicyInput>({ policy, set, t, errorOf, intTestId }: FieldsProps<P> & { intTestId?: (k: IntKey) => string }) {
  const unitOptions = PERIOD_UNITS.map((u) => ({ value: u, label: t(`ui.warranty.unit.${u}`) }));
  const int = (k: IntKey, label: string) => (
    <NumberInput label={label} min={0} allowDecimal={false} value={policy[k] ?? ''} error={errorOf(k)} data-testid={intTestId?.(k)} onChange={(v) => set({ ...policy, [k]: v === '' ? undefined : Number(v) })} />
  );
  const nullable = (k: NullableKey, label: string) => (
    <NumberInput label={label} min={1} allowDecimal={false} value={policy[k] ?? ''} error={errorOf(k)} onChange={(v) => set({ ...policy, [k]: v === '' ? null : Number(v) })} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Group gap={6} align="flex-start" wrap="nowrap">
        <NumberInput label={t('ui.warranty.unitPeriod')} min={0} allowDecimal={false} value={policy.unitPeriod.n} error={errorOf('unitPeriod.n')} onChange={(v) => set({ ...policy, unitPeriod: { ...policy.unitPeriod, n: Number(v) } })} />
        <Select label={t('ui.warranty.periodUnit')} data={unitOptions} allowDeselect={false} value={policy.unitPeriod.unit} onChange={(v) => v && set({ ...policy, unitPeriod: { ...policy.unitPeriod, unit: v as Period['unit'] } })} />
      </Group>
      {int('returnDays', t('ui.warranty.returnDays'))}
      {int('exchangeDays', t('ui.warranty.exchangeDays'))}
      <NumberInput
        label={t('ui.warranty.depreciationPct')}
        min={0}
        decimalScale={4}
        value={policy.depreciationPpmPerDay / 10_000}
        error={errorOf('depreciationPpmPerDay')}
        onChange={(v) => set({ ...policy, depreciationPpmPerDay: Math.round(Number(v || 0) * 10_000) })}
      />
      {int('repairWarrantyDays', t('ui.warranty.repairWarrantyDays'))}
      <NumberInput
        label={t('ui.warranty.repeatThreshold')}
        min={1}
        allowDecimal={false}
        value={policy.repeatRepair.threshold}
        error={errorOf('repeatRepair.threshold')}
        onChange={(v) => set({ ...policy, repeatRepair: { ...policy.repeatRepair, threshold: Number(v) } })}
      />
      {nullable('repairerDelayDays', t('ui.warranty.repairerDelayDays'))}
      {nullable('partsWaitDays', t('ui.warranty.partsWaitDays'))}
      {nullable('loanerDays', t('ui.warranty.loanerDays'))}
    </SimpleGrid>
  );
}

/** A policy's main parts or accessories: id, names, own period (the 三包 texts list them with their periods). */
export function PartsFields<P extends CategoryPolicyInput>({ list, policy, set, t, errorOf, testId }: FieldsProps<P> & { list: 'mainParts' | 'accessories'; testId?: string }) {
  const rows = policy[list];
  const unitOptions = PERIOD_UNITS.map((u) => ({ value: u, label: t(`ui.warranty.unit.${u}`) }));
  const put = (i: number, part: PartRule) => set({ ...policy, [list]: rows.map((r, j) => (j === i ? part : r)) });
  const err = (i: number, f: string) => errorOf(`${list}.${i}.${f}`);
  return (
    <Stack gap={6} data-testid={testId}>
      <Group justify="space-between">
        <Title order={5}>{t(list === 'mainParts' ? 'ui.warranty.mainParts' : 'ui.warranty.accessories')}</Title>
        <Button size="compact-xs" variant="light" onClick={() => set({ ...policy, [list]: [...rows, { id: '', name: { 'zh-CN': '', en: '' }, period: { n: 1, unit: 'year' } }] })}>
          {t('ui.warranty.addPart')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.warranty.noParts')}
        </Text>
      ) : null}
      {rows.map((part, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <TextInput aria-label={t('ui.warranty.partId')} placeholder={t('ui.warranty.partId')} w={120} value={part.id} error={err(i, 'id')} onChange={(e) => put(i, { ...part, id: e.currentTarget.value })} />
          <TextInput aria-label={t('ui.warranty.nameZh')} placeholder={t('ui.warranty.nameZh')} w={130} value={part.name['zh-CN']} error={err(i, 'name.zh-CN')} onChange={(e) => put(i, { ...part, name: { ...part.name, 'zh-CN': e.currentTarget.value } })} />
          <TextInput aria-label={t('ui.warranty.nameEn')} placeholder={t('ui.warranty.nameEn')} w={150} value={part.name.en} error={err(i, 'name.en')} onChange={(e) => put(i, { ...part, name: { ...part.name, en: e.currentTarget.value } })} />
          <NumberInput aria-label={t('ui.warranty.periodN')} w={70} min={0} allowDecimal={false} value={part.period.n} error={err(i, 'period.n')} onChange={(v) => put(i, { ...part, period: { ...part.period, n: Number(v) } })} />
          <Select aria-label={t('ui.warranty.periodUnit')} w={90} data={unitOptions} allowDeselect={false} value={part.period.unit} onChange={(v) => v && put(i, { ...part, period: { ...part.period, unit: v as Period['unit'] } })} />
          <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('ui.warranty.removePart')} onClick={() => set({ ...policy, [list]: rows.filter((_, j) => j !== i) })}>
            ×
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
