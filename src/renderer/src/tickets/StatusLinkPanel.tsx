import { Anchor, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useCall, useCallMutation } from '../data/calls';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';

/**
 * The ticket's link to the customers' status page at head office (issue 20): what the receipt's
 * QR code opens. Staff read it out or copy it for a customer who lost the receipt; the counter and
 * managers issue a new one (the old one stops working) or withdraw it. Not enrolled: there is no
 * page, and the panel says how the customer asks instead.
 */
export function StatusLinkPanel({ ticketId }: { ticketId: string }) {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const link = useCall('status.link', { ticketId }).data;
  const renew = useCallMutation('status.renew');
  const revoke = useCallMutation('status.revoke');
  if (!link) return null;
  if (!link.enrolled) {
    return (
      <Text size="sm" c="dimmed" data-testid="status-link" data-state="not-enrolled">
        {t('ui.tickets.statusLink.notEnrolled')}
      </Text>
    );
  }
  const mayChange = user.role !== 'technician';
  return (
    <Stack gap={6} data-testid="status-link" data-state={link.url ? 'live' : 'revoked'}>
      {link.url ? (
        <>
          <Anchor href={link.url} target="_blank" rel="noreferrer noopener" size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="status-link-url">
            {link.url}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('ui.tickets.statusLink.issued', { at: formatInstant(link.createdAt!, locale, shop?.settings.timeZone) })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('ui.tickets.statusLink.revoked')}
        </Text>
      )}
      <Group gap="xs">
        {link.url ? (
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" onClick={copy}>
                {copied ? t('ui.tickets.statusLink.copied') : t('ui.tickets.statusLink.copy')}
              </Button>
            )}
          </CopyButton>
        ) : null}
        {mayChange ? (
          <Button size="compact-sm" variant="default" loading={renew.isPending} onClick={() => renew.mutate({ ticketId })} data-testid="status-link-renew">
            {link.url ? t('ui.tickets.statusLink.renew') : t('ui.tickets.statusLink.issue')}
          </Button>
        ) : null}
        {mayChange && link.url ? (
          <Button size="compact-sm" variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate({ ticketId })} data-testid="status-link-revoke">
            {t('ui.tickets.statusLink.revoke')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
