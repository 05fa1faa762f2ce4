import { Checkbox, NumberInput, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { CATEGORY_IDS, FINDINGS, type CategoryId, type Finding } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { FormProps } from './props';
import { FaultCodeSelect } from './FaultCodeSelect';

/** The device (category, invoice and other dates, price) and the fault brought in, with the technician's findings. */
export function DeviceFields({ form, set, errors }: FormProps) {
  const { t } = useI18n();
  const date = (k: 'invoiceDate' | 'factoryDate' | 'exchangeDate' | 'today' | 'sentIn', label: string, path: string, hint?: string) => (
    <TextInput type="date" label={label} description={hint} value={form[k]} error={errors[path]} onChange={(e) => set(k, e.currentTarget.value)} />
  );
  return (
    <>
      <Title order={5}>{t('ui.warranty.whatIf.device')}</Title>
      <Select
        label={t('ui.warranty.category')}
        data={CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))}
        allowDeselect={false}
        value={form.category}
        error={errors.category}
        onChange={(v) => v && set('category', v as CategoryId)}
      />
      <Checkbox label={t('ui.warranty.whatIf.hasInvoice')} checked={form.hasInvoice} onChange={(e) => set('hasInvoice', e.currentTarget.checked)} />
      <SimpleGrid cols={2} spacing="xs">
        {form.hasInvoice ? date('invoiceDate', t('ui.warranty.whatIf.invoiceDate'), 'device.invoiceDate') : null}
        {date('factoryDate', t('ui.warranty.whatIf.factoryDate'), 'device.factoryDate')}
        {date('exchangeDate', t('ui.warranty.whatIf.exchangeDate'), 'device.exchangeDate')}
        <NumberInput
          label={t('ui.warranty.whatIf.price')}
          min={0}
          decimalScale={2}
          prefix="¥"
          value={form.yuan}
          error={errors['device.purchasePrice']}
          onChange={(v) => set('yuan', v === '' ? '' : Number(v))}
        />
        {date('today', t('ui.warranty.whatIf.today'), 'today', t('ui.warranty.whatIf.todayHint'))}
      </SimpleGrid>
      <Title order={5}>{t('ui.warranty.whatIf.fault')}</Title>
      <SimpleGrid cols={2} spacing="xs">
        <FaultCodeSelect value={form.faultCode} error={errors['current.faultCode']} onChange={(v) => set('faultCode', v)} />
        {date('sentIn', t('ui.warranty.whatIf.sentIn'), 'current.sentIn', t('ui.warranty.whatIf.todayHint'))}
      </SimpleGrid>
      <Checkbox
        label={t('ui.warranty.whatIf.performanceFault')}
        checked={form.performanceFault}
        onChange={(e) => set('performanceFault', e.currentTarget.checked)}
      />
      <Checkbox.Group label={t('ui.warranty.whatIf.findings')} value={form.findings} onChange={(v) => set('findings', v as Finding[])}>
        <SimpleGrid cols={2} spacing={4} mt={4}>
          {FINDINGS.map((f) => (
            <Checkbox key={f} value={f} label={t(`tickets.finding.${f}`)} size="xs" />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </>
  );
}
