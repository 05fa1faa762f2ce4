import type { ReactNode } from 'react';
import { AuthFrame as Frame } from '../../../ui/AuthFrame';
import { LanguageSwitch } from './LanguageSwitch';
import { useT } from '../i18n/I18nProvider';

/** The shared card for the wizard, sign-in and PIN screens, under the shop's name. */
export function AuthFrame(props: { title: string; subtitle?: string | null; width?: number; children: ReactNode }) {
  const t = useT();
  return <Frame appName={t('ui.app.name')} languageSwitch={<LanguageSwitch />} {...props} />;
}
