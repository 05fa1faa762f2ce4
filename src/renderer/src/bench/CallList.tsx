import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCall, useCallMutation } from '../data/calls';
import { money } from '../stock/format';

type CallRow = OutputOf<Procedures['bench.callList']>[number];

/** Customers to phone: approvals waiting and devices ready, with the last call's result. */
export function CallList({ onOpen }: { onOpen(r: CallRow): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const rows: CallRow[] = useCall('bench.callList', {}).data ?? [];
  const logCall = useCallMutation('bench.logCall');
  if (rows.length === 0) return <Text c="dimmed">{t('ui.bench.calls.none')}</Text>;
  return (
    <Table data-testid="call-list" highlightOnHover>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ticketId}>
            <Table.Td>
              <Badge color={r.reason === 'ready' ? 'green' : 'orange'}>{t(`ui.bench.calls.${r.reason}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('ui.bench.calls.since', { at: formatInstant(r.since, locale) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => onOpen(r)}>
                {r.number}
              </Button>
              <Text size="xs">{r.device}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.customerName}
              </Text>
              <Text size="sm">{r.phones.join(' / ')}</Text>
            </Table.Td>
            <Table.Td>
              {r.customerTotalFen !== null ? <Text size="sm">{money(r.customerTotalFen, locale)}</Text> : null}
              {r.lastCall ? <Text size="xs" c="dimmed">{t('ui.bench.calls.last', { result: t(`ui.bench.calls.${r.lastCall.result}`), at: formatInstant(r.lastCall.at, locale) })}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {(['reached', 'no_answer', 'left_message'] as const).map((res) => (
                  <Button key={res} size="compact-xs" variant="light" onClick={() => logCall.mutate({ ticketId: r.ticketId, result: res }, { onError: toast })}>
                    {t(`ui.bench.calls.${res}`)}
                  </Button>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

