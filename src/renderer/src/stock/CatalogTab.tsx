import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Badge, Button, Checkbox, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { RemoteError } from '../../../shared/api/remote-error';
import { useCall, useFetchCall, useInvalidateAfter } from '../data/calls';
import { isManager, useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { money, partName } from './format';
import { PartCard } from './PartCard';
import { PartFormModal } from './PartFormModal';
import { EmptyState } from '../components/EmptyState';
import { CATALOG_PLACE } from '../settings/catalogPlace';
import { StockFigures } from './StockFigures';

/** Catalog search (SKU, name, model, serial, barcode scan) with this shop's figures; a row opens the stock card. */
export function CatalogTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<'all' | 'part' | 'loaner'>('all');
  const [inStockOnly, setInStockOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const [query] = useDebouncedValue(q, 150);
  const rows = useCall('parts.search', { q: query, inStockOnly, limit: 100, ...(kind === 'all' ? {} : { kind }) }, { keepPrevious: true }).data ?? null;
  const fetchCall = useFetchCall();
  const invalidate = useInvalidateAfter();

  // A scan anywhere on this tab looks the code up; a single exact hit opens its stock card.
  useBarcodeScanner((code, info) => {
    if (openId || creating) return;
    if (info.field !== null && (info.target as HTMLElement | null)?.dataset?.testid !== 'part-search') return;
    setQ(code);
    // no exact hit: the search below shows what matches the code
    fetchCall('parts.byCode', { code }).then(
      (p) => setOpenId(p.id),
      (e) => (e instanceof RemoteError && e.code === 'NOT_FOUND') || toast(e),
    );
  });

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group wrap="wrap">
          <TextInput
            data-testid="part-search"
            data-scan="text"
            w={340}
            placeholder={t('ui.stock.search.placeholder')}
            aria-label={t('ui.stock.search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-autofocus
          />
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: 'all', label: t('ui.stock.kind.all') },
              { value: 'part', label: t('stock.partKind.part') },
              { value: 'loaner', label: t('stock.partKind.loaner') },
            ]}
          />
          <Checkbox label={t('ui.stock.inStockOnly')} checked={inStockOnly} onChange={(e) => setInStockOnly(e.currentTarget.checked)} />
        </Group>
        {isManager(user) ? <Button onClick={() => setCreating(true)}>{t('ui.stock.part.new')}</Button> : null}
      </Group>
      <Table striped highlightOnHover withTableBorder data-testid="parts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>{t('ui.stock.col.name')}</Table.Th>
            <Table.Th>{t('ui.stock.col.category')}</Table.Th>
            <Table.Th>{t('ui.stock.col.bin')}</Table.Th>
            <Table.Th>{t('ui.stock.col.figures')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.col.listPrice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).map((p) => (
            <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(p.id)} data-testid={`part-row-${p.sku}`}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.sku}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{partName(p, locale)}</Text>
                  {p.grade === 'certified' ? <Badge size="xs" variant="light" color="grape">{t('stock.grade.certified')}</Badge> : null}
                  {p.kind === 'loaner' ? <Badge size="xs" variant="light" color="orange">{t('stock.partKind.loaner')}</Badge> : null}
                  {p.serialized ? <Badge size="xs" variant="outline" color="gray">{t('ui.stock.serialized')}</Badge> : null}
                  {!p.active ? <Badge size="xs" color="gray">{t('ui.stock.inactive')}</Badge> : null}
                </Group>
                {p.matchedSerial ? (
                  <Text size="xs" c="indigo">
                    {t('ui.stock.matchedSerial', { serial: p.matchedSerial })}
                  </Text>
                ) : p.models.length ? (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {p.models.join(' · ')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{p.category}</Table.Td>
              <Table.Td>{p.stock.bin || '—'}</Table.Td>
              <Table.Td>
                <StockFigures stock={p.stock} compact />
              </Table.Td>
              <Table.Td ta="right">{money(p.listPrice, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows && rows.length === 0 ? (
        // Nothing asked for and nothing found: the catalog itself is empty, and someone must fill it.
        !query.trim() && kind === 'all' && !inStockOnly ? (
          <EmptyState
            what={t('ui.stock.catalog.empty')}
            next={t(isManager(user) ? 'ui.stock.catalog.emptyAdd' : 'ui.stock.catalog.emptyWho')}
            action={isManager(user) ? { label: t('ui.stock.catalog.toImport'), to: CATALOG_PLACE.parts } : null}
            testId="catalog-empty"
          />
        ) : (
          <EmptyState what={t('ui.stock.search.none')} next={t('ui.stock.search.noneNext')} testId="catalog-none" />
        )
      ) : null}
      <PartCard partId={openId} onClose={() => setOpenId(null)} onChanged={() => void invalidate('parts.save')} />
      <PartFormModal opened={creating} editing={null} onClose={() => setCreating(false)} onSaved={(p) => (void invalidate('parts.save'), setOpenId(p.id))} />
    </>
  );
}
