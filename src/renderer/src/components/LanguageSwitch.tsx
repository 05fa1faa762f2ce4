import { LanguageSwitch as Switch } from '../../../ui/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';

/** The shared switch bound to the shop's i18n. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return <Switch locale={locale} setLocale={setLocale} t={(k) => t(k)} />;
}
