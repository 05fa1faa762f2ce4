import { ActionIcon, Checkbox, NumberInput, Select, Table, TextInput } from '@mantine/core';
import { DEVICE_CATEGORIES } from '../../../../shared/devices/categories';
import type { PriceRow } from '../../../../shared/hq-console/publishing-prices';
import { useI18n } from '../../i18n';
import type { EditorRow } from './rows';

/** The price list as rows of inputs: code, kind, names, category, price in yuan, diagnosis fee, active; a row removed is deactivated at the shops. */
export function PriceRowsTable({ rows, errors, onChange, onRemove }: { rows: readonly EditorRow[]; errors: Record<string, string>; onChange(key: string, row: PriceRow): void; onRemove(key: string): void }) {
  const { t } = useI18n();
  const categories = [{ value: '', label: t('ui.hq.publishing.prices.allCategories') }, ...DEVICE_CATEGORIES.map((c) => ({ value: c, label: t(`devices.category.${c}`) }))];
  const kinds = (['labor', 'fee'] as const).map((k) => ({ value: k, label: t(`ui.bench.price.kind.${k}`) }));
  return (
    <Table.ScrollContainer minWidth={980}>
    <Table withTableBorder data-testid="price-rows" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          {['code', 'kind', 'nameZh', 'nameEn', 'category', 'price', 'diagnosisFee', 'active', 'remove'].map((c) => (
            <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
              {t(`ui.hq.publishing.prices.col.${c}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ key, row }, i) => {
          const set = (patch: Partial<PriceRow>) => onChange(key, { ...row, ...patch });
          const err = (f: string) => errors[`items.${i}.${f}`];
          return (
            <Table.Tr key={key} data-code={row.code}>
              <Table.Td>
                <TextInput size="xs" w={130} value={row.code} error={err('code')} onChange={(e) => set({ code: e.currentTarget.value })} aria-label={t('ui.hq.publishing.prices.col.code')} />
              </Table.Td>
              <Table.Td>
                <Select size="xs" w={80} data={kinds} value={row.kind} allowDeselect={false} onChange={(v) => set({ kind: v === 'fee' ? 'fee' : 'labor' })} aria-label={t('ui.hq.publishing.prices.col.kind')} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={row.nameZh} error={err('nameZh')} onChange={(e) => set({ nameZh: e.currentTarget.value })} aria-label={t('ui.hq.publishing.prices.col.nameZh')} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={row.nameEn} onChange={(e) => set({ nameEn: e.currentTarget.value })} aria-label={t('ui.hq.publishing.prices.col.nameEn')} />
              </Table.Td>
              <Table.Td>
                <Select size="xs" w={120} data={categories} value={row.category} allowDeselect={false} onChange={(v) => set({ category: (v ?? '') as PriceRow['category'] })} aria-label={t('ui.hq.publishing.prices.col.category')} />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={100}
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  prefix="¥"
                  value={row.priceFen / 100}
                  error={err('priceFen')}
                  onChange={(v) => set({ priceFen: Math.round(Number(v || 0) * 100) })}
                  aria-label={t('ui.hq.publishing.prices.col.price')}
                  data-testid="price-input"
                />
              </Table.Td>
              <Table.Td>
                <Checkbox checked={row.diagnosisFee} error={err('diagnosisFee')} onChange={(e) => set({ diagnosisFee: e.currentTarget.checked })} aria-label={t('ui.hq.publishing.prices.col.diagnosisFee')} />
              </Table.Td>
              <Table.Td>
                <Checkbox checked={row.active} onChange={(e) => set({ active: e.currentTarget.checked })} aria-label={t('ui.hq.publishing.prices.col.active')} />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" onClick={() => onRemove(key)} aria-label={t('ui.hq.publishing.prices.remove', { code: row.code || '–' })}>
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}
