import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from '../../../shared/reports/care';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { useCall, useCallMutation, useFetchCall, useInvalidateAfter } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { formatInstant } from '../i18n/format';
import { useOpen } from '../nav/useNav';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { EmptyState } from '../components/EmptyState';

type Complaint = OutputOf<Procedures['complaints.get']>;

export interface ComplaintDraft {
  followUpId?: string;
  ticketId?: string;
  ticketNumber?: string;
  channel: string;
  category: string;
  severity: string;
  description: string;
}

/** New complaint: prefilled from a follow-up (one click from a low score) or blank. */
export function ComplaintForm({ initial, onDone }: { initial: ComplaintDraft; onDone(c: Complaint): void }) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const [d, setD] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [ticketCode, setTicketCode] = useState(initial.ticketNumber ?? '');
  const fetchCall = useFetchCall();
  const submit = async () => {
    try {
      let ticketId = d.ticketId;
      if (!ticketId && ticketCode.trim()) ticketId = (await fetchCall('tickets.byBarcode', { code: ticketCode.trim() })).id;
      const c = await api.call('complaints.open', {
        ...(d.followUpId ? { followUpId: d.followUpId } : {}),
        ...(ticketId ? { ticketId } : {}),
        channel: d.channel as Complaint['channel'],
        category: d.category as Complaint['category'],
        severity: d.severity as Complaint['severity'],
        description: d.description,
      });
      onDone(c);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      toast(e);
    }
  };
  return (
    <Stack data-testid="complaint-form">
      <Group grow>
        <Select label={t('ui.reports.c.channel')} data={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`ui.reports.c.ch.${c}`) }))} value={d.channel} onChange={(v) => v && setD({ ...d, channel: v })} />
        <Select label={t('ui.reports.c.category')} data={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`ui.reports.c.cat.${c}`) }))} value={d.category} onChange={(v) => v && setD({ ...d, category: v })} />
        <Select label={t('ui.reports.c.severity')} data={COMPLAINT_SEVERITIES.map((c) => ({ value: c, label: t(`ui.reports.c.sev.${c}`) }))} value={d.severity} onChange={(v) => v && setD({ ...d, severity: v })} />
      </Group>
      <Textarea label={t('ui.reports.c.ticket')} autosize minRows={1} value={ticketCode} disabled={!!d.ticketId} onChange={(e) => setTicketCode(e.currentTarget.value)} />
      <Textarea label={t('ui.reports.c.description')} autosize minRows={3} value={d.description} onChange={(e) => setD({ ...d, description: e.currentTarget.value })} error={errors.description} data-testid="complaint-description" />
      <Button color="red" onClick={() => void submit()} data-testid="complaint-save">{t('ui.reports.c.save')}</Button>
    </Stack>
  );
}

function deadlineText(c: Complaint, locale: 'zh-CN' | 'en') {
  return `${formatInstant(c.respondBy, locale)} / ${formatInstant(c.resolveBy, locale)}`;
}

export function ComplaintsTab() {
  const { t, locale, colon } = useI18n();
  const nav = useOpen();
  const { toast } = useErrorToast();
  const { user } = useSession();
  const manager = isManager(user);
  const [view, setView] = useState('open');
  const rows: Complaint[] = useCall('complaints.list', { view: view as 'open', limit: 200 }, { keepPrevious: true }).data?.rows ?? [];
  const invalidate = useInvalidateAfter();
  // The complaint shown is a query by its id, so a write (here or at another station) refreshes it.
  const [openId, setOpenId] = useState<string | null>(null);
  const open = useCall('complaints.get', { id: openId ?? '' }, { enabled: openId !== null }).data ?? null;
  const [creating, setCreating] = useState(false);
  const [note, setNote] = useState('');
  const show = (id: string) => (setOpenId(id), setNote(''));
  const act = async (fn: () => Promise<Complaint>) => {
    try {
      await fn();
      setNote('');
      await invalidate('complaints.note');
    } catch (e) {
      toast(e);
    }
  };
  const checkEscalations = useCallMutation('complaints.checkEscalations', {
    onSuccess: (r) => notifications.show({ message: t('ui.reports.c.checked', { n: r.escalated.length }) }),
  });
  const check = () => checkEscalations.mutate({}, { onError: toast });
  const escBadge = (c: Complaint) => (c.escalation === 'none' ? null : <Badge color={c.escalation === 'head_office' ? 'red' : 'orange'}>{t(`ui.reports.c.esc.${c.escalation}`)}</Badge>);
  return (
    <Stack data-testid="complaints">
      <Group>
        <SegmentedControl value={view} onChange={setView} data={['open', 'overdue', 'escalated', 'closed', 'all'].map((v) => ({ value: v, label: t(`ui.reports.c.view.${v}`) }))} />
        <div style={{ flex: 1 }} />
        {manager ? <Button variant="default" onClick={check}>{t('ui.reports.c.check')}</Button> : null}
        <Button color="red" variant="light" onClick={() => setCreating(true)}>{t('ui.reports.c.new')}</Button>
      </Group>
      {rows.length === 0 ? <EmptyState what={t('ui.reports.c.empty')} next={t('ui.reports.c.emptyNext')} testId="complaints-empty" /> : null}
      <Table striped highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>{t('ui.reports.col.customer')}</Table.Th><Table.Th>{t('ui.reports.c.ticket')}</Table.Th><Table.Th>{t('ui.reports.c.category')}</Table.Th><Table.Th>{t('ui.reports.c.severity')}</Table.Th><Table.Th>{t('ui.reports.col.status')}</Table.Th><Table.Th>{t('ui.reports.col.deadlines')}</Table.Th><Table.Th>{t('ui.reports.col.escalation')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => show(c.id)} data-testid="complaint-row">
              <Table.Td>{c.number}</Table.Td>
              <Table.Td>{c.customerName ?? '—'} <Text span size="xs" c="dimmed">{c.phone ?? ''}</Text></Table.Td>
              <Table.Td>{c.ticketNumber ?? '—'}</Table.Td>
              <Table.Td>{t(`ui.reports.c.cat.${c.category}`)}</Table.Td>
              <Table.Td>{t(`ui.reports.c.sev.${c.severity}`)}</Table.Td>
              <Table.Td><Badge variant="light">{t(`ui.reports.c.st.${c.status}`)}</Badge> {c.overdue ? <Badge color="red">{t('ui.reports.c.overdue')}</Badge> : null}</Table.Td>
              <Table.Td><Text size="xs">{deadlineText(c, locale)}</Text></Table.Td>
              <Table.Td>
                {escBadge(c)}
                {c.headOffice ? <Text size="xs" c={c.headOffice.pastDeadline ? 'red' : 'dimmed'} data-testid="complaint-hq-deadline">{t('ui.reports.c.hqDeadlineShort', { date: c.headOffice.deadline })}</Text> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('ui.reports.c.new')} size="lg">
        <ComplaintForm initial={{ channel: 'phone', category: 'repair_quality', severity: 'normal', description: '' }} onDone={(c) => { setCreating(false); void invalidate('complaints.open'); show(c.id); }} />
      </Modal>
      <Modal opened={!!open} onClose={() => setOpenId(null)} size="lg" title={open ? `${open.number} · ${t(`ui.reports.c.st.${open.status}`)}` : ''}>
        {open ? (
          <Stack data-testid="complaint-detail">
            <Group gap="xs">
              <Badge>{t(`ui.reports.c.ch.${open.channel}`)}</Badge>
              <Badge variant="light">{t(`ui.reports.c.cat.${open.category}`)}</Badge>
              <Badge variant="outline">{t(`ui.reports.c.sev.${open.severity}`)}</Badge>
              {escBadge(open)}
              {open.overdue ? <Badge color="red">{t('ui.reports.c.overdue')}</Badge> : null}
              {open.ticketId ? <Button size="compact-xs" variant="subtle" onClick={() => nav.ticket(open.ticketNumber ?? open.ticketId!)}>{open.ticketNumber}</Button> : null}
            </Group>
            <Text>{open.description}</Text>
            <Text size="sm" c="dimmed">{t('ui.reports.col.deadlines')}{colon}{deadlineText(open, locale)}</Text>
            {open.headOffice ? (
              // Head office's word on a complaint escalated to it, and the date the shop must settle it by (pulled).
              <Alert color={open.headOffice.pastDeadline ? 'red' : 'indigo'} title={t('ui.reports.c.hqResponse')} data-testid="complaint-hq-response">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{open.headOffice.response}</Text>
                <Text size="xs" c="dimmed" mt={4}>{t('ui.reports.c.hqBy', { by: open.headOffice.responder, at: formatInstant(open.headOffice.respondedAt, locale) })}</Text>
                <Group gap="xs" mt={4}>
                  <Text size="sm" fw={600}>{t('ui.reports.c.hqDeadline', { date: open.headOffice.deadline })}</Text>
                  {open.headOffice.pastDeadline ? <Badge color="red">{t('ui.reports.c.hqPast')}</Badge> : null}
                </Group>
              </Alert>
            ) : null}
            <Text fw={600}>{t('ui.reports.c.history')}</Text>
            <Timeline bulletSize={14} lineWidth={2}>
              {open.events.map((e) => (
                <Timeline.Item key={e.id} title={e.data.headOffice === true ? t('ui.reports.c.hqNote') : `${t(`ui.reports.c.ev.${e.kind}`)}${e.kind === 'escalated' ? ` · ${t(`ui.reports.c.esc.${String(e.data.level)}`)}` : ''}`}>
                  <Text size="xs" c="dimmed">{formatInstant(e.at, locale)} · {e.userName ?? (typeof e.data.responder === 'string' ? e.data.responder : '—')}</Text>
                  {e.note ? <Text size="sm">{e.note}</Text> : null}
                </Timeline.Item>
              ))}
            </Timeline>
            {open.status !== 'closed' ? (
              <>
                <Textarea label={t('ui.reports.c.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="complaint-note" />
                <Group gap="xs">
                  {manager && open.status === 'open' ? <Button size="xs" onClick={() => void act(() => api.call('complaints.respond', { id: open.id, note }))}>{t('ui.reports.c.respond')}</Button> : null}
                  {manager && (open.status === 'open' || open.status === 'responded') ? <Button size="xs" color="teal" onClick={() => void act(() => api.call('complaints.resolve', { id: open.id, note }))}>{t('ui.reports.c.resolve')}</Button> : null}
                  {manager && open.status === 'resolved' ? <Button size="xs" color="green" onClick={() => void act(() => api.call('complaints.accept', { id: open.id, accepted: true, note }))}>{t('ui.reports.c.accept')}</Button> : null}
                  {manager && open.status === 'resolved' ? <Button size="xs" color="orange" onClick={() => void act(() => api.call('complaints.accept', { id: open.id, accepted: false, note }))}>{t('ui.reports.c.reject')}</Button> : null}
                  {manager && open.ticketId ? <Button size="xs" variant="light" onClick={() => void act(() => api.call('complaints.reopenTicket', { id: open.id, note }))}>{t('ui.reports.c.reopen')}</Button> : null}
                  <Button size="xs" variant="default" onClick={() => void act(() => api.call('complaints.note', { id: open.id, note }))}>{t('ui.reports.c.addNote')}</Button>
                </Group>
              </>
            ) : null}
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
