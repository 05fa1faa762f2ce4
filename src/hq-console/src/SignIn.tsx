import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { AuthFrame } from '../../ui/AuthFrame';
import { signInSchema } from '../../shared/hq-console/contract';
import { call } from './api';
import { useSchemaForm } from './form';
import { LanguageSwitch, useI18n } from './i18n';

/** Password sign-in; the server's answer (wrong password, locked, disabled) stays on the card, where the person looks. */
export function SignIn({ onSignedIn, error: startError }: { onSignedIn(): void; error?: string }) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<string | null>(startError ?? null);
  const [busy, setBusy] = useState(false);
  const { form } = useSchemaForm({ username: '', password: '' }, signInSchema);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await call('auth.signIn', values, locale);
      onSignedIn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }, () => setError(t('ui.hq.signIn.fillBoth')));

  return (
    <AuthFrame appName={t('ui.hq.appName')} languageSwitch={<LanguageSwitch />} title={t('ui.hq.signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {error}
            </Alert>
          ) : null}
          <TextInput label={t('ui.user.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} error={undefined} />
          <PasswordInput label={t('ui.user.password')} autoComplete="current-password" {...form.getInputProps('password')} error={undefined} />
          <Button type="submit" loading={busy} fullWidth>
            {t('ui.hq.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
