import { useState } from 'react';
import { Badge, Group, NumberInput, Stack, Text } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import { useCall } from '../data/calls';
import { useT } from '../i18n/I18nProvider';
import { TicketTable } from './TicketTable';

type Row = TicketRow & { readyDays: number };

/** Devices ready but not collected for N days or more, longest waiting first (storage fee, disposal notices). */
export function UncollectedList() {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const rows: Row[] | null = useCall('tickets.uncollected', { days, limit: 100 }, { keepPrevious: true }).data?.rows ?? null;
  return (
    <Stack data-testid="uncollected">
      <Group align="flex-end">
        <NumberInput label={t('ui.tickets.uncollected.days')} min={0} max={3650} w={180} value={days} onChange={(v) => setDays(Number(v) || 0)} />
        <Text size="sm" c="dimmed" mb={8}>
          {t('ui.tickets.uncollected.intro')}
        </Text>
      </Group>
      {rows === null ? (
        <Text c="dimmed">{t('ui.common.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" data-testid="uncollected-empty">
          {t('ui.tickets.uncollected.none', { days })}
        </Text>
      ) : (
        <TicketTable
          rows={rows}
          extra={{
            title: t('ui.tickets.uncollected.waiting'),
            cell: (r) => (
              <Badge color={(r as Row).readyDays >= 30 ? 'red' : 'orange'} tt="none">
                {t('ui.tickets.uncollected.forDays', { days: (r as Row).readyDays })}
              </Badge>
            ),
          }}
        />
      )}
    </Stack>
  );
}
