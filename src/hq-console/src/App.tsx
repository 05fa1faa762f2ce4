import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { sessionEnded } from './api';
import { useConsole } from './data';
import { useI18n } from './i18n';
import { SignIn } from './SignIn';
import { Shell } from './shell/Shell';

/** Signed in (auth.me answers) → the shell; a 401 → sign-in. Another person never sees the previous one's answers. */
export function App() {
  const { t } = useI18n();
  const client = useQueryClient();
  const me = useConsole('auth.me', {});
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('ui.common.loading')} />
      </Center>
    );
  }
  if (me.isError && sessionEnded(me.error)) return <SignIn onSignedIn={() => (client.clear(), void me.refetch())} />;
  if (me.isError) return <SignIn onSignedIn={() => void me.refetch()} error={me.error.message} />;
  return <Shell me={me.data} onSignedOut={() => (client.clear(), void me.refetch())} />;
}
