import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { isManager, useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { useCall } from '../data/calls';
import { EmptyState } from '../components/EmptyState';
import { PriceCell } from './PriceCell';
import { PriceItemForm } from './PriceItemForm';
import { CATALOG_PLACE } from '../settings/catalogPlace';

type PriceItem = OutputOf<Procedures['priceList.list']>[number];

/**
 * The price list of labor items and fees. In its place (Settings → price list & parts catalog,
 * and the first-day steps) a manager of a shop not enrolled changes prices in place and adds
 * items; elsewhere (the bench) it is read, with the way to that place for those who may edit.
 */
export function PriceList({ inPlace = false }: { inPlace?: boolean }) {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const items: PriceItem[] = useCall('priceList.list', { includeInactive: true }).data ?? [];
  const enrolled = shop?.settings.enrolled ?? false;
  const mayEdit = isManager(user) && !enrolled;
  const editable = mayEdit && inPlace;
  return (
    <Stack>
      {enrolled ? <Alert color="blue">{t('ui.bench.price.hqOwned')}</Alert> : null}
      {items.length === 0 ? (
        <EmptyState
          what={t('ui.bench.price.empty')}
          next={editable ? t('ui.bench.price.emptyAdd') : enrolled ? t('ui.bench.price.emptyHq') : mayEdit ? undefined : t('ui.bench.price.emptyWho')}
          action={mayEdit && !inPlace ? { label: t('ui.catalogPlace.open'), to: CATALOG_PLACE.prices } : null}
          testId="price-list-empty"
        />
      ) : null}
      {mayEdit && !inPlace && items.length > 0 ? (
        <Text size="sm">
          <Anchor component={Link} to={CATALOG_PLACE.prices} data-testid="price-list-edit-link">
            {t('ui.catalogPlace.open')}
          </Anchor>
        </Text>
      ) : null}
      <Table striped data-testid="price-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.bench.price.code')}</Table.Th>
            <Table.Th>{t('ui.bench.price.kind')}</Table.Th>
            <Table.Th>{t('ui.bench.price.name')}</Table.Th>
            <Table.Th>{t('ui.bench.price.category')}</Table.Th>
            <Table.Th ta="right">{t('ui.bench.price.price')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} opacity={p.active ? 1 : 0.5}>
              <Table.Td>{p.code}</Table.Td>
              <Table.Td>
                {t(`ui.bench.price.kind.${p.kind}`)} {p.diagnosisFee ? <Badge size="xs">{t('ui.bench.price.diagnosisFee')}</Badge> : null}
              </Table.Td>
              <Table.Td>{locale === 'en' && p.nameEn ? p.nameEn : p.nameZh}</Table.Td>
              <Table.Td>{p.category ? t(`warranty.category.${p.category}`) : t('ui.bench.price.allCategories')}</Table.Td>
              <Table.Td ta="right">
                <PriceCell item={p} editable={editable} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable ? <PriceItemForm /> : null}
    </Stack>
  );
}
