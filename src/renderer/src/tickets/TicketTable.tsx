import { useMemo } from 'react';
import { Group, Table, Text } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useSession } from '../app/session';
import { StatusBadge, TicketBadges } from './TicketBadges';
import { deviceName } from './format';
import { useOpen } from '../nav/useNav';
import { usePendingSync } from '../sync/usePendingSync';
import { NotAtHqBadge } from '../sync/NotAtHqBadge';

/** Ticket rows; a row opens its ticket on click or Enter. `extra` adds a column (days waiting). */
/** `oneCustomer`: every row is the same person's (their own card), so the customer column is left out. */
export function TicketTable({ rows, extra, testId, oneCustomer = false }: { rows: TicketRow[]; extra?: { title: string; cell(r: TicketRow): React.ReactNode }; testId?: string; oneCustomer?: boolean }) {
  const { t, locale } = useI18n();
  const open = useOpen();
  const { shop } = useSession();
  const tz = shop?.settings.timeZone;
  const pending = usePendingSync('tickets', useMemo(() => rows.map((r) => r.id), [rows]));
  return (
    <Table highlightOnHover withTableBorder fz="sm" data-testid={testId} verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.tickets.col.number')}</Table.Th>
          <Table.Th>{t('ui.tickets.col.status')}</Table.Th>
          {oneCustomer ? null : <Table.Th>{t('ui.tickets.col.customer')}</Table.Th>}
          <Table.Th>{t('ui.tickets.col.device')}</Table.Th>
          <Table.Th>{t('ui.tickets.col.fault')}</Table.Th>
          <Table.Th>{t('ui.tickets.col.technician')}</Table.Th>
          <Table.Th>{t('ui.tickets.col.received')}</Table.Th>
          {extra ? <Table.Th>{extra.title}</Table.Th> : null}
          <Table.Th>{t('ui.tickets.col.flags')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr
            key={r.id}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            data-testid={`ticket-row-${r.number}`}
            onClick={() => open.ticket(r.number)}
            onKeyDown={(e) => e.key === 'Enter' && open.ticket(r.number)}
          >
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {pending.has(r.id) ? (
                <Group gap={4} wrap="nowrap">
                  {r.number}
                  <NotAtHqBadge size="xs" />
                </Group>
              ) : (
                r.number
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <StatusBadge status={r.status} />
            </Table.Td>
            {oneCustomer ? null : (
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.customer.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {r.customer.phone}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">{deviceName(r.device)}</Text>
              <Text size="xs" c="dimmed">
                {t(`devices.category.${r.device.category}`)}
              </Text>
            </Table.Td>
            <Table.Td maw={220}>
              <Text size="sm" lineClamp={2}>
                {r.faultSummary}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.technician?.displayName ?? <Text size="sm" c="dimmed">{t('ui.tickets.unassigned')}</Text>}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(r.receivedAt, locale, tz)}</Table.Td>
            {extra ? <Table.Td>{extra.cell(r)}</Table.Td> : null}
            <Table.Td>
              <TicketBadges row={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
