import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { parseYuan } from '../../../shared/money/yuan';
import { api } from '../api/client';
import { useCall, useInvalidateAfter } from '../data/calls';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { partName } from './format';

/**
 * Lend a loaner (备用机) against a deposit: in the Loaners tab for any ticket, and right
 * after an intake for the ticket just saved (`ticket` given, its field hidden).
 */
export function LoanerLendForm({ ticket: fixedTicket, onLent }: { ticket?: string; onLent?(): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const loaners = useCall('parts.search', { kind: 'loaner', limit: 200 }).data ?? [];
  const [partId, setPartIdState] = useState<string | null>(null);
  const [serial, setSerial] = useState<string | null>(null);
  const device = useCall('parts.get', { id: partId ?? '' }, { enabled: partId !== null }).data;
  const serials = partId && device ? device.serials.filter((s) => s.status === 'in_stock').map((s) => s.serial) : [];
  const invalidate = useInvalidateAfter();
  const setPartId = (id: string | null) => {
    setPartIdState(id);
    setSerial(null);
  };
  const [ticket, setTicket] = useState(fixedTicket ?? '');
  const [deposit, setDeposit] = useState('500');

  const lend = async () => {
    const fen = parseYuan(deposit);
    if (!partId || !serial || fen === null) return;
    try {
      await api.call('loaners.issue', { partId, serial, ticket, depositFen: fen });
      showSuccessToast(t('ui.stock.loaners.lent', { serial }));
      if (!fixedTicket) setTicket('');
      setPartId(null);
      await invalidate('loaners.issue');
      onLent?.();
    } catch (err) {
      toast(err);
    }
  };

  return (
    <Group align="flex-end" data-testid="loaner-lend">
      <Select label={t('ui.stock.loaners.device')} data={loaners.map((p) => ({ value: p.id, label: `${partName(p, locale)} (${p.stock.available})` }))} value={partId} onChange={setPartId} w={260} />
      <Select label={t('ui.stock.serial')} data={serials} value={serial} onChange={setSerial} w={180} disabled={!partId} />
      {fixedTicket ? null : <TextInput label={t('ui.stock.form.ticket')} value={ticket} onChange={(e) => setTicket(e.currentTarget.value)} />}
      <TextInput label={t('ui.stock.loaners.deposit')} leftSection="¥" value={deposit} onChange={(e) => setDeposit(e.currentTarget.value)} w={120} />
      <Button disabled={!partId || !serial || !ticket} onClick={() => void lend()}>
        {t('ui.stock.loaners.lend')}
      </Button>
    </Group>
  );
}
