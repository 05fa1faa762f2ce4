import { useState } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
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
    <Box mih="100vh" bg="gray.1" py="xl">
      <Group justify="space-between" px="lg" mb="md">
        <Text fw={700} c="indigo.7" size="lg">
          {t('ui.hq.appName')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" radius="md" w={420} maw="95vw">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2}>{t('ui.hq.signIn.title')}</Title>
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
        </Paper>
      </Center>
    </Box>
  );
}
