import { Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { TENDERS, type Tender } from '../../../../shared/collection/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { Handback } from './useHandback';

/** A 三包 refund approved with the outcome and still to pay: it goes out at this hand-back, by the tender chosen here. */
export function SanbaoRefundStep({ h }: { h: Handback }) {
  const { t } = useI18n();
  const { sanbaoTender, setSanbaoTender, sanbaoReference, setSanbaoReference, errors, setErrors, fmt } = h;
  const sanbaoDue = h.sanbaoDue!;
  const sanbaoTenderOptions = TENDERS.map((x) => ({ value: x, label: x === 'card' ? t('ui.collection.sanbao.card') : t(`collection.tender.${x}`) }));
  return (
    <Paper withBorder p="xs" mt="sm" bg="orange.0" data-testid="collection-sanbao-refund">
      <Group justify="space-between">
        <Text fw={700}>{t('ui.collection.sanbao.title')}</Text>
        <Text fw={700} fz="lg" data-testid="collection-sanbao-amount">
          {t('ui.collection.sanbao.due')} {fmt(sanbaoDue.refundFen)}
        </Text>
      </Group>
      <Group gap="xs" align="flex-start" mt={4}>
        <Select
          label={t('ui.collection.sanbao.tender')}
          data={sanbaoTenderOptions}
          value={sanbaoTender}
          onChange={(v) => v && setSanbaoTender(v as Tender)}
          allowDeselect={false}
          w={220}
          error={errors['sanbaoRefund.tender'] ?? errors.sanbaoRefund}
          data-testid="collection-sanbao-tender"
        />
        {sanbaoTender !== 'cash' ? (
          <TextInput
            label={t('ui.collection.reference')}
            value={sanbaoReference}
            onChange={(e) => {
              setSanbaoReference(e.currentTarget.value);
              setErrors(({ 'sanbaoRefund.reference': _gone, ...rest }) => rest);
            }}
            w={180}
            error={errors['sanbaoRefund.reference']}
            data-testid="collection-sanbao-reference"
          />
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('ui.collection.sanbao.hint', { manager: sanbaoDue.approvedByName ?? '—' })}
      </Text>
    </Paper>
  );
}
