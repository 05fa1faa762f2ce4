import { Group, Text, Tooltip } from '@mantine/core';
import type { StockFigures as Figures } from '../../../shared/stock/schemas';
import { useT } from '../i18n/I18nProvider';

/** On hand / reserved / available, the same wherever a part is picked; a shortage in red. */
export function StockFigures({ stock, compact = false }: { stock: Figures; compact?: boolean }) {
  const t = useT();
  const low = stock.available <= stock.reorderPoint && stock.reorderPoint > 0;
  const color = stock.available < 0 ? 'red' : stock.available === 0 || low ? 'orange' : undefined;
  return (
    <Group gap={compact ? 8 : 16} wrap="nowrap" data-testid="stock-figures">
      <Tooltip label={t('ui.stock.onHand')}>
        <Text size="sm">
          {compact ? '' : `${t('ui.stock.onHand')} `}
          <b>{stock.onHand}</b>
        </Text>
      </Tooltip>
      <Tooltip label={t('ui.stock.reserved')}>
        <Text size="sm" c="dimmed">
          {compact ? `(${stock.reserved})` : `${t('ui.stock.reserved')} ${stock.reserved}`}
        </Text>
      </Tooltip>
      <Tooltip label={t('ui.stock.available')}>
        <Text size="sm" c={color} fw={600}>
          {compact ? `→ ${stock.available}` : `${t('ui.stock.available')} ${stock.available}`}
        </Text>
      </Tooltip>
    </Group>
  );
}
