import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Customer } from '../../../shared/customers/schemas';
import type { DeviceSummary } from '../../../shared/devices/schemas';
import type { TicketRow } from '../../../shared/tickets/schemas';
import { useT } from '../i18n/I18nProvider';
import { TicketTable } from './TicketTable';
import { deviceName } from './format';
import { useOpen } from '../nav/useNav';
import { MessageConsent } from './MessageConsent';

export interface CustomerView {
  customer: Customer;
  devices: DeviceSummary[];
  tickets: TicketRow[];
}

/** A customer with their devices and latest tickets, and a button to start an intake for them. */
export function CustomerCard({ data }: { data: CustomerView }) {
  const open = useOpen();
  const t = useT();
  const c = data.customer;
  return (
    <Stack data-testid="customer-card">
      <Group justify="space-between">
        <div>
          <Title order={3}>{c.name}</Title>
          <Group gap={6}>
            {c.phones.map((p) => (
              <Badge key={p.e164} variant="light" tt="none">
                {p.display} · {t(`customers.phoneKind.${p.kind}`)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {[c.company, c.address, t(`customers.contact.${c.preferredContact}`)].filter(Boolean).join(' · ')}
          </Text>
          <MessageConsent customerId={c.id} />
        </div>
        <Button
          onClick={() => open.intakeFor(c.id)}
          data-testid="customer-start-intake"
        >
          {t('ui.tickets.detail.newIntake')}
        </Button>
      </Group>
      <Text fw={700}>{t('ui.tickets.customer.devices')}</Text>
      <Table fz="sm" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.tickets.col.device')}</Table.Th>
            <Table.Th>{t('ui.counter.device.category')}</Table.Th>
            <Table.Th>{t('ui.tickets.customer.imeiOrSerial')}</Table.Th>
            <Table.Th>{t('ui.counter.device.colour')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.devices.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{deviceName(d)}</Table.Td>
              <Table.Td>{t(`devices.category.${d.category}`)}</Table.Td>
              <Table.Td ff="monospace">{d.imei || d.serial}</Table.Td>
              <Table.Td>{d.colour}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={700}>{t('ui.tickets.customer.tickets')}</Text>
      {data.tickets.length ? <TicketTable rows={data.tickets} oneCustomer /> : <Text c="dimmed">{t('ui.tickets.none')}</Text>}
    </Stack>
  );
}
