import { useState } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, Select, Text, TextInput } from '@mantine/core';
import { CATEGORY_IDS } from '../../../shared/warranty/schemas';
import { parseYuan } from '../../../shared/money';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCallMutation } from '../data/calls';

const EMPTY = { code: '', kind: 'labor' as 'labor' | 'fee', nameZh: '', nameEn: '', category: '', price: '' as number | string, diagnosisFee: false };

/** A new item of the price list (a manager's, while the shop is not enrolled). */
export function PriceItemForm() {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const [draft, setDraft] = useState(EMPTY);
  const save = useCallMutation('priceList.save', { onSuccess: () => setDraft(EMPTY) });
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('ui.bench.price.add')}
      </Text>
      <Group align="flex-end" gap="xs">
        <TextInput size="xs" w={120} label={t('ui.bench.price.code')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })} />
        <Select size="xs" w={90} label={t('ui.bench.price.kind')} data={(['labor', 'fee'] as const).map((k) => ({ value: k, label: t(`ui.bench.price.kind.${k}`) }))} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: (v ?? 'labor') as 'labor' })} allowDeselect={false} />
        <TextInput size="xs" label={t('ui.bench.price.name')} value={draft.nameZh} onChange={(e) => setDraft({ ...draft, nameZh: e.currentTarget.value })} />
        <TextInput size="xs" label={t('ui.bench.price.nameEn')} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} />
        <Select
          size="xs"
          w={140}
          label={t('ui.bench.price.category')}
          data={[{ value: '', label: t('ui.bench.price.allCategories') }, ...CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))]}
          value={draft.category}
          onChange={(v) => setDraft({ ...draft, category: v ?? '' })}
          allowDeselect={false}
        />
        <NumberInput size="xs" w={100} label={t('ui.bench.price.price')} min={0} decimalScale={2} value={draft.price} onChange={(v) => setDraft({ ...draft, price: v })} />
        <Checkbox size="xs" label={t('ui.bench.price.diagnosisFee')} checked={draft.diagnosisFee} onChange={(e) => setDraft({ ...draft, diagnosisFee: e.currentTarget.checked })} />
        <Button
          size="xs"
          onClick={() =>
            save.mutate(
              { code: draft.code, kind: draft.kind, nameZh: draft.nameZh, nameEn: draft.nameEn, category: draft.category as '', priceFen: parseYuan(draft.price) ?? 0, diagnosisFee: draft.diagnosisFee },
              { onError: toast },
            )
          }
        >
          {t('ui.bench.price.save')}
        </Button>
      </Group>
    </Paper>
  );
}
