import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { User } from '../../../shared/auth/schemas';
import { api } from '../api/client';
import { showSuccessToast } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useFormSubmit } from '../hooks/useFormSubmit';

/** A manager sets a new password for someone who forgot theirs (also clears a lockout). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit();
  useEffect(() => {
    setPassword('');
    setErrors({});
  }, [user, setErrors]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    await submit(async () => {
      await api.call('users.resetPassword', { id: user.id, password });
      showSuccessToast(t('ui.users.passwordReset', { name: user.displayName }));
      onClose();
    });
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={t('ui.users.resetTitle', { name: user?.displayName ?? '' })}>
      <form onSubmit={save} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('ui.users.resetExplain')}
          </Text>
          <PasswordInput data-autofocus label={t('ui.user.newPassword')} description={t('ui.user.passwordHint')} value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('ui.users.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
