import { Group, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import type { Handback } from './useHandback';

/** The discount and the settlement it gives: total, tax, paid so far, due now (or the credit to give back). */
export function SettleStep({ h }: { h: Handback }) {
  const { t } = useI18n();
  const { discountPct, setDiscountPct, discountReason, setDiscountReason, errors, s, fmt } = h;
  return (
    <>
      <Text fw={700}>{t('ui.collection.step.settle')}</Text>
      <Group grow mt={4}>
        <NumberInput label={t('ui.collection.discountPct')} value={discountPct} onChange={(v) => setDiscountPct(v === '' ? '' : Number(v))} min={0} max={100} decimalScale={2} error={errors.discountBp} data-testid="collection-discount" />
        <TextInput label={t('ui.collection.discountReason')} value={discountReason} onChange={(e) => setDiscountReason(e.currentTarget.value)} error={errors.discountReason} />
      </Group>
      {s ? (
        <Table fz="sm" mt="xs" data-testid="collection-totals">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('ui.collection.subtotalCustomer')}</Table.Td>
              <Table.Td ta="right">{fmt(s.customerDueFen)}</Table.Td>
            </Table.Tr>
            {s.discountFen > 0 ? (
              <Table.Tr>
                <Table.Td>{t('ui.collection.discount')}</Table.Td>
                <Table.Td ta="right">−{fmt(s.discountFen)}</Table.Td>
              </Table.Tr>
            ) : null}
            <Table.Tr>
              <Table.Td fw={700}>{t('ui.collection.total')}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {fmt(s.totalFen)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">{t(s.tax.pricesIncludeTax ? 'ui.collection.tax' : 'ui.collection.taxAdded', { rate: s.tax.rateBp / 100 })}</Table.Td>
              <Table.Td ta="right" c="dimmed">
                {fmt(s.tax.taxFen)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('ui.collection.paid')}</Table.Td>
              <Table.Td ta="right">{s.paidFen ? `−${fmt(s.paidFen)}` : fmt(0)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={700}>{s.dueNowFen < 0 ? t('ui.collection.credit') : t('ui.collection.dueNow')}</Table.Td>
              <Table.Td ta="right" fw={700} fz="lg" data-testid="collection-due">
                {fmt(Math.abs(s.dueNowFen))}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}
