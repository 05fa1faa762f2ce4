import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CATEGORY_IDS, REGULATION_IDS, type CategoryPolicyInput, type Period } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n';
import type { Errors } from '../draft';
import { PartsFields, UNITS } from './PartsFields';

type IntKey = 'returnDays' | 'exchangeDays' | 'repairWarrantyDays';
type NullableKey = 'repairerDelayDays' | 'partsWaitDays' | 'loanerDays';

/** The fields of a 三包 category policy, as the shop's own editor has them (the same words), on a draft. */
export function PolicyForm({ policy, set, errors, isNew }: { policy: CategoryPolicyInput; set(p: CategoryPolicyInput): void; errors: Errors; isNew: boolean }) {
  const { t } = useI18n();
  const unitOptions = UNITS.map((u) => ({ value: u, label: t(`ui.warranty.unit.${u}`) }));
  const int = (k: IntKey, label: string) => (
    <NumberInput label={label} min={0} allowDecimal={false} value={policy[k] ?? ''} error={errors[k]} data-testid={`pub-policy-${k}`} onChange={(v) => set({ ...policy, [k]: v === '' ? undefined : Number(v) })} />
  );
  const nullable = (k: NullableKey, label: string) => (
    <NumberInput label={label} min={1} allowDecimal={false} value={policy[k] ?? ''} error={errors[k]} onChange={(v) => set({ ...policy, [k]: v === '' ? null : Number(v) })} />
  );
  return (
    <Stack gap="sm" data-testid="pub-policy-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('ui.hq.pub.policy.id')} description={t('ui.hq.pub.policy.idHint')} value={policy.id} error={errors.id} disabled={!isNew} onChange={(e) => set({ ...policy, id: e.currentTarget.value })} />
        <Select
          label={t('ui.warranty.category')}
          data={CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))}
          allowDeselect={false}
          value={policy.category}
          error={errors.category}
          onChange={(v) => v && set({ ...policy, category: v as CategoryPolicyInput['category'] })}
        />
        <Select
          label={t('ui.warranty.regulation')}
          data={REGULATION_IDS.map((r) => ({ value: r, label: t(`ui.warranty.regulation.${r}`) }))}
          allowDeselect={false}
          value={policy.regulation}
          onChange={(v) => v && set({ ...policy, regulation: v as CategoryPolicyInput['regulation'] })}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={t('ui.warranty.nameZh')} value={policy.name['zh-CN']} error={errors['name.zh-CN']} onChange={(e) => set({ ...policy, name: { ...policy.name, 'zh-CN': e.currentTarget.value } })} />
        <TextInput label={t('ui.warranty.nameEn')} value={policy.name.en} error={errors['name.en']} onChange={(e) => set({ ...policy, name: { ...policy.name, en: e.currentTarget.value } })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Group gap={6} align="flex-start" wrap="nowrap">
          <NumberInput label={t('ui.warranty.unitPeriod')} min={0} allowDecimal={false} value={policy.unitPeriod.n} error={errors['unitPeriod.n']} onChange={(v) => set({ ...policy, unitPeriod: { ...policy.unitPeriod, n: Number(v) } })} />
          <Select label={t('ui.warranty.periodUnit')} data={unitOptions} allowDeselect={false} value={policy.unitPeriod.unit} onChange={(v) => v && set({ ...policy, unitPeriod: { ...policy.unitPeriod, unit: v as Period['unit'] } })} />
        </Group>
        {int('returnDays', t('ui.warranty.returnDays'))}
        {int('exchangeDays', t('ui.warranty.exchangeDays'))}
        <NumberInput
          label={t('ui.warranty.depreciationPct')}
          min={0}
          decimalScale={4}
          value={policy.depreciationPpmPerDay / 10_000}
          error={errors.depreciationPpmPerDay}
          onChange={(v) => set({ ...policy, depreciationPpmPerDay: Math.round(Number(v || 0) * 10_000) })}
        />
        {int('repairWarrantyDays', t('ui.warranty.repairWarrantyDays'))}
        <NumberInput
          label={t('ui.warranty.repeatThreshold')}
          min={1}
          allowDecimal={false}
          value={policy.repeatRepair.threshold}
          error={errors['repeatRepair.threshold']}
          onChange={(v) => set({ ...policy, repeatRepair: { ...policy.repeatRepair, threshold: Number(v) } })}
        />
        {nullable('repairerDelayDays', t('ui.warranty.repairerDelayDays'))}
        {nullable('partsWaitDays', t('ui.warranty.partsWaitDays'))}
        {nullable('loanerDays', t('ui.warranty.loanerDays'))}
      </SimpleGrid>
      <Group>
        <Checkbox label={t('ui.warranty.mainPartLabor')} checked={policy.mainPartLaborCovered} onChange={(e) => set({ ...policy, mainPartLaborCovered: e.currentTarget.checked })} />
        <Checkbox label={t('ui.hq.pub.policy.holidayExtendsWindows')} checked={policy.holidayExtendsWindows ?? true} onChange={(e) => set({ ...policy, holidayExtendsWindows: e.currentTarget.checked })} />
      </Group>
      <PartsFields list="mainParts" policy={policy} set={set} errors={errors} />
      <PartsFields list="accessories" policy={policy} set={set} errors={errors} />
    </Stack>
  );
}
