import { Stack, Text } from '@mantine/core';
import { TabPages } from '../components/TabPages';
import { useT } from '../i18n/I18nProvider';
import { PriceList } from '../bench/PriceList';
import { PartsImport } from '../firstday/PartsImport';
import { FirstDaySteps } from '../firstday/FirstDaySteps';

/** Settings → price list & parts catalog (managers and the admin): the price list, the catalog import, and the first-day steps to resume. */
export function CatalogPlacePanel() {
  const t = useT();
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('ui.catalogPlace.intro')}
      </Text>
      <TabPages
        level={1}
        defaultValue="prices"
        tabs={[
          { value: 'prices', label: t('ui.catalogPlace.tab.prices'), testId: 'catalog-place-prices', panel: <PriceList inPlace /> },
          { value: 'parts', label: t('ui.catalogPlace.tab.parts'), testId: 'catalog-place-parts', panel: <PartsImport /> },
          { value: 'start', label: t('ui.catalogPlace.tab.start'), testId: 'catalog-place-start', panel: <FirstDaySteps /> },
        ]}
      />
    </Stack>
  );
}
