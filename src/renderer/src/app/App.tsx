import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, User } from '../../../shared/auth/schemas';
import type { Shop } from '../../../shared/shop/schemas';
import { api } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { SetupWizard } from '../setup/SetupWizard';
import { LoginScreen } from '../auth/LoginScreen';
import { PinSwitchScreen } from '../auth/PinSwitchScreen';
import { Shell } from '../shell/Shell';
import { prefetchFirstScreen } from '../shell/SectionPage';
import { SessionContext, type SessionValue } from './session';
import { useCall } from '../data/calls';

type Screen =
  | { kind: 'loading' }
  | { kind: 'offline'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'login' }
  | { kind: 'pin' }
  | { kind: 'app'; user: User };

/** Decides which screen shows: first-run wizard, sign-in, PIN switch or the shell. */
export function App() {
  const { t, suggestLocale } = useI18n();
  const { message } = useErrorToast();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const screenRef = useRef(screen);
  screenRef.current = screen;
  const [shopName, setShopName] = useState<string | null>(null);
  const queries = useQueryClient();

  const start = useCallback(async () => {
    setScreen({ kind: 'loading' });
    try {
      const status = await api.call('setup.status', {});
      if (!status.setUp) return setScreen({ kind: 'setup' });
      setShopName(status.shopName);
      if (status.language) suggestLocale(status.language);
      if (!api.hasStoredSession()) return setScreen({ kind: 'login' });
      try {
        const me = await api.call('auth.me', {});
        setScreen({ kind: 'app', user: me.user });
      } catch {
        setScreen({ kind: 'login' });
      }
    } catch (error) {
      setScreen({ kind: 'offline', error });
    }
  }, [suggestLocale]);

  useEffect(() => {
    void start();
    prefetchFirstScreen();
  }, [start]);

  // Any call finding the session gone (expired, user disabled) lands on the sign-in screen.
  useEffect(
    () =>
      api.onSessionLost((err) => {
        api.forgetSession();
        // Only a signed-in person needs telling; at startup a stale token just means "sign in".
        if (screenRef.current.kind !== 'app') return;
        notifications.show({ color: 'orange', message: err.message, autoClose: 8000 });
        setScreen({ kind: 'login' });
      }),
    [],
  );

  // Another person's session never sees the previous one's answers.
  const signedIn = useCallback((session: SessionInfo) => (queries.clear(), setScreen({ kind: 'app', user: session.user })), [queries]);

  const user = screen.kind === 'app' ? screen.user : null;
  const shopQuery = useCall('shop.get', {}, { enabled: !!user, silent: true });
  const shop: Shop | null = (user && shopQuery.data) || null;
  useEffect(() => {
    if (shopQuery.data) setShopName(shopQuery.data.settings.name);
  }, [shopQuery.data]);
  const { refetch: refetchShop } = shopQuery;
  const refreshShop = useCallback(async () => void (await refetchShop()), [refetchShop]);

  const endSession = useCallback(async (next: 'login' | 'pin') => {
    try {
      await api.call('auth.logout', {});
    } catch {
      /* already gone: nothing to end */
    }
    api.forgetSession();
    queries.clear();
    setScreen({ kind: next });
  }, [queries]);

  const session = useMemo<SessionValue | null>(
    () =>
      user
        ? { user, shop, refreshShop, signOut: () => endSession('login'), switchUser: () => endSession('pin') }
        : null,
    [user, shop, refreshShop, endSession],
  );

  switch (screen.kind) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader aria-label={t('ui.common.loading')} />
        </Center>
      );
    case 'offline':
      return (
        <Center h="100vh">
          <Stack maw={420}>
            <Alert color="red" title={t('ui.error.title')}>
              {message(screen.error)}
            </Alert>
            <Button onClick={() => void start()} autoFocus>
              {t('ui.common.retry')}
            </Button>
          </Stack>
        </Center>
      );
    case 'setup':
      return <SetupWizard onDone={signedIn} />;
    case 'login':
      return <LoginScreen shopName={shopName} onSignedIn={signedIn} onPin={() => setScreen({ kind: 'pin' })} />;
    case 'pin':
      return <PinSwitchScreen shopName={shopName} onSignedIn={signedIn} onPassword={() => setScreen({ kind: 'login' })} />;
    case 'app':
      return (
        <SessionContext.Provider value={session}>
          <Shell />
        </SessionContext.Provider>
      );
  }
}
