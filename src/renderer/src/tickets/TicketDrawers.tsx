import { useCallback, useEffect, useState } from 'react';
import { Center, Drawer, Loader } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { api } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { onNavigate } from './nav';
import { TicketDetailView } from './TicketDetailView';
import { CustomerCard, type CustomerView } from './CustomerCard';
import { useTicketsChanged } from './useTicketsChanged';

/**
 * The ticket and customer drawers, mounted once in the shell so that search, the scanner,
 * lists and the intake screen can all open them. The open ticket refreshes when it changes.
 */
export function TicketDrawers() {
  const t = useT();
  const { toast } = useErrorToast();
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customer, setCustomer] = useState<CustomerView | null>(null);

  const loadTicket = useCallback(
    (id: string) =>
      api.call('tickets.get', { id }).then(setTicket, (e) => {
        toast(e);
        setTicketId(null);
      }),
    [toast],
  );

  useEffect(
    () =>
      onNavigate((n) => {
        if (n.kind === 'ticket') {
          setTicket(null);
          setTicketId(n.id);
          void loadTicket(n.id);
        } else if (n.kind === 'customer') {
          setCustomer(null);
          setCustomerId(n.id);
          api.call('customers.get', { id: n.id }).then(setCustomer, (e) => (toast(e), setCustomerId(null)));
        } else if (n.kind === 'intake') {
          setTicketId(null);
          setCustomerId(null);
        }
      }),
    [loadTicket, toast],
  );
  useTicketsChanged((id) => {
    if (ticketId && (!id || id === ticketId)) void loadTicket(ticketId);
  });

  return (
    <>
      <Drawer
        opened={!!customerId}
        onClose={() => setCustomerId(null)}
        position="right"
        size="xl"
        title={t('ui.tickets.customer.title')}
        data-testid="customer-drawer"
      >
        {customer ? <CustomerCard data={customer} onIntake={() => setCustomerId(null)} /> : <Center p="xl"><Loader /></Center>}
      </Drawer>
      <Drawer
        opened={!!ticketId}
        onClose={() => setTicketId(null)}
        position="right"
        size="min(1000px, 90vw)"
        title={t('ui.tickets.detail.title')}
        data-testid="ticket-drawer"
      >
        {ticket ? <TicketDetailView ticket={ticket} /> : <Center p="xl"><Loader /></Center>}
      </Drawer>
    </>
  );
}
