import { Button, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCallMutation } from '../data/calls';

/** The two cells every list of customers to phone starts with: the ticket (opens it) and whom to call. */
export function TicketCustomerCells({ number, device, customerName, phone, onOpen }: { number: string; device: string; customerName: string; phone: string; onOpen(): void }) {
  return (
    <>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={onOpen}>
          {number}
        </Button>
        <Text size="xs">{device}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {customerName}
        </Text>
        <Text size="sm">{phone}</Text>
      </Table.Td>
    </>
  );
}

/** One click logs how a call to the customer went. */
export function CallButtons({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const logCall = useCallMutation('bench.logCall');
  return (
    <Group gap={4}>
      {(['reached', 'no_answer', 'left_message'] as const).map((res) => (
        <Button key={res} size="compact-xs" variant="light" onClick={() => logCall.mutate({ ticketId, result: res }, { onError: toast })}>
          {t(`ui.bench.calls.${res}`)}
        </Button>
      ))}
    </Group>
  );
}
