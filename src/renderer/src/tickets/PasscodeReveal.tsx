import { useEffect, useState } from 'react';
import { Badge, Button, Code, Group, Text } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

const SHOW_MS = 20_000;

/**
 * Whether a passcode is on file, and for the assigned technician or a manager a Reveal button:
 * the secret shows for a few seconds (the server audits every reveal), then hides again.
 */
export function PasscodeReveal({ ticket }: { ticket: TicketDetail }) {
  const t = useT();
  const { toast } = useErrorToast();
  const { user } = useSession();
  const [shown, setShown] = useState<{ kind: string; value: string } | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  useEffect(() => setShown(null), [ticket.id]);

  const p = ticket.passcode;
  const state = p.erasedAt
    ? t('ui.tickets.passcode.erased')
    : p.hasPasscode && p.kind
      ? t(`tickets.passcode.${p.kind}`)
      : p.declined
        ? t('tickets.passcode.declined')
        : t('tickets.passcode.none');
  const mayReveal = p.hasPasscode && !p.erasedAt && (isManager(user) || (user.role === 'technician' && ticket.technician?.id === user.id));

  const reveal = async () => {
    try {
      setShown(await api.call('tickets.revealPasscode', { ticketId: ticket.id }));
    } catch (e) {
      toast(e);
    }
  };

  return (
    <Group gap="xs" data-testid="passcode">
      <Badge variant="light" color={p.hasPasscode ? 'indigo' : 'gray'} tt="none">
        {state}
      </Badge>
      {shown ? (
        <>
          <Code fz="md" data-testid="passcode-value">
            {shown.value}
          </Code>
          <Text size="xs" c="dimmed">
            {t('ui.tickets.passcode.audited')}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setShown(null)}>
            {t('ui.tickets.passcode.hide')}
          </Button>
        </>
      ) : mayReveal ? (
        <Button size="compact-xs" variant="light" color="orange" onClick={() => void reveal()} data-testid="reveal-passcode">
          {t('ui.tickets.passcode.reveal')}
        </Button>
      ) : null}
    </Group>
  );
}
