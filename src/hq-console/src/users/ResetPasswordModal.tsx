import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { hqPasswordSchema, type HqUser } from '../../../shared/hq-console/contract';
import { z } from 'zod';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { useI18n } from '../i18n';

const schema = z.object({ password: hqPasswordSchema });

/** An admin sets a new password for someone (also lifts a lockout and ends their sessions). */
export function ResetPasswordModal({ user, onClose }: { user: HqUser | null; onClose(): void }) {
  const { t } = useI18n();
  const reset = useConsoleMutation('users.resetPassword', ['users.list']);
  const { form, refused } = useSchemaForm({ password: '' }, schema);
  const submit = form.onSubmit(({ password }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password },
      { onSuccess: () => (notifications.show({ message: t('ui.hq.users.resetDone', { name: user.displayName }) }), form.reset(), onClose()), onError: (e) => void refused(e) },
    );
  });
  return (
    <Modal opened={!!user} onClose={onClose} title={`${t('ui.hq.users.resetPassword')} · ${user?.displayName ?? ''}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput label={t('ui.user.newPassword')} description={t('ui.hq.users.passwordHint')} autoComplete="new-password" autoFocus {...form.getInputProps('password')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
