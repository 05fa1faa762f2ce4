import { useState } from 'react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { CatalogTab } from './CatalogTab';
import { ReorderTab } from './ReorderTab';
import { ValuationTab } from './ValuationTab';
import { StocktakeTab } from './StocktakeTab';
import { OldPartsTab } from './OldPartsTab';
import { LoanersTab } from './LoanersTab';
import { ImportTab } from './ImportTab';

/** The Stock section: catalog and stock cards, reorder, valuation, stocktake, old parts, loaners, import. */
export function StockPage() {
  const t = useT();
  const { user } = useSession();
  const manager = isManager(user);
  const [tab, setTab] = useState<string | null>('catalog');
  return (
    <Stack maw={1280}>
      <div>
        <Title order={2}>{t('ui.section.stock.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('ui.section.stock.intro')}
        </Text>
      </div>
      {/* keepMounted=false: each tab loads fresh figures when opened. */}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="catalog" data-testid="stock-tab-catalog">{t('ui.stock.tab.catalog')}</Tabs.Tab>
          <Tabs.Tab value="reorder" data-testid="stock-tab-reorder">{t('ui.stock.tab.reorder')}</Tabs.Tab>
          {manager ? <Tabs.Tab value="valuation" data-testid="stock-tab-valuation">{t('ui.stock.tab.valuation')}</Tabs.Tab> : null}
          <Tabs.Tab value="stocktake" data-testid="stock-tab-stocktake">{t('ui.stock.tab.stocktake')}</Tabs.Tab>
          <Tabs.Tab value="oldParts" data-testid="stock-tab-oldParts">{t('ui.stock.tab.oldParts')}</Tabs.Tab>
          <Tabs.Tab value="loaners" data-testid="stock-tab-loaners">{t('ui.stock.tab.loaners')}</Tabs.Tab>
          {user.role === 'admin' ? <Tabs.Tab value="import" data-testid="stock-tab-import">{t('ui.stock.tab.import')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="catalog" pt="md">
          <CatalogTab />
        </Tabs.Panel>
        <Tabs.Panel value="reorder" pt="md">
          <ReorderTab />
        </Tabs.Panel>
        {manager ? (
          <Tabs.Panel value="valuation" pt="md">
            <ValuationTab />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="stocktake" pt="md">
          <StocktakeTab />
        </Tabs.Panel>
        <Tabs.Panel value="oldParts" pt="md">
          <OldPartsTab />
        </Tabs.Panel>
        <Tabs.Panel value="loaners" pt="md">
          <LoanersTab />
        </Tabs.Panel>
        {user.role === 'admin' ? (
          <Tabs.Panel value="import" pt="md">
            <ImportTab />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
