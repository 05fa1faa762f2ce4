import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCall, useCallMutation } from '../data/calls';
import { money } from '../stock/format';
import { TicketBench } from './TicketBench';
import { useWorkbench } from './ticket/actions';
import { CoverageBadge } from '../tickets/TicketBadges';
import { EmptyState } from '../components/EmptyState';

type Row = OutputOf<Procedures['bench.queue']>[number];

/** What an empty queue says, and where it sends a technician with nothing to do. */
const EMPTY = {
  mine: { what: 'ui.bench.empty.mine', next: 'ui.bench.empty.mineNext' },
  unassigned: { what: 'ui.bench.empty.unassigned', next: 'ui.bench.empty.unassignedNext' },
  all: { what: 'ui.bench.empty.all', next: 'ui.bench.empty.allNext' },
} as const;

/** One queue (mine, unassigned, all) beside the ticket at work. */
export function Queue({ who, selected, onSelect, onScan }: { who: string; selected: { id: string; number: string } | null; onSelect(r: { id: string; number: string }): void; onScan(code: string): void }) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const listed: Row[] = useCall('bench.queue', { who: who === 'mine' ? 'me' : who }, { keepPrevious: true }).data ?? [];
  const rows = useKeptSelection(listed, selected?.id ?? null);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="xs">
          <TextInput
            size="xs"
            placeholder={t('ui.bench.scanHint')}
            value={code}
            data-testid="bench-scan"
            data-scan="enter"
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && code.trim()) {
                onScan(code.trim());
                setCode('');
              }
            }}
          />
          {rows.length === 0 ? (
            <EmptyState
              what={t(EMPTY[who === 'mine' || who === 'unassigned' ? who : 'all'].what)}
              next={t(EMPTY[who === 'mine' || who === 'unassigned' ? who : 'all'].next)}
              action={who === 'mine' ? { label: t('ui.bench.empty.toUnassigned'), to: '/bench/queue/unassigned' } : null}
              testId="bench-queue-empty"
            />
          ) : (
          <ScrollArea.Autosize mah={720}>
            {/* Three columns, so a queue beside the open ticket (5/12 of a 1280 px window) shows every word. */}
            <Table highlightOnHover data-testid="bench-queue" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {t('ui.bench.col.number')} · {t('ui.bench.col.device')}
                  </Table.Th>
                  <Table.Th>{t('ui.bench.col.status')}</Table.Th>
                  <Table.Th>
                    {t('ui.bench.col.promised')}
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('ui.bench.col.legal')}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} onClick={() => onSelect({ id: r.id, number: r.number })} style={{ cursor: 'pointer' }} bg={selected?.id === r.id ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {r.number}
                      </Text>
                      <Text size="sm">
                        {r.device.brand} {r.device.model}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {r.customer.name} · {t('ui.bench.days', { n: r.flags.daysOpen })}
                      </Text>
                      <Group gap={4} mt={2}>
                        {r.priority > 0 ? <Badge size="xs" color="red">{t(`ui.bench.priority.${r.priority}`)}</Badge> : null}
                        <CoverageBadge coverage={r.coverage} size="xs" />
                        {r.loanerDue ? <Badge size="xs" color="orange" tt="none">{t('ui.bench.loanerDue')}</Badge> : null}
                        {r.timerRunning ? <Badge size="xs" color="teal" tt="none">{t('ui.bench.timerOn')}</Badge> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none" styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}>
                        {t(`tickets.status.${r.status}`)}
                      </Badge>
                      {r.customerTotalFen !== null ? <Text size="xs">{money(r.customerTotalFen, locale)}</Text> : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={r.flags.overdue ? 'red' : undefined}>
                        {r.promisedDate}
                      </Text>
                      {r.legalDaysLeft !== null ? (
                        <Text size="xs" c={r.legalDaysLeft < 5 ? 'red' : 'dimmed'}>
                          {r.legalDaysLeft >= 0 ? t('ui.bench.daysLeft', { n: r.legalDaysLeft }) : t('ui.bench.daysOver', { n: -r.legalDaysLeft })}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {selected ? (
          <Stack gap="xs">
            <Assignment ticketId={selected.id} />
            <TicketBench key={selected.id} ticketId={selected.id} number={selected.number} />
          </Stack>
        ) : (
          <Alert color="gray">{t('ui.bench.pickTicket')}</Alert>
        )}
      </Grid.Col>
    </Grid>
  );
}

/**
 * The list as shown: the queue, plus the open ticket where an action just took it out of this
 * queue (claimed off "unassigned", passed QC), so the ticket at work stays in view and selected;
 * its status and warranty label are the workbench's. It goes when another ticket is opened.
 */
function useKeptSelection(listed: Row[], selectedId: string | null): Row[] {
  const [kept, setKept] = useState<Row | null>(null);
  const wb = useWorkbench(selectedId ?? '', !!selectedId);
  const seen = listed.find((r) => r.id === selectedId);
  useEffect(() => {
    if (seen) setKept(seen);
  }, [seen]);
  if (!selectedId || seen || kept?.id !== selectedId) return listed;
  return [...listed, { ...kept, status: wb?.status ?? kept.status, coverage: wb?.received.coverage ?? kept.coverage }];
}

/** Claim (a technician) or assign (a manager). */
function Assignment({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { toast } = useErrorToast();
  const manager = user.role === 'manager' || user.role === 'admin';
  const current = useCall('tickets.get', { id: ticketId }, { silent: true }).data?.technician?.id ?? null;
  const techs = (useCall('users.list', {}, { enabled: manager, silent: true }).data ?? []).filter((x) => x.role !== 'counter' && !x.disabled);
  const claim = useCallMutation('bench.claim', { onSuccess: () => undefined });
  const assign = useCallMutation('bench.assign');
  if (user.role === 'counter') return null;
  if (user.role === 'technician')
    return current === user.id ? null : (
      <Group>
        <Button size="xs" data-testid="bench-claim" disabled={current !== null} onClick={() => claim.mutate({ ticketId }, { onError: toast })}>
          {t('ui.bench.claim')}
        </Button>
      </Group>
    );
  return (
    <Select
      size="xs"
      w={240}
      label={t('ui.bench.assignTo')}
      placeholder={t('ui.bench.unassigned')}
      data={techs.map((u) => ({ value: u.id, label: u.displayName }))}
      value={current}
      clearable
      onChange={(v) => assign.mutate({ ticketId, technicianId: v }, { onError: toast })}
    />
  );
}
