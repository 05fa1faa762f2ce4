import { SegmentedControl } from '@mantine/core';
import { LOCALES, type Locale } from '../../../shared/i18n/types';
import { useI18n } from '../i18n/I18nProvider';

/** Two languages, so a visible two-way switch beats a menu: one click, state always shown. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.lang.switch')}
      value={locale}
      onChange={(v) => setLocale(v as Locale)}
      data={LOCALES.map((l) => ({ value: l, label: t(`ui.lang.short.${l}`) }))}
      data-testid="language-switch"
    />
  );
}
