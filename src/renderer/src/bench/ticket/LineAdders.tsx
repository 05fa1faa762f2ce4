import { useRef, useState } from 'react';
import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCall, useFetchCall } from '../../data/calls';
import { isManager, useSession } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { CATALOG_PLACE } from '../../settings/catalogPlace';
import { useBarcodeScanner } from '../../hooks/useBarcodeScanner';
import { useErrorToast } from '../../hooks/useErrorToast';
import type { PartRow } from '../../../../shared/stock/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { money, partName } from '../../stock/format';
import type { DraftLine } from './draft';
import { yuan } from './types';

/** Adds a line to the quote: an item of the category's price list, a catalog part (searched as typed), or a free line. */
export function LineAdders({ category, onAdd }: { category: string; onAdd(line: DraftLine): void }) {
  const { t, locale } = useI18n();
  const [partQuery, setPartQuery] = useState('');
  const [partTerm] = useDebouncedValue(partQuery.trim(), 200);
  const [custom, setCustom] = useState({ description: '', price: '' as number | string, reason: '' });
  const { user } = useSession();
  const priceQuery = useCall('priceList.list', { category });
  const prices = priceQuery.data ?? [];
  // Is there any part at all? An empty catalog is told at once, not after a search that finds nothing.
  const anyPart = useCall('parts.search', { q: '', kind: 'part', limit: 1 });
  const manager = isManager(user);
  const partRows = useCall('parts.search', { q: partTerm, kind: 'part', limit: 20 }, { enabled: partTerm !== '' && partQuery.trim() !== '', keepPrevious: true }).data ?? [];
  const m = (f: number) => money(f, locale);
  const addPart = (p: PartRow) => onAdd({ kind: 'part', partId: p.id, label: `${p.sku} ${partName(p, locale)}`, qty: 1, unitPriceFen: p.listPrice, reason: '', warrantyPart: null, available: p.stock.available });
  // A part's barcode (or SKU) scanned into the part field adds that part at once: no list to pick from.
  const partField = useRef<HTMLInputElement>(null);
  const fetchCall = useFetchCall();
  const { toast } = useErrorToast();
  useBarcodeScanner((code, info) => {
    if (info.target !== partField.current) return;
    setPartQuery('');
    fetchCall('parts.byCode', { code }).then(addPart, toast);
  });
  const itemName = (p: (typeof prices)[number]) => (locale === 'en' && p.nameEn ? p.nameEn : p.nameZh);
  return (
    <>
      <Group align="flex-end" gap="xs">
        <Select
          size="xs"
          w={240}
          label={t('ui.bench.quote.addLabor')}
          data-testid="add-labor"
          data={prices.map((p) => ({ value: p.id, label: `${itemName(p)} ${m(p.priceFen)}` }))}
          value={null}
          searchable
          onChange={(v) => {
            const p = prices.find((x) => x.id === v);
            if (p) onAdd({ kind: p.kind, priceItemId: p.id, label: itemName(p), qty: 1, unitPriceFen: p.priceFen, reason: '', warrantyPart: null });
          }}
        />
        <Select
          size="xs"
          w={300}
          label={t('ui.bench.quote.addPart')}
          placeholder={t('ui.bench.quote.searchPart')}
          data-testid="add-part"
          data-scan="text"
          ref={partField}
          searchable
          searchValue={partQuery}
          onSearchChange={setPartQuery}
          filter={({ options }) => options}
          data={partRows.map((p) => ({ value: p.id, label: `${p.sku} ${partName(p, locale)} · ${t('ui.bench.quote.available', { n: p.stock.available })}` }))}
          value={null}
          onChange={(v) => {
            const p = partRows.find((x) => x.id === v);
            if (p) addPart(p);
            setPartQuery('');
          }}
        />
      </Group>
      {priceQuery.data && prices.filter((p) => p.kind === 'labor').length === 0 ? (
        <EmptyState
          what={t('ui.catalogPlace.emptyLabor')}
          next={t('ui.catalogPlace.emptyLaborWho')}
          action={manager ? { label: t('ui.catalogPlace.open'), to: CATALOG_PLACE.prices } : null}
          testId="quote-labor-empty"
        />
      ) : null}
      {anyPart.data && anyPart.data.length === 0 ? (
        <EmptyState
          what={t('ui.catalogPlace.emptyParts')}
          next={t('ui.catalogPlace.emptyPartsWho')}
          action={manager ? { label: t('ui.catalogPlace.open'), to: CATALOG_PLACE.parts } : null}
          testId="quote-parts-empty"
        />
      ) : null}
      <Group align="flex-end" gap="xs">
        <TextInput size="xs" label={t('ui.bench.quote.addCustom')} placeholder={t('ui.bench.quote.description')} value={custom.description} onChange={(e) => setCustom({ ...custom, description: e.currentTarget.value })} />
        <NumberInput size="xs" w={110} label={t('ui.bench.quote.price')} min={0} decimalScale={2} value={custom.price} onChange={(v) => setCustom({ ...custom, price: v })} />
        <TextInput size="xs" label={t('ui.bench.quote.reason')} value={custom.reason} onChange={(e) => setCustom({ ...custom, reason: e.currentTarget.value })} />
        <Button
          size="xs"
          variant="light"
          disabled={!custom.description || custom.price === ''}
          onClick={() => {
            onAdd({ kind: 'custom', label: custom.description, qty: 1, unitPriceFen: yuan(custom.price), reason: custom.reason, warrantyPart: null });
            setCustom({ description: '', price: '', reason: '' });
          }}
        >
          +
        </Button>
      </Group>
    </>
  );
}
