import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The recall work recorded on a ticket at intake, with head office's action and instructions for
 * the bench (a campaign head office withdrew since keeps its code only).
 */
export function TicketRecalls({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const recalls = useCall('recalls.forTicket', { ticketId }, { silent: true }).data ?? [];
  if (recalls.length === 0) return null;
  const zh = locale === 'zh-CN';
  return (
    <Stack gap="xs" data-testid="ticket-recalls">
      {recalls.map((r) => (
        <Alert key={r.campaignId} color="red" variant="light" title={t('ui.recalls.ticket.title', { code: r.code, title: r.campaign ? (zh ? r.campaign.titleZh : r.campaign.titleEn) : '' })}>
          {r.campaign ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color="red">{t(`recalls.action.${r.campaign.action}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {t(`recalls.matchedBy.${r.matchedBy}`)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {zh ? r.campaign.instructionsZh : r.campaign.instructionsEn}
              </Text>
            </Stack>
          ) : (
            <Text size="sm">{t('ui.recalls.ticket.withdrawn')}</Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
