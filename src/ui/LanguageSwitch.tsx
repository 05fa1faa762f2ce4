import { SegmentedControl } from '@mantine/core';
import { LOCALES, type Locale } from '../shared/i18n/types';

/**
 * Two languages, so a visible two-way switch beats a menu: one click, state always shown. Each
 * app passes its own i18n (the shop's and head office's catalogs differ; the keys are the same).
 */
export function LanguageSwitch({ locale, setLocale, t }: { locale: Locale; setLocale(l: Locale): void; t(key: string): string }) {
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
