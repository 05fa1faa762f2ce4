import { Select } from '@mantine/core';
import { ALL_FAULT_CODES } from '../../../../shared/devices/categories';
import { useT } from '../../i18n/I18nProvider';

/** A fault by its name (the engine matches repeated faults by code; a person picks the words). */
export function FaultCodeSelect({ value, onChange, error, size }: { value: string; onChange(v: string): void; error?: string; size?: 'xs' }) {
  const t = useT();
  return (
    <Select
      size={size}
      label={t('ui.warranty.whatIf.faultCode')}
      data={ALL_FAULT_CODES.map((c) => ({ value: c, label: t(`devices.fault.${c}`) }))}
      searchable
      allowDeselect={false}
      value={value || null}
      error={error}
      onChange={(v) => v && onChange(v)}
    />
  );
}
