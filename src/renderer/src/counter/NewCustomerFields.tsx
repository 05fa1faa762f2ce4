import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { CustomerSummary } from '../../../shared/customers/schemas';
import { parseCnPhone } from '../../../shared/customers/phone';
import { useT } from '../i18n/I18nProvider';
import type { NewCustomerForm } from './intakeForm';

interface Props {
  value: NewCustomerForm;
  errors: Record<string, string>;
  duplicates: CustomerSummary[];
  onChange(v: NewCustomerForm): void;
  onUseExisting(c: CustomerSummary): void;
  onSaveAnyway(): void;
  onCancel(): void;
}

/** A new customer inline: phone checked as typed; a phone someone else has offers that customer. */
export function NewCustomerFields({ value, errors, duplicates, onChange, onUseExisting, onSaveAnyway, onCancel }: Props) {
  const t = useT();
  const set = (k: keyof NewCustomerForm) => (e: { currentTarget: { value: string } }) => onChange({ ...value, [k]: e.currentTarget.value });
  const parsed = value.phone.trim() ? parseCnPhone(value.phone) : null;
  const phoneHint = !value.phone.trim() ? undefined : parsed ? `✓ ${parsed.display} · ${t(`customers.phoneKind.${parsed.kind}`)}` : undefined;
  return (
    <Paper withBorder p="sm" data-testid="new-customer">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('ui.counter.customer.newTitle')}</Text>
          <Button variant="subtle" size="compact-xs" onClick={onCancel} tabIndex={-1}>
            {t('ui.common.cancel')}
          </Button>
        </Group>
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.counter.customer.name')} required value={value.name} error={errors['customer.name']} onChange={set('name')} data-autofocus />
          <TextInput
            label={t('ui.counter.customer.phone')}
            required
            value={value.phone}
            error={errors['customer.phones.0'] ?? errors['customer.phones']}
            description={phoneHint}
            inputMode="tel"
            onChange={set('phone')}
          />
          <TextInput label={t('ui.counter.customer.address')} value={value.address} error={errors['customer.address']} onChange={set('address')} />
          <TextInput label={t('ui.counter.customer.company')} value={value.company} error={errors['customer.company']} onChange={set('company')} />
        </SimpleGrid>
        {duplicates.length > 0 ? (
          <Alert color="yellow" title={t('customers.warning.duplicatePhone')} data-testid="duplicate-phone">
            <Stack gap={6}>
              {duplicates.map((c) => (
                <Group key={c.id} justify="space-between">
                  <Text size="sm">
                    {c.name} · {c.phones.join(' · ')}
                  </Text>
                  <Button size="compact-sm" onClick={() => onUseExisting(c)}>
                    {t('ui.counter.customer.useExisting')}
                  </Button>
                </Group>
              ))}
              <Group justify="flex-end">
                <Button size="compact-sm" variant="default" onClick={onSaveAnyway}>
                  {t('ui.counter.customer.saveAnyway')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
