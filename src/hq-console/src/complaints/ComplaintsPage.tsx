import { useState } from 'react';
import { Alert, Badge, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { ESCALATED_VIEWS, type EscalatedComplaint } from '../../../shared/hq-console/contract';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { ComplaintDrawer } from './ComplaintDrawer';

/** Complaints the shops escalated to head office (or every open one), newest first, across the network; a row opens it to respond. */
export function ComplaintsPage() {
  const { t, locale } = useI18n();
  const [view, setView] = useState<(typeof ESCALATED_VIEWS)[number]>('escalated');
  const [open, setOpen] = useState<{ shopId: string; id: string } | null>(null);
  const res = useConsole('complaints.escalated', { view });
  const list = res.data?.complaints ?? [];
  const current = open ? (list.find((c) => c.shopId === open.shopId && c.id === open.id) ?? null) : null;
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.complaints')}</Title>
      <SegmentedControl w="fit-content" value={view} onChange={(v) => setView(v as typeof view)} data={ESCALATED_VIEWS.map((v) => ({ value: v, label: t(`ui.hq.complaints.view.${v}`) }))} />
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && list.length === 0 ? <Alert color="blue">{t('ui.hq.complaints.empty')}</Alert> : null}
      {list.length > 0 ? (
        <Table striped highlightOnHover data-testid="complaints-table">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'number', 'opened', 'what', 'status', 'deadlines', 'hq'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.complaints.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={`${c.shopId}/${c.id}`} data-complaint={c.number} style={{ cursor: 'pointer' }} onClick={() => setOpen({ shopId: c.shopId, id: c.id })}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={600}>{c.shopCode}</Text>
                  <Text size="xs" c="dimmed">
                    {c.shopName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.number}</Table.Td>
                <Table.Td>{formatInstant(c.openedAt, locale)}</Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm">
                    {t(`ui.reports.c.cat.${c.category}`)} · {t(`ui.reports.c.sev.${c.severity}`)}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {c.description}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`ui.reports.c.st.${c.status}`)}</Badge> {c.overdue ? <Badge color="red">{t('ui.reports.c.overdue')}</Badge> : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {formatInstant(c.respondBy, locale)} / {formatInstant(c.resolveBy, locale)}
                  </Text>
                </Table.Td>
                <Table.Td data-testid="complaint-hq" style={{ whiteSpace: 'nowrap' }}>
                  <HqCell c={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ComplaintDrawer complaint={current} onClose={() => setOpen(null)} />
    </Stack>
  );
}

/** Head office's part: no response yet (escalated ones), or the deadline it gave and whether it has passed. */
function HqCell({ c }: { c: EscalatedComplaint }) {
  const { t } = useI18n();
  if (!c.hqDeadline) return c.escalation === 'head_office' ? (
      <Text size="sm" fw={600} c="orange.8">
        {t('ui.hq.complaints.awaiting')}
      </Text>
    ) : <Text size="xs">—</Text>;
  const last = c.hqResponses[c.hqResponses.length - 1]!;
  return (
    <>
      {/* Text, not a badge: a badge truncates in a narrow cell, and the date must read whole. */}
      <Text size="sm" fw={600} c={c.pastHqDeadline ? 'red.7' : 'teal.8'}>
        {c.pastHqDeadline ? t('ui.hq.complaints.pastDeadline', { date: c.hqDeadline }) : t('ui.hq.complaints.deadline', { date: c.hqDeadline })}
      </Text>
      {!last.shopReceived ? (
        <Text size="xs" c="dimmed">
          {t('ui.hq.complaints.notPulled')}
        </Text>
      ) : null}
    </>
  );
}
