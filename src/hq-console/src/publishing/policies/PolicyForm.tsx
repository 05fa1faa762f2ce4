import { Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CATEGORY_IDS, REGULATION_IDS, type CategoryPolicyInput } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n';
import type { Errors } from '../draft';
import { PartsFields, PolicyRuleFields } from '../../../../ui/warranty/PolicyFields';

/** The fields of a 三包 category policy, as the shop's own editor has them (the same words), on a draft. */
export function PolicyForm({ policy, set, errors, isNew }: { policy: CategoryPolicyInput; set(p: CategoryPolicyInput): void; errors: Errors; isNew: boolean }) {
  const { t } = useI18n();
  const errorOf = (path: string) => errors[path];
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
      <PolicyRuleFields policy={policy} set={set} t={t} errorOf={errorOf} intTestId={(k) => `pub-policy-${k}`} />
      <Group>
        <Checkbox label={t('ui.warranty.mainPartLabor')} checked={policy.mainPartLaborCovered} onChange={(e) => set({ ...policy, mainPartLaborCovered: e.currentTarget.checked })} />
        <Checkbox label={t('ui.hq.pub.policy.holidayExtendsWindows')} checked={policy.holidayExtendsWindows ?? true} onChange={(e) => set({ ...policy, holidayExtendsWindows: e.currentTarget.checked })} />
      </Group>
      <PartsFields list="mainParts" policy={policy} set={set} t={t} errorOf={errorOf} testId="pub-policy-mainParts" />
      <PartsFields list="accessories" policy={policy} set={set} t={t} errorOf={errorOf} testId="pub-policy-accessories" />
    </Stack>
  );
}
