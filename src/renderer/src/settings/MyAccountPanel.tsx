import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useFormSubmit } from '../hooks/useFormSubmit';

function ChangePasswordForm() {
  const t = useT();
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) return setErrors({ confirm: t('ui.form.passwordMismatch') });
    await submit(async () => {
      await api.call('auth.changePassword', { current, next });
      showSuccessToast(t('ui.account.passwordChanged'));
      setCurrent('');
      setNext('');
      setConfirm('');
    });
  };
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <Title order={4}>{t('ui.account.changePassword')}</Title>
        {user.managedByHq ? (
          <Text size="sm" c="dimmed">
            {t('ui.account.passwordFromHq')}
          </Text>
        ) : null}
        <PasswordInput label={t('ui.user.currentPassword')} autoComplete="current-password" value={current} error={errors.current} onChange={(e) => setCurrent(e.currentTarget.value)} />
        <PasswordInput label={t('ui.user.newPassword')} description={t('ui.user.passwordHint')} autoComplete="new-password" value={next} error={errors.next} onChange={(e) => setNext(e.currentTarget.value)} />
        <PasswordInput label={t('ui.user.passwordConfirm')} autoComplete="new-password" value={confirm} error={errors.confirm} onChange={(e) => setConfirm(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('ui.account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SetPinForm() {
  const t = useT();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const { errors, busy, submit } = useFormSubmit();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit(async () => {
      await api.call('auth.setPin', { password, pin });
      showSuccessToast(t('ui.account.pinSet'));
      setPassword('');
      setPin('');
    });
  };
  return (
    <form onSubmit={save} noValidate>
      <Stack>
        <Title order={4}>{t('ui.account.setPin')}</Title>
        <Text size="sm" c="dimmed">
          {t('ui.account.pinExplain')}
        </Text>
        <PasswordInput label={t('ui.user.password')} autoComplete="current-password" value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <TextInput label={t('ui.user.newPin')} description={t('ui.user.pinHint')} inputMode="numeric" maxLength={8} value={pin} error={errors.pin} onChange={(e) => setPin(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('ui.account.setPin')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One's own password and quick-switch PIN. */
export function MyAccountPanel() {
  const t = useT();
  const { user } = useSession();
  return (
    <Stack maw={820}>
      <Text>
        {t('ui.account.signedInAs', { name: user.displayName, username: user.username, role: t(`role.${user.role}`) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <ChangePasswordForm />
        </Paper>
        <Paper withBorder p="md">
          <SetPinForm />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
