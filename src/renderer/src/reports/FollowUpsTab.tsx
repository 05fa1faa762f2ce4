import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Rating, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { api } from '../api/client';
import { useCall, useInvalidateAfter } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { formatInstant } from '../i18n/format';
import { useOpen } from '../nav/useNav';
import { ComplaintForm } from './ComplaintsTab';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { EmptyState } from '../components/EmptyState';

type Row = OutputOf<Procedures['followUps.list']>['rows'][number];

/** The call list (回访): due and overdue first, the customer's contact, one click from a low score to a complaint. */
export function FollowUpsTab() {
  const { t, locale } = useI18n();
  const open = useOpen();
  const { toast } = useErrorToast();
  const [view, setView] = useState('due');
  const rows: Row[] = useCall('followUps.list', { view: view as 'due', limit: 200 }, { keepPrevious: true }).data?.rows ?? [];
  const invalidate = useInvalidateAfter();
  const [recording, setRecording] = useState<Row | null>(null);
  const [complaintFor, setComplaintFor] = useState<Row | null>(null);
  const [reached, setReached] = useState(true);
  const [score, setScore] = useState(0);
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = async () => {
    if (!recording) return;
    try {
      const r = await api.call('followUps.record', { id: recording.id, reached, ...(reached && score ? { score } : {}), comments, problemReported: problem });
      setRecording(null);
      void invalidate('followUps.record');
      if (r.suggestComplaint) setComplaintFor(r);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      toast(e);
    }
  };
  const statusBadge = (r: Row) =>
    r.overdue ? <Badge color="red">{t('ui.reports.fu.overdue')}</Badge> : <Badge variant="light" color={r.status === 'done' ? 'green' : r.status === 'unreachable' ? 'gray' : 'blue'}>{t(`ui.reports.fu.status.${r.status}`)}</Badge>;

  return (
    <Stack data-testid="followups">
      <SegmentedControl value={view} onChange={setView} data={['due', 'upcoming', 'done', 'all'].map((v) => ({ value: v, label: t(`ui.reports.fu.view.${v}`) }))} w="fit-content" />
      {rows.length === 0 ? <EmptyState what={t('ui.reports.fu.empty')} next={t('ui.reports.fu.emptyNext')} testId="followups-empty" /> : null}
      <Table striped highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th>{t('ui.reports.col.due')}</Table.Th><Table.Th>{t('ui.reports.col.customer')}</Table.Th><Table.Th>{t('ui.reports.col.phone')}</Table.Th><Table.Th>{t('ui.reports.col.number')}</Table.Th><Table.Th>{t('ui.reports.col.device')}</Table.Th><Table.Th>{t('ui.reports.col.status')}</Table.Th><Table.Th>{t('ui.reports.col.outcome')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="followup-row">
              <Table.Td>{r.dueDate}</Table.Td>
              <Table.Td>{r.customerName}</Table.Td>
              <Table.Td><Text ff="monospace" size="sm">{r.phone}</Text></Table.Td>
              <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => open.ticket(r.ticketNumber)}>{r.ticketNumber}</Button></Table.Td>
              <Table.Td>{r.device}</Table.Td>
              <Table.Td>{statusBadge(r)} {r.attempts && r.status === 'open' ? <Text span size="xs" c="dimmed">{t('ui.reports.fu.attempts', { n: r.attempts })}</Text> : null}</Table.Td>
              <Table.Td>{r.score ? '★'.repeat(r.score) : ''} {r.problemReported ? <Badge color="orange" size="xs">{t('ui.reports.fu.problem')}</Badge> : null} {r.status === 'done' && r.score && !r.outcomeBy ? <Badge variant="light" size="xs" data-testid="followup-online">{t('ui.reports.fu.online')}</Badge> : null} <Text span size="xs" c="dimmed">{r.comments}</Text>{r.outcomeAt ? <Text size="xs" c="dimmed">{formatInstant(r.outcomeAt, locale)}</Text> : null}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {r.status === 'open' ? <Button size="compact-sm" onClick={() => { setRecording(r); setReached(true); setScore(0); setComments(''); setProblem(false); setErrors({}); }} data-testid="followup-record">{t('ui.reports.fu.record')}</Button> : null}
                  {r.suggestComplaint ? <Button size="compact-sm" color="red" variant="light" onClick={() => setComplaintFor(r)} data-testid="followup-complaint">{t('ui.reports.fu.openComplaint')}</Button> : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!recording} onClose={() => setRecording(null)} title={`${t('ui.reports.fu.record')} · ${recording?.customerName ?? ''} ${recording?.phone ?? ''}`}>
        <Stack>
          <Checkbox label={t('ui.reports.fu.reached')} checked={reached} onChange={(e) => setReached(e.currentTarget.checked)} data-testid="fu-reached" />
          {reached ? (
            <>
              <Text size="sm">{t('ui.reports.fu.score')}</Text>
              <Rating value={score} onChange={setScore} size="lg" data-testid="fu-score" />
              {errors.score ? <Text size="xs" c="red">{errors.score}</Text> : null}
              <Textarea label={t('ui.reports.fu.comments')} value={comments} onChange={(e) => setComments(e.currentTarget.value)} data-testid="fu-comments" />
              <Checkbox label={t('ui.reports.fu.problem')} checked={problem} onChange={(e) => setProblem(e.currentTarget.checked)} data-testid="fu-problem" />
            </>
          ) : (
            <Text size="sm" c="dimmed">{t('ui.reports.fu.notReachedHint')}</Text>
          )}
          <Button onClick={() => void save()} data-testid="fu-save">{t('ui.common.save')}</Button>
        </Stack>
      </Modal>
      <Modal opened={!!complaintFor} onClose={() => setComplaintFor(null)} title={t('ui.reports.c.new')} size="lg">
        {complaintFor ? (
          <ComplaintForm
            initial={{ followUpId: complaintFor.id, ticketId: complaintFor.ticketId, ticketNumber: complaintFor.ticketNumber, channel: 'follow_up', category: 'repair_quality', severity: complaintFor.score !== null && complaintFor.score <= 1 ? 'high' : 'normal', description: complaintFor.comments }}
            onDone={(c) => {
              setComplaintFor(null);
              notifications.show({ color: 'green', message: t('ui.reports.c.opened', { number: c.number }) });
              void invalidate('complaints.open');
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
