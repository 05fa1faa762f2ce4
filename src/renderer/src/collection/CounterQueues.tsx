import { useState } from 'react';
import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { CounterQueueRow } from '../../../shared/collection/queues';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useCall } from '../data/calls';
import { CallButtons, TicketCustomerCells } from '../bench/CallCells';
import { useOpen } from '../nav/useNav';
import { EmptyState } from '../components/EmptyState';

type Queue = 'ready' | 'approval' | 'due';
const QUEUES: Queue[] = ['ready', 'approval', 'due'];
/** Each queue's label (with its count) and what its empty list says. */
const WORDS = {
  ready: { label: 'ui.counter.queues.ready', empty: 'ui.counter.queues.empty.ready', next: 'ui.counter.queues.emptyNext.ready' },
  approval: { label: 'ui.counter.queues.approval', empty: 'ui.counter.queues.empty.approval', next: 'ui.counter.queues.emptyNext.approval' },
  due: { label: 'ui.counter.queues.due', empty: 'ui.counter.queues.empty.due', next: 'ui.counter.queues.emptyNext.due' },
} as const;

/** The counter's queues: who can collect now, who must approve a quote, what is promised today or late. */
export function CounterQueues() {
  const { t } = useI18n();
  const [queue, setQueue] = useState<Queue>('ready');
  const data = useCall('collection.queues', {}, { keepPrevious: true }).data;
  if (!data) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  const rows = data[queue];
  return (
    <Stack gap="sm" data-testid="counter-queues">
      <SegmentedControl
        value={queue}
        onChange={(v) => setQueue(v as Queue)}
        data={QUEUES.map((q) => ({ value: q, label: t(WORDS[q].label, { n: data[q].length }) }))}
        data-testid="counter-queue-pick"
        w="fit-content"
      />
      {rows.length === 0 ? (
        <EmptyState what={t(WORDS[queue].empty)} next={t(WORDS[queue].next)} testId="counter-queue-empty" />
      ) : (
        <QueueTable queue={queue} rows={rows} />
      )}
      {data.uncollected.length > 0 ? (
        <Text size="sm" c="orange.8" data-testid="counter-queue-uncollected">
          {t('ui.counter.queues.uncollected', { n: data.uncollected.length, days: data.uncollectedDays })}
        </Text>
      ) : null}
    </Stack>
  );
}

function QueueTable({ queue, rows }: { queue: Queue; rows: CounterQueueRow[] }) {
  const { t } = useI18n();
  const open = useOpen();
  const calls = queue !== 'due';
  return (
    <Table highlightOnHover data-testid={`counter-queue-${queue}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.counter.queues.col.ticket')}</Table.Th>
          <Table.Th>{t('ui.counter.queues.col.customer')}</Table.Th>
          <Table.Th>{queue === 'due' ? t('ui.counter.queues.col.promised') : t('ui.counter.queues.col.waiting')}</Table.Th>
          {calls ? <Table.Th>{t('ui.counter.queues.col.call')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ticketId}>
            <TicketCustomerCells number={r.number} device={r.device} customerName={r.customerName} phone={r.phone ?? '—'} onOpen={() => open.ticket(r.number)} />
            <Table.Td>{queue === 'due' ? <PromisedCell row={r} /> : <Text size="sm">{r.days === 0 ? t('ui.counter.queues.today') : t('ui.counter.queues.days', { n: r.days })}</Text>}</Table.Td>
            {calls ? (
              <Table.Td>
                <CallCell row={r} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PromisedCell({ row }: { row: CounterQueueRow }) {
  const { t } = useI18n();
  return (
    <Group gap={6}>
      <Text size="sm">{row.promisedDate}</Text>
      <Badge color={row.daysToPromise < 0 ? 'red' : 'orange'} tt="none">
        {row.daysToPromise < 0 ? t('ui.counter.queues.overdue', { n: -row.daysToPromise }) : t('ui.counter.queues.dueToday')}
      </Badge>
    </Group>
  );
}

/** Whether the customer was told, the last call, and one click to log the next. */
function CallCell({ row }: { row: CounterQueueRow }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Badge color={row.called ? 'green' : 'gray'} tt="none" data-testid="queue-called">
          {row.called ? t('ui.counter.queues.called') : t('ui.counter.queues.notCalled')}
        </Badge>
        {row.lastCall ? (
          <Text size="xs" c="dimmed">
            {t('ui.bench.calls.last', { result: t(`ui.bench.calls.${row.lastCall.result}`), at: formatInstant(row.lastCall.at, locale) })}
          </Text>
        ) : null}
      </Group>
      <CallButtons ticketId={row.ticketId} />
    </Stack>
  );
}
