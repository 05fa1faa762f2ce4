import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CategoryPolicyInput, PartRule, Period } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n';
import type { Errors } from '../draft';

export const UNITS: Period['unit'][] = ['day', 'month', 'year'];

/** A policy's main parts or accessories: id, names, own period (the 三包 texts list them with their periods). */
export function PartsFields({ list, policy, set, errors }: { list: 'mainParts' | 'accessories'; policy: CategoryPolicyInput; set(p: CategoryPolicyInput): void; errors: Errors }) {
  const { t } = useI18n();
  const rows = policy[list];
  const unitOptions = UNITS.map((u) => ({ value: u, label: t(`ui.warranty.unit.${u}`) }));
  const put = (i: number, part: PartRule) => set({ ...policy, [list]: rows.map((r, j) => (j === i ? part : r)) });
  const err = (i: number, f: string) => errors[`${list}.${i}.${f}`];
  return (
    <Stack gap={6} data-testid={`pub-policy-${list}`}>
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
