import { firstAnswers, firstLanguage } from '../i18n/boot';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { I18nProvider } from '../i18n/I18nProvider';
import { QueryProvider } from '../data/QueryProvider';
import { App } from './App';
import { Toasts } from '../components/Toasts';
import { theme } from '../../../ui/theme';

// The first screen is drawn in its language: that language's messages (their own chunk) first.
await firstLanguage.catch((e: unknown) => console.error('[fixpoint] messages not loaded', e));
const seed = await firstAnswers;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Toasts />
      <I18nProvider>
        <QueryProvider seed={seed}>
          <App />
        </QueryProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
