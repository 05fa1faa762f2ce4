import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { SessionInfo } from '../../../shared/auth/schemas';
import { api } from '../api/client';
import { AuthFrame } from '../components/AuthFrame';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { prefetchAfterSignInScreen } from '../app/chunks';

/** Password sign-in. The error stays on the card (not only a toast): the person is looking there. */
export function LoginScreen({ shopName, onSignedIn, onPin }: { shopName: string | null; onSignedIn(s: SessionInfo): void; onPin(): void }) {
  const t = useT();
  const { message } = useErrorToast();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => prefetchAfterSignInScreen(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return setError(t('ui.auth.fillBoth'));
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.call('auth.login', { username: username.trim(), password }));
    } catch (err) {
      setError(message(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('ui.auth.loginTitle')} subtitle={shopName}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {error}
            </Alert>
          ) : null}
          <TextInput label={t('ui.user.username')} autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
          <PasswordInput label={t('ui.user.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={busy} fullWidth>
            {t('ui.auth.signIn')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onPin} ta="center">
            {t('ui.auth.usePin')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
