import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { REPAIR_OUTCOMES } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { RepairForm } from './form';
import type { FormProps } from './props';
import { FaultCodeSelect } from './FaultCodeSelect';

/** Earlier repairs of the same fault (the third repair of a fault opens an exchange or a return). */
export function HistoryFields({ form, set, errors }: FormProps) {
  const { t } = useI18n();
  return (
    <>
      <Group justify="space-between">
        <Title order={5}>{t('ui.warranty.whatIf.history')}</Title>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => set('history', [...form.history, { faultCode: form.faultCode, sentIn: '', returnedOn: '', outcome: 'fixed' }])}
        >
          {t('ui.warranty.whatIf.addRepair')}
        </Button>
      </Group>
      {form.history.map((h, i) => {
        const upd = (p: Partial<RepairForm>) => set('history', form.history.map((x, j) => (j === i ? { ...x, ...p } : x)));
        return (
          <Paper key={i} withBorder p={6}>
            <SimpleGrid cols={2} spacing={4}>
              <FaultCodeSelect size="xs" value={h.faultCode} onChange={(faultCode) => upd({ faultCode })} />
              <Select
                size="xs"
                label={t('ui.warranty.whatIf.outcome')}
                data={REPAIR_OUTCOMES.map((o) => ({ value: o, label: t(`ui.warranty.whatIf.outcome.${o}`) }))}
                allowDeselect={false}
                value={h.outcome}
                onChange={(v) => v && upd({ outcome: v as RepairForm['outcome'] })}
              />
              <TextInput size="xs" type="date" label={t('ui.warranty.whatIf.sentIn')} value={h.sentIn} error={errors[`history.${i}.sentIn`]} onChange={(e) => upd({ sentIn: e.currentTarget.value })} />
              <TextInput
                size="xs"
                type="date"
                label={t('ui.warranty.whatIf.returnedOn')}
                value={h.returnedOn}
                error={errors[`history.${i}.returnedOn`]}
                onChange={(e) => upd({ returnedOn: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Button size="compact-xs" variant="subtle" color="red" mt={4} onClick={() => set('history', form.history.filter((_, j) => j !== i))}>
              {t('ui.warranty.whatIf.remove')}
            </Button>
          </Paper>
        );
      })}
    </>
  );
}
