import { useMemo, useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, PasswordInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { TENDERS, type Payment, type Tender } from '../../../shared/collection/schemas';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { money, toFen } from './format';
import { usePendingSync } from '../sync/usePendingSync';
import { NotAtHqBadge } from '../sync/NotAtHqBadge';

type Action = { kind: 'void'; payment: Payment } | { kind: 'refund' };

/** A ticket's payments (append-only) with void (one row) and refund (the ticket), each with a reason and a manager's PIN. */
export function PaymentsTable({ payments, ticketId, onChanged }: { payments: Payment[]; ticketId: string; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<number | ''>('');
  const [tender, setTender] = useState<Tender>('cash');
  const [approval, setApproval] = useState({ username: '', pin: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const manager = user.role === 'manager' || user.role === 'admin';
  const fmt = (f: number) => money(f, locale, shop?.settings.currency);
  const pending = usePendingSync('payments', useMemo(() => payments.map((p) => p.id), [payments]));

  const open = (a: Action) => {
    setAction(a);
    setReason('');
    setAmount('');
    setApproval({ username: '', pin: '' });
    setErrors({});
  };
  const run = async () => {
    if (!action) return;
    const appr = !manager && approval.username ? { approval } : {};
    try {
      if (action.kind === 'void') await api.call('payments.void', { paymentId: action.payment.id, reason, ...appr });
      else await api.call('payments.refund', { ticketId, amountFen: toFen(amount) ?? 0, tender, reason, ...appr });
      setAction(null);
      onChanged();
    } catch (e) {
      const f = fieldErrorsOf(e);
      setErrors(f);
      if (Object.keys(f).length === 0) toast(e);
    }
  };

  return (
    <>
      <Table fz="xs" withTableBorder data-testid="collection-payments">
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatInstant(p.at, locale, shop?.settings.timeZone)}</Table.Td>
              <Table.Td>
                {t(`collection.kind.${p.kind}`)} · {t(`collection.tender.${p.tender}`)}
                {p.reference ? ` · ${p.reference}` : ''}
                {p.voided ? (
                  <Badge ml={4} size="xs" color="red" variant="light" tt="none">
                    {t('ui.collection.voided')}
                  </Badge>
                ) : null}
                {pending.has(p.id) ? (
                  <span style={{ marginLeft: 4 }}>
                    <NotAtHqBadge size="xs" />
                  </span>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">{fmt(p.amountFen)}</Table.Td>
              <Table.Td>{p.byName ?? ''}</Table.Td>
              <Table.Td>
                {(p.kind === 'deposit' || p.kind === 'settlement') && !p.voided ? (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => open({ kind: 'void', payment: p })}>
                    {t('ui.collection.void')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button size="compact-xs" variant="subtle" color="orange" mt={4} onClick={() => open({ kind: 'refund' })} data-testid="collection-refund">
        {t('ui.collection.refund')}
      </Button>
      <Modal opened={!!action} onClose={() => setAction(null)} title={action?.kind === 'void' ? t('ui.collection.void') : t('ui.collection.refund')}>
        <Stack gap="xs">
          {action?.kind === 'refund' ? (
            <Group grow>
              <NumberInput label={t('ui.collection.refundAmount')} value={amount} onChange={(v) => setAmount(v === '' ? '' : Number(v))} min={0} decimalScale={2} error={errors.amountFen} data-autofocus />
              <Select label={t('ui.collection.tender')} data={TENDERS.map((x) => ({ value: x, label: t(`collection.tender.${x}`) }))} value={tender} onChange={(v) => v && setTender(v as Tender)} allowDeselect={false} />
            </Group>
          ) : null}
          <TextInput label={t('ui.collection.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          {!manager ? (
            <Group grow>
              <TextInput label={t('ui.collection.managerUser')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.currentTarget.value })} />
              <PasswordInput label={t('ui.collection.managerPin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })} />
            </Group>
          ) : null}
          <Button color="red" onClick={() => void run()}>
            {action?.kind === 'void' ? t('ui.collection.void') : t('ui.collection.refund')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
