import { Text, Timeline } from '@mantine/core';
import type { TicketEvent } from '../../../shared/tickets/schemas';
import { hasKey } from '../../../shared/i18n/translate';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useSession } from '../app/session';

/** Every event of the ticket, oldest first: who, when, what changed, the note. */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length - 1} data-testid="timeline">
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Text size="sm" fw={600}>
              {t(`tickets.event.${e.kind}`)}
              {e.toStatus && e.fromStatus !== e.toStatus
                ? ` · ${e.fromStatus ? `${t(`tickets.status.${e.fromStatus}`)} → ` : ''}${t(`tickets.status.${e.toStatus}`)}`
                : ''}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {formatInstant(e.at, locale, shop?.settings.timeZone)} · {e.userName ?? t('ui.tickets.system')}
          </Text>
          {e.note ? <Text size="sm">{hasKey(e.note) ? t(e.note) : e.note}</Text> : null}
          {e.kind === 'message' ? (
            // a text message head office sent: to whom, and whether it arrived (not delivered: phone the customer)
            <Text size="xs" c={e.data.result === 'sent' ? 'dimmed' : 'red'} data-testid="timeline-message" data-result={String(e.data.result)}>
              {t(e.data.result === 'sent' ? 'ui.tickets.message.sent' : 'ui.tickets.message.notDelivered', { to: String(e.data.to ?? ''), error: String(e.data.error ?? '') })}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
