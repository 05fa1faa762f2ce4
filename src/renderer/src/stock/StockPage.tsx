import { Stack, Text, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { TabPages } from '../components/TabPages';
import { useT } from '../i18n/I18nProvider';
import { CatalogTab } from './CatalogTab';
import { ReorderTab } from './ReorderTab';
import { ValuationTab } from './ValuationTab';
import { StocktakeTab } from './StocktakeTab';
import { OldPartsTab } from './OldPartsTab';
import { LoanersTab } from './LoanersTab';

/** The Stock section: catalog and stock cards, reorder, valuation, stocktake, old parts, loaners (the catalog import lives in Settings → price list & parts catalog). */
export function StockPage() {
  const t = useT();
  const { user } = useSession();
  const manager = isManager(user);
  return (
    <Stack maw={1280}>
      <div>
        <Title order={2}>{t('ui.section.stock.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ui.section.stock.intro')}
        </Text>
      </div>
      <TabPages
        defaultValue="catalog"
        tabs={[
          { value: 'catalog', label: t('ui.stock.tab.catalog'), testId: 'stock-tab-catalog', panel: <CatalogTab /> },
          { value: 'reorder', label: t('ui.stock.tab.reorder'), testId: 'stock-tab-reorder', panel: <ReorderTab /> },
          { value: 'valuation', label: t('ui.stock.tab.valuation'), testId: 'stock-tab-valuation', hidden: !manager, panel: <ValuationTab /> },
          { value: 'stocktake', label: t('ui.stock.tab.stocktake'), testId: 'stock-tab-stocktake', panel: <StocktakeTab /> },
          { value: 'oldParts', label: t('ui.stock.tab.oldParts'), testId: 'stock-tab-oldParts', panel: <OldPartsTab /> },
          { value: 'loaners', label: t('ui.stock.tab.loaners'), testId: 'stock-tab-loaners', panel: <LoanersTab /> },
        ]}
      />
    </Stack>
  );
}
