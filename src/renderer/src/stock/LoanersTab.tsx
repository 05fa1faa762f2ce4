import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import type { Loan } from '../../../shared/stock/schemas';
import { useCall, useInvalidateAfter } from '../data/calls';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName } from './format';
import { LoanerLendForm } from './LoanerLendForm';

/** Loaner devices (备用机): what is out, for how many days; lend one against a deposit; take it back. */
export function LoanersTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop, user } = useSession();
  const out = useCall('loaners.list', { status: 'out' }).data ?? [];
  const invalidate = useInvalidateAfter();
  const desk = user.role !== 'technician';

  const back = async (l: Loan) => {
    try {
      await api.call('loaners.return', { loanId: l.id });
      showSuccessToast(t('ui.stock.loaners.returned', { serial: l.serial }));
      await invalidate('loaners.return');
    } catch (err) {
      toast(err);
    }
  };

  return (
    <>
      {desk ? (
        <Paper withBorder p="sm" mb="md">
          <LoanerLendForm onLent={() => void invalidate('loaners.issue')} />
        </Paper>
      ) : null}
      <Title order={5} mb="xs">
        {t('ui.stock.loaners.out', { n: out.length })}
      </Title>
      <Table striped withTableBorder data-testid="loans-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.stock.loaners.device')}</Table.Th>
            <Table.Th>{t('ui.stock.serial')}</Table.Th>
            <Table.Th>{t('ui.stock.ticket')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.loaners.deposit')}</Table.Th>
            <Table.Th>{t('ui.stock.loaners.since')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.loaners.days')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {out.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{partName(l, locale)}</Table.Td>
              <Table.Td ff="monospace">{l.serial}</Table.Td>
              <Table.Td>{l.ticketNumber ?? l.ticketId}</Table.Td>
              <Table.Td ta="right">{money(l.depositFen, locale)}</Table.Td>
              <Table.Td>{formatInstant(l.outAt, locale, shop?.settings.timeZone)}</Table.Td>
              <Table.Td ta="right">
                <Badge color={l.days > 14 ? 'red' : l.days > 7 ? 'orange' : 'gray'} variant="light">
                  {t('ui.stock.loaners.daysN', { n: l.days })}
                </Badge>
              </Table.Td>
              <Table.Td>
                {desk ? (
                  <Button size="xs" variant="light" onClick={() => void back(l)}>
                    {t('ui.stock.loaners.return')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {out.length === 0 ? (
        <Text c="dimmed" ta="center" mt="md">
          {t('ui.stock.loaners.none')}
        </Text>
      ) : null}
    </>
  );
}
