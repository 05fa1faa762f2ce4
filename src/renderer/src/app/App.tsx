import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, User } from '../../../shared/auth/schemas';
import type { Shop } from '../../../shared/shop/schemas';
import { api } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { LoginScreen } from '../auth/LoginScreen';
import { chunks } from './chunks';
import { lazyChunk } from './lazyChunk';
import { showToast } from '../components/toast';
import { SessionContext, type SessionValue } from './session';
import { useCall } from '../data/calls';

// The sign-in screen is the first screen: everything else is its own chunk, fetched while the
// person signs in (chunks.ts), so the first screen parses only what it shows.
const SetupWizard = lazyChunk(chunks.setup, (m) => m.SetupWizard);
const FirstDayScreen = lazyChunk(chunks.firstDay, (m) => m.FirstDayScreen);
const PinSwitchScreen = lazyChunk(chunks.pin, (m) => m.PinSwitchScreen);
const Shell = lazyChunk(chunks.shell, (m) => m.Shell);
const Routed = lazyChunk(chunks.router, (m) => m.Routed);

type Screen =
  | { kind: 'loading' }
  | { kind: 'offline'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'login' }
  | { kind: 'pin' }
  /** firstDay: just set up by the wizard, which goes on with the shop's starter data. */
  | { kind: 'app'; user: User; firstDay?: boolean };

/** Decides which screen shows: first-run wizard, sign-in, PIN switch or the shell. */
export function App() {
  const { t, suggestLocale } = useI18n();
  const { message } = useErrorToast();
  // What sign-in, sign-out and the wizard decided; until one of them happens the start-up reads decide.
  const [chosen, setChosen] = useState<Screen | null>(null);
  const [shopName, setShopName] = useState<string | null>(null);
  const queries = useQueryClient();

  // The start-up reads: is the shop set up, and is the stored session (if any) still signed in?
  const starting = chosen === null;
  const status = useCall('setup.status', {}, { enabled: starting, silent: true });
  const stored = api.hasStoredSession();
  const me = useCall('auth.me', {}, { enabled: starting && !!status.data?.setUp && stored, silent: true });
  const screen: Screen =
    chosen ??
    (status.isError && !status.isFetching
      ? { kind: 'offline', error: status.error }
      : !status.data || status.isError
        ? { kind: 'loading' }
        : !status.data.setUp
          ? { kind: 'setup' }
          : !stored || me.isError
            ? { kind: 'login' }
            : me.data
              ? { kind: 'app', user: me.data.user }
              : { kind: 'loading' });
  const screenRef = useRef(screen);
  screenRef.current = screen;

  const statusData = status.data;
  useEffect(() => {
    if (!statusData?.setUp) return;
    setShopName(statusData.shopName);
    if (statusData.language) suggestLocale(statusData.language);
  }, [statusData, suggestLocale]);


  // Any call finding the session gone (expired, user disabled) lands on the sign-in screen.
  useEffect(
    () =>
      api.onSessionLost((err) => {
        api.forgetSession();
        // Only a signed-in person needs telling; at startup a stale token just means "sign in".
        if (screenRef.current.kind !== 'app') return;
        showToast({ color: 'orange', message: err.message, autoClose: 8000 });
        setChosen({ kind: 'login' });
      }),
    [],
  );

  // Another person's session never sees the previous one's answers.
  const signedIn = useCallback((session: SessionInfo) => (queries.clear(), setChosen({ kind: 'app', user: session.user })), [queries]);
  const setUp = useCallback((session: SessionInfo) => (queries.clear(), setChosen({ kind: 'app', user: session.user, firstDay: true })), [queries]);

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
    setChosen({ kind: next });
  }, [queries]);

  const session = useMemo<SessionValue | null>(
    () =>
      user
        ? { user, shop, refreshShop, signOut: () => endSession('login'), switchUser: () => endSession('pin') }
        : null,
    [user, shop, refreshShop, endSession],
  );

  const loading = (
    <Center h="100vh">
      <Loader aria-label={t('ui.common.loading')} />
    </Center>
  );
  // a screen whose chunk has not arrived yet shows the spinner meanwhile
  const later = (node: ReactNode) => <Suspense fallback={loading}>{node}</Suspense>;

  switch (screen.kind) {
    case 'loading':
      return loading;
    case 'offline':
      return (
        <Center h="100vh">
          <Stack maw={420}>
            <Alert color="red" title={t('ui.error.title')}>
              {message(screen.error)}
            </Alert>
            <Button onClick={() => void status.refetch()} autoFocus>
              {t('ui.common.retry')}
            </Button>
          </Stack>
        </Center>
      );
    case 'setup':
      return later(<SetupWizard onDone={setUp} />);
    case 'login':
      return <LoginScreen shopName={shopName} onSignedIn={signedIn} onPin={() => setChosen({ kind: 'pin' })} />;
    case 'pin':
      return later(<PinSwitchScreen shopName={shopName} onSignedIn={signedIn} onPassword={() => setChosen({ kind: 'login' })} />);
    case 'app':
      return (
        <SessionContext.Provider value={session}>
          {later(<Routed>{screen.firstDay ? <FirstDayScreen onDone={() => setChosen({ kind: 'app', user: screen.user })} /> : <Shell />}</Routed>)}
        </SessionContext.Provider>
      );
  }
}
