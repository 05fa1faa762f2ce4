import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { CATEGORY_IDS } from '../../../shared/warranty/schemas';
import { isManager, useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCall, useCallMutation } from '../data/calls';
import { money } from '../stock/format';
import { EmptyState } from '../components/EmptyState';
import { parseYuan } from '../../../shared/money';

type PriceItem = OutputOf<Procedures['priceList.list']>[number];

/** The price list of labor items and fees; an admin of a shop not enrolled adds items. */
const EMPTY = { code: '', kind: 'labor' as 'labor' | 'fee', nameZh: '', nameEn: '', category: '', price: '' as number | string, diagnosisFee: false };

export function PriceList() {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const [draft, setDraft] = useState(EMPTY);
  const items: PriceItem[] = useCall('priceList.list', { includeInactive: true }).data ?? [];
  const enrolled = shop?.settings.enrolled ?? false;
  const save = useCallMutation('priceList.save', { onSuccess: () => setDraft(EMPTY) });
  const editable = isManager(user) && !enrolled;
  return (
    <Stack>
      {enrolled ? <Alert color="blue">{t('ui.bench.price.hqOwned')}</Alert> : null}
      {items.length === 0 ? (
        <EmptyState
          what={t('ui.bench.price.empty')}
          next={t(editable ? 'ui.bench.price.emptyAdd' : enrolled ? 'ui.bench.price.emptyHq' : 'ui.bench.price.emptyWho')}
          testId="price-list-empty"
        />
      ) : null}
      <Table striped data-testid="price-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.bench.price.code')}</Table.Th>
            <Table.Th>{t('ui.bench.price.kind')}</Table.Th>
            <Table.Th>{t('ui.bench.price.name')}</Table.Th>
            <Table.Th>{t('ui.bench.price.category')}</Table.Th>
            <Table.Th ta="right">{t('ui.bench.price.price')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} opacity={p.active ? 1 : 0.5}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>
                {t(`ui.bench.price.kind.${p.kind}`)} {p.diagnosisFee ? <Badge size="xs">{t('ui.bench.price.diagnosisFee')}</Badge> : null}
              </Table.Td>
              <Table.Td>{locale === 'en' && p.nameEn ? p.nameEn : p.nameZh}</Table.Td>
              <Table.Td>{p.category ? t(`warranty.category.${p.category}`) : t('ui.bench.price.allCategories')}</Table.Td>
              <Table.Td ta="right">{money(p.priceFen, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable ? (
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
      ) : null}
    </Stack>
  );
}
