import { Badge, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useCall } from '../data/calls';
import { CallButtons, TicketCustomerCells } from './CallCells';
import { money } from '../stock/format';

type CallRow = OutputOf<Procedures['bench.callList']>[number];

/** Customers to phone: approvals waiting and devices ready, with the last call's result. */
export function CallList({ onOpen }: { onOpen(r: CallRow): void }) {
  const { t, locale } = useI18n();
  const rows: CallRow[] = useCall('bench.callList', {}).data ?? [];
  if (rows.length === 0) return <Text c="dimmed">{t('ui.bench.calls.none')}</Text>;
  return (
    <Table data-testid="call-list" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          {(['why', 'ticket', 'customer', 'amount', 'log'] as const).map((c) => (
            <Table.Th key={c}>{t(`ui.bench.calls.col.${c}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ticketId}>
            <Table.Td>
              <Badge color={r.reason === 'ready' ? 'green' : 'orange'}>{t(`ui.bench.calls.${r.reason}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('ui.bench.calls.since', { at: formatInstant(r.since, locale) })}
              </Text>
            </Table.Td>
            <TicketCustomerCells number={r.number} device={r.device} customerName={r.customerName} phone={r.phones.join(' / ')} onOpen={() => onOpen(r)} />
            <Table.Td>
              {r.customerTotalFen !== null ? <Text size="sm">{money(r.customerTotalFen, locale)}</Text> : null}
              {r.lastCall ? <Text size="xs" c="dimmed">{t('ui.bench.calls.last', { result: t(`ui.bench.calls.${r.lastCall.result}`), at: formatInstant(r.lastCall.at, locale) })}</Text> : null}
            </Table.Td>
            <Table.Td>
              <CallButtons ticketId={r.ticketId} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

