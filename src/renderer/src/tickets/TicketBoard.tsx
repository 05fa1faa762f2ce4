import { useMemo } from 'react';
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import { CLOSED_STATUSES, OPEN_STATUSES, type TicketStatus } from '../../../shared/tickets/statuses';
import { useT } from '../i18n/I18nProvider';
import { STATUS_COLOR, TicketBadges } from './TicketBadges';
import { deviceName } from './format';
import { useOpen } from '../nav/useNav';
import { usePendingSync } from '../sync/usePendingSync';
import { NotAtHqBadge } from '../sync/NotAtHqBadge';

const PER_COLUMN = 12;

/**
 * One column per open status, side by side in the window's width (a counter PC's 1280 px holds all
 * seven); the header counts every ticket in it, the cards are the newest that match the filters.
 * Collected and cancelled tickets are counted under the board: they are found in the list.
 */
export function TicketBoard({ rows, counts }: { rows: TicketRow[]; counts: Partial<Record<TicketStatus, number>> }) {
  const t = useT();
  const open = useOpen();
  const pending = usePendingSync('tickets', useMemo(() => rows.map((r) => r.id), [rows]));
  return (
    <Stack gap={6}>
      <Group align="flex-start" wrap="nowrap" gap={8} data-testid="ticket-board">
        {OPEN_STATUSES.map((s) => {
          const all = rows.filter((r) => r.status === s);
          // A column shows the newest cards; the header counts them all.
          const cards = all.slice(0, PER_COLUMN);
          return (
            <Paper key={s} withBorder p={6} miw={0} style={{ flex: '1 1 0' }} bg="gray.1" data-testid={`board-col-${s}`}>
              <Group justify="space-between" mb={6} px={4} wrap="nowrap" gap={4}>
                <Text size="sm" fw={700} c={`${STATUS_COLOR[s]}.8`} truncate>
                  {t(`tickets.status.${s}`)}
                </Text>
                <Badge size="sm" variant="white" color="gray">
                  {counts[s] ?? cards.length}
                </Badge>
              </Group>
              <Stack gap={6}>
                {cards.map((r) => (
                  <UnstyledButton key={r.id} onClick={() => open.ticket(r.number)} data-testid={`board-card-${r.number}`}>
                    <Paper withBorder p={6} shadow="xs" style={{ borderLeft: `3px solid var(--mantine-color-${STATUS_COLOR[s]}-5)` }}>
                      <Group gap={4} justify="space-between" wrap="wrap">
                        <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {r.number}
                        </Text>
                        {pending.has(r.id) ? <NotAtHqBadge size="xs" /> : null}
                      </Group>
                      <Text size="sm" fw={600} lineClamp={1}>
                        {r.customer.name} · {deviceName(r.device)}
                      </Text>
                      <Text size="xs" lineClamp={2} mb={4}>
                        {r.faultSummary}
                      </Text>
                      <TicketBadges row={r} />
                    </Paper>
                  </UnstyledButton>
                ))}
                {all.length > cards.length || (counts[s] ?? 0) > cards.length ? (
                  <Text size="xs" c="dimmed" ta="center">
                    {t('ui.tickets.board.more', { n: Math.max(all.length, counts[s] ?? 0) - cards.length })}
                  </Text>
                ) : null}
                {cards.length === 0 ? (
                  <Text size="xs" c="dimmed" ta="center" py="sm">
                    {t('ui.tickets.board.empty')}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </Group>
      <Text size="xs" c="dimmed" ta="right" data-testid="board-closed">
        {CLOSED_STATUSES.map((s) => `${t(`tickets.status.${s}`)} ${counts[s] ?? rows.filter((r) => r.status === s).length}`).join(' · ')}
      </Text>
    </Stack>
  );
}
