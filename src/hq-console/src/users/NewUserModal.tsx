import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { HQ_ROLES, newHqUserSchema } from '../../../shared/hq-console/contract';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { useI18n } from '../i18n';

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const create = useConsoleMutation('users.create', ['users.list']);
  const { form, refused } = useSchemaForm({ username: '', displayName: '', role: 'service_manager', password: '' }, newHqUserSchema);
  const submit = form.onSubmit((values) =>
    create.mutate({ ...values, role: values.role as (typeof HQ_ROLES)[number] }, { onSuccess: () => (form.reset(), onClose()), onError: (e) => void refused(e) }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.hq.users.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('ui.user.username')} autoFocus {...form.getInputProps('username')} />
          <TextInput label={t('ui.user.displayName')} {...form.getInputProps('displayName')} />
          <Select label={t('ui.user.role')} data={HQ_ROLES.map((r) => ({ value: r, label: t(`ui.hq.role.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
          <PasswordInput label={t('ui.user.password')} description={t('ui.hq.users.passwordHint')} autoComplete="new-password" {...form.getInputProps('password')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('ui.hq.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
