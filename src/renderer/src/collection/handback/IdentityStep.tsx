import { Badge, Group, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import type { Handback } from './useHandback';

/** Who collects: the owner (the phone's last four digits, checked as typed) or a third party with an ID document. */
export function IdentityStep({ h }: { h: Handback }) {
  const { t } = useI18n();
  const { mode, setMode, last4Ref, last4, setLast4, errors, identityOk, third, setThird } = h;
  return (
    <>
      <Text fw={700}>{t('ui.collection.step.identity')}</Text>
      <SegmentedControl
        mt={4}
        value={mode}
        onChange={(v) => setMode(v as 'owner' | 'third')}
        data={[
          { value: 'owner', label: t('ui.collection.owner') },
          { value: 'third', label: t('ui.collection.third') },
        ]}
      />
      {mode === 'owner' ? (
        <Group align="flex-end" mt="xs">
          <TextInput
            ref={last4Ref}
            label={t('ui.collection.last4')}
            value={last4}
            maxLength={4}
            w={160}
            inputMode="numeric"
            onChange={(e) => setLast4(e.currentTarget.value.replace(/\D/g, ''))}
            error={errors['identity.last4']}
            data-testid="collection-last4"
          />
          {identityOk !== null ? (
            <Badge color={identityOk ? 'teal' : 'red'} variant="light" tt="none" mb={6} data-testid="collection-identity">
              {identityOk ? t('ui.collection.identityOk') : t('ui.collection.identityBad')}
            </Badge>
          ) : null}
        </Group>
      ) : (
        <SimpleGrid cols={3} mt="xs">
          <TextInput ref={last4Ref} label={t('ui.collection.pickupName')} value={third.name} onChange={(e) => setThird({ ...third, name: e.currentTarget.value })} error={errors['identity.name']} />
          <TextInput label={t('ui.collection.idNumber')} value={third.idNumber} onChange={(e) => setThird({ ...third, idNumber: e.currentTarget.value })} error={errors['identity.idNumber']} />
          <TextInput label={t('ui.collection.relation')} value={third.relation} onChange={(e) => setThird({ ...third, relation: e.currentTarget.value })} />
        </SimpleGrid>
      )}
    </>
  );
}
