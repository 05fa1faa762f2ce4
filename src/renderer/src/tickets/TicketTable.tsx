import { memo, useMemo } from 'react';
import { Group, Table } from '@mantine/core';
import type { TicketRow } from '../../../shared/tickets/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useSession } from '../app/session';
import { StatusBadge, TicketBadges } from './TicketBadges';
import { deviceName } from './format';
import { useOpen } from '../nav/useNav';
import { usePendingSync } from '../sync/usePendingSync';
import { NotAtHqBadge } from '../sync/NotAtHqBadge';
import { LightText } from '../components/light';

const td = Table.classes.td;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Ticket rows; a row opens its ticket on click or Enter. `extra` adds a column (days waiting). */
/** `oneCustomer`: every row is the same person's (their own card), so the customer column is left out. */
export const TicketTable = memo(function TicketTable({ rows, extra, testId, oneCustomer = false }: { rows: TicketRow[]; extra?: { title: string; cell(r: TicketRow): React.ReactNode }; testId?: string; oneCustomer?: boolean }) {
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
      {/* The rows are Mantine's table rows drawn as plain elements with its classes (components/light.tsx): the list repeats them 50 times. */}
      <tbody className={Table.classes.tbody}>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={Table.classes.tr}
            data-with-row-border
            data-hover
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            data-testid={`ticket-row-${r.number}`}
            onClick={() => open.ticket(r.number)}
            onKeyDown={(e) => e.key === 'Enter' && open.ticket(r.number)}
          >
            <td className={td} style={{ fontFamily: 'var(--mantine-font-family-monospace)', whiteSpace: 'nowrap' }}>
              {pending.has(r.id) ? (
                <Group gap={4} wrap="nowrap">
                  {r.number}
                  <NotAtHqBadge size="xs" />
                </Group>
              ) : (
                r.number
              )}
            </td>
            <td className={td} style={NOWRAP}>
              <StatusBadge status={r.status} />
            </td>
            {oneCustomer ? null : (
              <td className={td}>
                <LightText weight={600}>{r.customer.name}</LightText>
                <LightText size="xs" dimmed nowrap>
                  {r.customer.phone}
                </LightText>
              </td>
            )}
            <td className={td}>
              <LightText>{deviceName(r.device)}</LightText>
              <LightText size="xs" dimmed>
                {t(`devices.category.${r.device.category}`)}
              </LightText>
            </td>
            <td className={td} style={{ maxWidth: 220 }}>
              <LightText clamp={2}>{r.faultSummary}</LightText>
            </td>
            <td className={td} style={NOWRAP}>
              {r.technician?.displayName ?? <LightText dimmed>{t('ui.tickets.unassigned')}</LightText>}
            </td>
            <td className={td} style={NOWRAP}>
              {formatInstant(r.receivedAt, locale, tz)}
            </td>
            {extra ? <td className={td}>{extra.cell(r)}</td> : null}
            <td className={td}>
              <TicketBadges row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
});
