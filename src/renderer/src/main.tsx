import { firstAnswers, firstLanguage } from './i18n/boot';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nProvider } from './i18n/I18nProvider';
import { QueryProvider } from './data/QueryProvider';
import { AppRouter } from './app/AppRouter';
import { theme } from '../../ui/theme';

// The first screen is drawn in its language: that language's messages (their own chunk) first.
await firstLanguage.catch((e: unknown) => console.error('[fixpoint] messages not loaded', e));
const seed = await firstAnswers;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Bottom-right: toasts must never cover the header (user, sign out) at a busy counter. */}
      <Notifications position="bottom-right" limit={4} />
      <I18nProvider>
        <QueryProvider seed={seed}>
          <AppRouter />
        </QueryProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
