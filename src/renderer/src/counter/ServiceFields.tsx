import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { SERVICE_TYPES } from '../../../shared/tickets/schemas';
import { useT } from '../i18n/I18nProvider';
import { RadioChips } from './KeyChoices';
import type { IntakeForm, ServiceKind } from './intakeForm';

type ServicePart = Pick<IntakeForm, 'service' | 'courier' | 'trackingNo' | 'address' | 'appointment'>;
const HOTKEYS: Record<ServiceKind, string> = { carry_in: 'c', mail_in: 'm', on_site: 's' };

/** Carry-in (the default), mail-in with courier and tracking number, on-site with address and appointment. */
export function ServiceFields({ value, errors, onChange }: { value: ServicePart; errors: Record<string, string>; onChange(p: Partial<ServicePart>): void }) {
  const t = useT();
  return (
    <Stack gap={6}>
      <RadioChips
        label={t('ui.counter.service.title')}
        testId="service-type"
        choices={SERVICE_TYPES.map((s) => ({ value: s, label: t(`tickets.service.${s}`), hotkey: HOTKEYS[s] }))}
        value={value.service}
        onChange={(v) => onChange({ service: v as ServiceKind })}
      />
      {value.service === 'mail_in' ? (
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.counter.service.courier')} required value={value.courier} error={errors['service.courier']} onChange={(e) => onChange({ courier: e.currentTarget.value })} />
          <TextInput
            label={t('ui.counter.service.trackingNo')}
            required
            value={value.trackingNo}
            error={errors['service.trackingNo']}
            onChange={(e) => onChange({ trackingNo: e.currentTarget.value })}
          />
        </SimpleGrid>
      ) : value.service === 'on_site' ? (
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.counter.service.address')} required value={value.address} error={errors['service.address']} onChange={(e) => onChange({ address: e.currentTarget.value })} />
          <TextInput
            type="datetime-local"
            label={t('ui.counter.service.appointment')}
            required
            value={value.appointment}
            error={errors['service.appointmentAt']}
            onChange={(e) => onChange({ appointment: e.currentTarget.value })}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
