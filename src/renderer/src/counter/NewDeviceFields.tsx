import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DEVICE_CATEGORIES, IMEI_CATEGORIES, type DeviceCategory } from '../../../shared/devices/categories';
import { useT } from '../i18n/I18nProvider';
import { imeiState, type NewDeviceForm, type ProofKind } from './intakeForm';

interface Props {
  value: NewDeviceForm;
  errors: Record<string, string>;
  onChange(v: NewDeviceForm): void;
  onCancel?(): void;
}

/** A device registered at intake; the IMEI's check digit is verified as it is typed. */
export function NewDeviceFields({ value, errors, onChange, onCancel }: Props) {
  const t = useT();
  const set = (k: keyof NewDeviceForm) => (e: { currentTarget: { value: string } }) => onChange({ ...value, [k]: e.currentTarget.value });
  const imei = imeiState(value.imei);
  const imeiNote =
    imei === 'ok' ? (
      <Text span c="teal.7" size="xs" data-testid="imei-ok">
        ✓ {t('ui.counter.device.imeiOk')}
      </Text>
    ) : imei === 'partial' ? (
      t('ui.counter.device.imeiDigits', { n: value.imei.replace(/\D/g, '').length })
    ) : undefined;
  const liveImeiError = imei === 'bad' ? t(/^\d{15}$/.test(value.imei.replace(/[\s\-/]/g, '')) ? 'devices.error.imeiCheckDigit' : 'devices.error.imeiFormat') : undefined;
  const usesImei = IMEI_CATEGORIES.includes(value.category);
  return (
    <Paper withBorder p="sm" data-testid="new-device">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('ui.counter.device.newTitle')}</Text>
          {onCancel ? (
            <Button variant="subtle" size="compact-xs" onClick={onCancel} tabIndex={-1}>
              {t('ui.common.cancel')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={3} spacing="xs">
          <Select
            label={t('ui.counter.device.category')}
            data={DEVICE_CATEGORIES.map((c) => ({ value: c, label: t(`devices.category.${c}`) }))}
            value={value.category}
            allowDeselect={false}
            error={errors['device.category']}
            onChange={(v) => v && onChange({ ...value, category: v as DeviceCategory })}
          />
          <TextInput label={t('ui.counter.device.brand')} required value={value.brand} error={errors['device.brand']} onChange={set('brand')} />
          <TextInput label={t('ui.counter.device.model')} required value={value.model} error={errors['device.model']} onChange={set('model')} />
          {usesImei ? (
            <TextInput
              label="IMEI"
              required={!value.serial}
              value={value.imei}
              inputMode="numeric"
              maxLength={20}
              description={imeiNote}
              error={liveImeiError ?? errors['device.imei']}
              onChange={set('imei')}
              data-testid="imei"
              data-scan="text"
            />
          ) : null}
          <TextInput label={t('ui.counter.device.serial')} required={!usesImei} value={value.serial} error={errors['device.serial']} onChange={set('serial')} data-scan="text" />
          <TextInput label={t('ui.counter.device.colour')} value={value.colour} error={errors['device.colour']} onChange={set('colour')} />
          <Select
            label={t('ui.counter.device.proof')}
            data={(['invoice', 'receipt', 'none'] as const).map((k) => ({ value: k, label: t(`devices.proof.${k}`) }))}
            value={value.proofKind}
            allowDeselect={false}
            onChange={(v) => v && onChange({ ...value, proofKind: v as ProofKind })}
          />
          {value.proofKind !== 'none' ? (
            <>
              <TextInput
                type="date"
                label={t('ui.counter.device.invoiceDate')}
                required
                value={value.invoiceDate}
                error={errors['device.proof.invoiceDate']}
                onChange={(e) => {
                  const d = e.currentTarget.value;
                  // The sale date is nearly always the purchase date: fill it unless typed apart.
                  onChange({ ...value, invoiceDate: d, purchaseDate: value.purchaseDate === value.invoiceDate ? d : value.purchaseDate });
                }}
              />
              <TextInput label={t('ui.counter.device.invoiceNo')} value={value.invoiceNo} error={errors['device.proof.invoiceNo']} onChange={set('invoiceNo')} />
            </>
          ) : null}
          <TextInput type="date" label={t('ui.counter.device.purchaseDate')} value={value.purchaseDate} error={errors['device.purchaseDate']} onChange={set('purchaseDate')} />
          <TextInput
            type="date"
            label={t('ui.counter.device.factoryDate')}
            description={t('ui.counter.device.factoryHint')}
            value={value.factoryDate}
            error={errors['device.factoryDate']}
            onChange={set('factoryDate')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
