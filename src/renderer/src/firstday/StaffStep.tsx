import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { newUserSchema } from '../../../shared/auth/schemas';
import type { Role } from '../../../shared/api/roles';
import { useCall, useCallMutation } from '../data/calls';
import { useContractForm } from '../forms/useContractForm';
import { useT } from '../i18n/I18nProvider';

/** The roles of the daily work; the admin account already exists and is kept for the rare admin task. */
const STAFF_ROLES = ['manager', 'technician', 'counter'] as const satisfies readonly Role[];

/** The first staff accounts (a manager, technicians, the counter), so nothing after the wizard needs the admin. */
export function StaffStep() {
  const t = useT();
  const users = useCall('users.list', {}).data ?? [];
  const staff = users.filter((u) => u.role !== 'admin');
  const create = useCallMutation('users.create');
  const blank = { username: '', displayName: '', password: '', pin: '' };
  const { form, submit } = useContractForm({
    initialValues: { role: 'manager' as Role, ...blank },
    schema: newUserSchema.strict(),
    toInput: (v) => ({ username: v.username.trim(), displayName: v.displayName, role: v.role, password: v.password, ...(v.pin ? { pin: v.pin } : {}) }),
  });
  const add = submit(async (input) => {
    // The list below shows the new account: no toast to cover the buttons.
    await create.mutateAsync(input);
    // The next account is most likely of the next role down the list.
    const next = STAFF_ROLES[(STAFF_ROLES.indexOf(input.role as (typeof STAFF_ROLES)[number]) + 1) % STAFF_ROLES.length]!;
    form.setValues({ role: next, ...blank });
  });
  return (
    <Stack mt="md" data-testid="firstday-staff">
      <Text size="sm">{t('ui.firstday.staff.intro')}</Text>
      <form onSubmit={add} noValidate>
        <SimpleGrid cols={5} spacing="xs">
          <Select
            label={t('ui.user.role')}
            data={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            allowDeselect={false}
            data-testid="staff-role"
            {...form.getInputProps('role')}
          />
          <TextInput label={t('ui.user.username')} data-testid="staff-username" {...form.getInputProps('username')} />
          <TextInput label={t('ui.user.displayName')} data-testid="staff-name" {...form.getInputProps('displayName')} />
          <PasswordInput label={t('ui.user.password')} data-testid="staff-password" {...form.getInputProps('password')} />
          <TextInput label={t('ui.user.pin')} inputMode="numeric" maxLength={8} data-testid="staff-pin" {...form.getInputProps('pin')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={4}>
          {t('ui.user.passwordHint')} · {t('ui.user.pinHintOptional')}
        </Text>
        <Group justify="flex-end" mt="xs">
          <Button type="submit" variant="light" loading={form.submitting} data-testid="staff-add">
            {t('ui.firstday.staff.add')}
          </Button>
        </Group>
      </form>
      {staff.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.firstday.staff.none')}
        </Text>
      ) : (
        <Table striped data-testid="staff-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.user.displayName')}</Table.Th>
              <Table.Th>{t('ui.user.username')}</Table.Th>
              <Table.Th>{t('ui.user.role')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
