import { Alert, Badge, Button, Drawer, Group, Paper, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { HQ_TIME_ZONE, complaintRespondSchema, deadlineOk } from '../../../shared/hq-console/complaints';
import { localDate } from '../../../shared/time/local-date';
import type { EscalatedComplaint } from '../../../shared/hq-console/contract';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { formatInstant, useI18n } from '../i18n';
import { can } from '../shell/sections';
import { useMe } from '../shell/me';

/** A complaint as head office sees it: the shop's record, head office's responses so far, and (for a service manager) a new response with a deadline. */
export function ComplaintDrawer({ complaint: c, onClose }: { complaint: EscalatedComplaint | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  return (
    <Drawer opened={c !== null} onClose={onClose} position="right" size="lg" title={c ? `${c.number} · ${c.shopCode} ${c.shopName}` : ''}>
      {c ? (
        <Stack data-testid="complaint-detail">
          <Group gap="xs">
            <Badge variant="light">{t(`ui.reports.c.st.${c.status}`)}</Badge>
            <Badge variant="light" color="gray">
              {t(`ui.reports.c.cat.${c.category}`)} · {t(`ui.reports.c.sev.${c.severity}`)}
            </Badge>
            {c.overdue ? <Badge color="red">{t('ui.reports.c.overdue')}</Badge> : null}
          </Group>
          <Paper withBorder p="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Text>
          </Paper>
          <Text size="sm">
            <b>{t('ui.hq.complaints.shopDeadlines')}</b> {formatInstant(c.respondBy, locale)} / {formatInstant(c.resolveBy, locale)}
            {c.escalatedAt ? ` · ${t('ui.hq.complaints.escalatedAt', { at: formatInstant(c.escalatedAt, locale) })}` : ''}
          </Text>
          <Title order={4}>{t('ui.hq.complaints.responses')}</Title>
          {c.hqResponses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('ui.hq.complaints.noResponse')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} data-testid="complaint-responses">
              {c.hqResponses.map((r) => (
                <Timeline.Item key={r.id} title={t('ui.hq.complaints.responseBy', { by: r.by, at: formatInstant(r.at, locale) })}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.response}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('ui.hq.complaints.deadline', { date: r.deadline })} · {r.shopReceived ? t('ui.hq.complaints.shopHasIt') : t('ui.hq.complaints.notPulled')}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
          {c.pastHqDeadline ? <Alert color="red">{t('ui.hq.complaints.pastDeadlineLong', { date: c.hqDeadline ?? '' })}</Alert> : null}
          {can(me.user.role, 'complaints.respond') && c.escalation === 'head_office' && (c.status === 'open' || c.status === 'responded') ? <ResponseForm key={`${c.id}/${c.hqResponses.length}`} c={c} /> : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function ResponseForm({ c }: { c: EscalatedComplaint }) {
  const { t } = useI18n();
  const respond = useConsoleMutation('complaints.respond', ['complaints.escalated']);
  const { form, refused } = useSchemaForm({ shopId: c.shopId, complaintId: c.id, response: '', deadline: '' }, complaintRespondSchema);
  // Head office's calendar decides (the server refuses a past date too); said here before sending.
  const today = localDate(new Date(), HQ_TIME_ZONE);
  const submit = form.onSubmit((v) => {
    if (!deadlineOk(v.deadline, today)) {
      form.setFieldError('deadline', t('ui.hq.complaints.validation.deadlinePast'));
      return;
    }
    respond.mutate(v, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('ui.hq.complaints.sent') }),
      // A refusal naming a field lands on it; every refusal is also told by the console's toast (main.tsx).
      onError: (e) => void refused(e),
    });
  });
  return (
    <form onSubmit={submit} noValidate data-testid="response-form">
      <Stack gap="sm">
        <Title order={4}>{t('ui.hq.complaints.respond')}</Title>
        <Textarea label={t('ui.hq.complaints.response')} description={t('ui.hq.complaints.responseHint')} autosize minRows={3} maxLength={2000} {...form.getInputProps('response')} data-testid="response-text" />
        <TextInput type="date" label={t('ui.hq.complaints.deadlineLabel')} description={t('ui.hq.complaints.deadlineHint')} w={240} {...form.getInputProps('deadline')} data-testid="response-deadline" />
        <Group>
          <Button type="submit" loading={respond.isPending} data-testid="response-submit">
            {t('ui.hq.complaints.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
