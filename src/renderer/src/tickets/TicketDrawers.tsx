import { Center, Drawer, Loader } from '@mantine/core';
import { useLocation } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { useCall } from '../data/calls';
import { useOpen } from '../nav/useNav';
import { isTicketId, overlayOf } from '../nav/paths';
import { TicketDetailView } from './TicketDetailView';
import { CustomerCard } from './CustomerCard';

/**
 * The ticket and customer drawers, mounted once in the shell: they show whatever ticket or
 * customer the URL names (`#/tickets/<number>`, `#/customers/<id>`), over the section behind.
 * The open ticket refreshes when it changes (its queries are invalidated by events).
 */
export function TicketDrawers() {
  const t = useT();
  const open = useOpen();
  const overlay = overlayOf(useLocation().pathname);
  const ref = overlay?.kind === 'ticket' ? overlay.ref : null;
  const customerId = overlay?.kind === 'customer' ? overlay.id : null;

  // A number (what a link or a scan carries) is looked up once; an id is used as it is.
  const byNumber = useCall('tickets.byBarcode', { code: ref ?? '' }, { enabled: !!ref && !isTicketId(ref) });
  const ticketId = ref && isTicketId(ref) ? ref : (byNumber.data?.id ?? null);
  const ticket = useCall('tickets.get', { id: ticketId ?? '' }, { enabled: !!ticketId });
  const customer = useCall('customers.get', { id: customerId ?? '' }, { enabled: !!customerId });
  const failed = byNumber.isError || ticket.isError || customer.isError;

  return (
    <>
      <Drawer
        opened={!!customerId && !customer.isError}
        onClose={open.close}
        position="right"
        // As wide as the ticket drawer: the devices table needs about 840 px in English.
        size="min(1000px, 90vw)"
        title={t('ui.tickets.customer.title')}
        data-testid="customer-drawer"
      >
        {customer.data ? <CustomerCard data={customer.data} /> : <Center p="xl">{failed ? null : <Loader />}</Center>}
      </Drawer>
      <Drawer
        opened={!!ref && !byNumber.isError && !ticket.isError}
        onClose={open.close}
        position="right"
        size="min(1000px, 90vw)"
        title={t('ui.tickets.detail.title')}
        data-testid="ticket-drawer"
      >
        {ticket.data && ticket.data.id === ticketId ? <TicketDetailView ticket={ticket.data} /> : <Center p="xl"><Loader /></Center>}
      </Drawer>
    </>
  );
}
