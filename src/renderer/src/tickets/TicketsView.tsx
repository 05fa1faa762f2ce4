import { useCallback, useEffect, useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import type { TicketStatus } from '../../../shared/tickets/statuses';
import { api } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { NO_FILTERS, TicketFilters, listInput, type Filters } from './TicketFilters';
import { TicketTable } from './TicketTable';
import { TicketBoard } from './TicketBoard';
import { useTicketsChanged } from './useTicketsChanged';

/** Tickets as a filtered list or a board by status, refreshed when any ticket changes. */
export function TicketsView() {
  const t = useT();
  const { toast } = useErrorToast();
  const [view, setView] = useState<'list' | 'board'>('list');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [counts, setCounts] = useState<Partial<Record<TicketStatus, number>>>({});
  const [technicians, setTechnicians] = useState<{ id: string; displayName: string }[]>([]);

  useEffect(() => {
    api.call('tickets.technicians', {}).then(setTechnicians, () => setTechnicians([]));
  }, []);

  const load = useCallback(async () => {
    try {
      const board = view === 'board';
      const page = await api.call('tickets.list', { ...listInput(filters, !board), limit: board ? 100 : 50 });
      setRows(page.rows);
      setNext(page.nextCursor);
      if (board) {
        const tech = filters.technicianId && filters.technicianId !== 'unassigned' ? { technicianId: filters.technicianId } : {};
        setCounts(await api.call('tickets.statusCounts', tech));
      }
    } catch (e) {
      toast(e);
    }
  }, [filters, view, toast]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), filters.text ? 200 : 0);
    return () => clearTimeout(timer);
  }, [load, filters.text]);
  useTicketsChanged(() => void load());

  const more = async () => {
    if (!next) return;
    try {
      const page = await api.call('tickets.list', { ...listInput(filters), limit: 50, cursor: next });
      setRows((r) => [...(r ?? []), ...page.rows]);
      setNext(page.nextCursor);
    } catch (e) {
      toast(e);
    }
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
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
            <Button variant="light" onClick={() => void more()} maw={200}>
              {t('ui.tickets.more')}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
