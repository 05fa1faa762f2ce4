import { Button, Checkbox, Group, NumberInput, Paper, Select, Text, TextInput } from '@mantine/core';
import { CATEGORY_IDS } from '../../../shared/warranty/schemas';
import { priceItemInputSchema, type PriceItemInput } from '../../../shared/bench/schemas';
import { parseYuan } from '../../../shared/money';
import { useI18n } from '../i18n/I18nProvider';
import { useCallMutation } from '../data/calls';
import { useContractForm } from '../forms/useContractForm';

const EMPTY = { code: '', kind: 'labor' as 'labor' | 'fee', nameZh: '', nameEn: '', category: '', price: '' as number | string, diagnosisFee: false };

/** A new item of the price list (a manager's, while the shop is not enrolled); the contract's rules are the form's. */
export function PriceItemForm() {
  const { t } = useI18n();
  const save = useCallMutation('priceList.save');
  const { form, submit } = useContractForm({
    initialValues: EMPTY,
    schema: priceItemInputSchema,
    toInput: (v): PriceItemInput => ({
      code: v.code.trim(),
      kind: v.kind,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      category: v.category as '',
      priceFen: parseYuan(v.price) ?? 0,
      diagnosisFee: v.diagnosisFee,
      active: true,
    }),
    fieldOf: (p) => (p === 'priceFen' ? 'price' : p),
    typed: (v): Record<string, string> => (parseYuan(v.price) === null ? { price: t('ui.form.required') } : {}),
  });
  const add = submit(async (input) => {
    await save.mutateAsync(input);
    form.setValues(EMPTY);
  });
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('ui.bench.price.add')}
      </Text>
      <form onSubmit={add} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput size="xs" w={120} label={t('ui.bench.price.code')} {...form.getInputProps('code')} />
          <Select
            size="xs"
            w={90}
            label={t('ui.bench.price.kind')}
            data={(['labor', 'fee'] as const).map((k) => ({ value: k, label: t(`ui.bench.price.kind.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput size="xs" label={t('ui.bench.price.name')} {...form.getInputProps('nameZh')} />
          <TextInput size="xs" label={t('ui.bench.price.nameEn')} {...form.getInputProps('nameEn')} />
          <Select
            size="xs"
            w={140}
            label={t('ui.bench.price.category')}
            data={[{ value: '', label: t('ui.bench.price.allCategories') }, ...CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))]}
            allowDeselect={false}
            {...form.getInputProps('category')}
          />
          <NumberInput size="xs" w={100} label={t('ui.bench.price.price')} min={0} decimalScale={2} {...form.getInputProps('price')} />
          <Checkbox size="xs" mt={28} label={t('ui.bench.price.diagnosisFee')} {...form.getInputProps('diagnosisFee', { type: 'checkbox' })} />
          <Button size="xs" mt={22} type="submit" loading={form.submitting}>
            {t('ui.bench.price.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
