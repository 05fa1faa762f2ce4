import { useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Box, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import type { TicketStatus } from '../../../shared/tickets/statuses';
import { useCall, useCallPages } from '../data/calls';
import { useT } from '../i18n/I18nProvider';
import { NO_FILTERS, TicketFilters, listInput, type Filters } from './TicketFilters';
import { TicketTable } from './TicketTable';
import { TicketBoard } from './TicketBoard';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';

/** The filters' row as drawn (a label over 36 px inputs). */
const CONTROLS_HEIGHT = 60;

/** Tickets as a filtered list or a board by status, refreshed when any ticket changes. */
export function TicketsView() {
  const t = useT();
  const [view, setView] = useState<'list' | 'board'>('list');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [text] = useDebouncedValue(filters.text, 200);
  const board = view === 'board';
  const technicians = useCall('tickets.technicians', {}, { silent: true }).data ?? [];
  const pages = useCallPages('tickets.list', { ...listInput({ ...filters, text }, !board), limit: board ? 100 : 50 });
  // The same array while the answer is the same (a refresh that changed nothing, the filters
  // arriving a frame after the rows): the memoized table then does not redraw its 50 rows.
  const rows: TicketRow[] | null = useMemo(() => (pages.data ? pages.data.pages.flatMap((p) => p.rows) : null), [pages.data]);
  const next = !board && pages.hasNextPage;
  const tech = filters.technicianId && filters.technicianId !== 'unassigned' ? { technicianId: filters.technicianId } : {};
  const counts: Partial<Record<TicketStatus, number>> = useCall('tickets.statusCounts', tech, { enabled: board }).data ?? {};
  const more = () => void pages.fetchNextPage();
  const controls = useAfterFirstPaint();

  return (
    <Stack>
      {/* The rows first, the filters in the frame after: their inputs and pickers cost as much to
          mount as the 50 rows, and the space they take is kept so nothing moves when they come. */}
      {controls ? (
        <Group justify="space-between" align="flex-end" mih={CONTROLS_HEIGHT}>
          <TicketFilters value={filters} onChange={setFilters} technicians={technicians} board={view === 'board'} />
          <SegmentedControl
            data-testid="ticket-view"
            value={view}
            onChange={(v) => setView(v as 'list' | 'board')}
            data={[
              { value: 'list', label: t('ui.tickets.view.list') },
              { value: 'board', label: t('ui.tickets.view.board') },
            ]}
          />
        </Group>
      ) : (
        <Box h={CONTROLS_HEIGHT} />
      )}
      {rows === null ? (
        <Text c="dimmed">{t('ui.common.loading')}</Text>
      ) : view === 'board' ? (
        <TicketBoard rows={rows} counts={filters.text || filters.coverage !== 'all' || filters.overdue || filters.minAgeDays !== '' ? {} : counts} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" data-testid="tickets-empty">
          {t('ui.tickets.none')}
        </Text>
      ) : (
        <>
          <TicketTable rows={rows} testId="ticket-list" />
          {next ? (
            <Button variant="light" onClick={more} maw={200}>
              {t('ui.tickets.more')}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
