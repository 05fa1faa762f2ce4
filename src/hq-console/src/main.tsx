import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
// The shop's design system: the same Mantine theme (fonts for Chinese and Latin, colours, radius).
import { theme } from '../../ui/theme';
import { I18nProvider } from './i18n';
import { App } from './App';
import { sessionEnded } from './api';

/** A failed call says why in a toast; a 401 anywhere sends the app back to sign-in (auth.me asked again). */
function Queries({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => {
    const onError = (err: Error, key?: readonly unknown[]) => {
      if (sessionEnded(err)) {
        if (key?.[0] !== 'auth.me') void client.invalidateQueries({ queryKey: ['auth.me'] });
        return;
      }
      notifications.show({ color: 'red', message: err.message, autoClose: 8000 });
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError: (err, q) => onError(err, q.queryKey) }),
      mutationCache: new MutationCache({ onError: (err) => onError(err) }),
      defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true }, mutations: { retry: false } },
    });
    return client;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <I18nProvider>
        <Queries>
          <BrowserRouter basename="/console">
            <App />
          </BrowserRouter>
        </Queries>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
