import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import type { Loan, PartRow } from '../../../shared/stock/schemas';
import { parseYuan } from '../../../shared/stock/money';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName } from './format';

/** Loaner devices (备用机): what is out, for how many days; lend one against a deposit; take it back. */
export function LoanersTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop, user } = useSession();
  const [out, setOut] = useState<Loan[]>([]);
  const [loaners, setLoaners] = useState<PartRow[]>([]);
  const [partId, setPartId] = useState<string | null>(null);
  const [serials, setSerials] = useState<string[]>([]);
  const [serial, setSerial] = useState<string | null>(null);
  const [ticket, setTicket] = useState('');
  const [deposit, setDeposit] = useState('500');
  const desk = user.role !== 'technician';
  const load = useCallback(async () => {
    try {
      const [o, l] = await Promise.all([api.call('loaners.list', { status: 'out' }), api.call('parts.search', { kind: 'loaner', limit: 200 })]);
      setOut(o);
      setLoaners(l);
    } catch (err) {
      toast(err);
    }
  }, [toast]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    setSerial(null);
    if (!partId) return setSerials([]);
    api.call('parts.get', { id: partId }).then((d) => setSerials(d.serials.filter((s) => s.status === 'in_stock').map((s) => s.serial)), toast);
  }, [partId, toast]);

  const lend = async () => {
    const fen = parseYuan(deposit);
    if (!partId || !serial || fen === null) return;
    try {
      await api.call('loaners.issue', { partId, serial, ticket, depositFen: fen });
      showSuccessToast(t('ui.stock.loaners.lent', { serial }));
      setTicket('');
      setPartId(null);
      await load();
    } catch (err) {
      toast(err);
    }
  };
  const back = async (l: Loan) => {
    try {
      await api.call('loaners.return', { loanId: l.id });
      showSuccessToast(t('ui.stock.loaners.returned', { serial: l.serial }));
      await load();
    } catch (err) {
      toast(err);
    }
  };

  return (
    <>
      {desk ? (
        <Paper withBorder p="sm" mb="md">
          <Group align="flex-end">
            <Select label={t('ui.stock.loaners.device')} data={loaners.map((p) => ({ value: p.id, label: `${partName(p, locale)} (${p.stock.available})` }))} value={partId} onChange={setPartId} w={260} />
            <Select label={t('ui.stock.serial')} data={serials} value={serial} onChange={setSerial} w={180} disabled={!partId} />
            <TextInput label={t('ui.stock.form.ticket')} value={ticket} onChange={(e) => setTicket(e.currentTarget.value)} />
            <TextInput label={t('ui.stock.loaners.deposit')} leftSection="¥" value={deposit} onChange={(e) => setDeposit(e.currentTarget.value)} w={120} />
            <Button disabled={!partId || !serial || !ticket} onClick={() => void lend()}>
              {t('ui.stock.loaners.lend')}
            </Button>
          </Group>
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
