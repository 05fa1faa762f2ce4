import { useState } from 'react';
import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DailyCloseView } from '../../../shared/collection/schemas';
import { CASH_MOVEMENT_KINDS, type CashMovementKind } from '../../../shared/collection/till';
import { useSession } from '../app/session';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useCallMutation } from '../data/calls';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { money, toFen } from './format';

/**
 * The drawer beside the close (issue 19 point 10): the opening float, paid-outs and drops with
 * who and why, the expected cash they make, and a form to record one into the caller's drawer
 * while the day is open.
 */
export function TillCard({ view, onRecorded }: { view: DailyCloseView; onRecorded(): void }) {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  const { toast } = useErrorToast();
  const fmt = (f: number) => money(f, locale, shop?.settings.currency);
  const [kind, setKind] = useState<CashMovementKind>(view.cash.floatFen === 0 ? 'float' : 'payout');
  const [amount, setAmount] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useCallMutation('dailyClose.recordCash', {
    onSuccess: () => {
      setAmount('');
      setReason('');
      setErrors({});
      onRecorded();
    },
  });
  const submit = () =>
    record.mutate(
      { kind, amountFen: toFen(amount) ?? 0, reason },
      {
        onError: (e) => {
          const f = fieldErrorsOf(e);
          setErrors(f);
          if (!Object.keys(f).length) toast(e);
        },
      },
    );
  const open = !view.close && !view.locked;
  return (
    <Paper withBorder p="md" data-testid="till">
      <Text fw={600} size="sm">
        {t('ui.till.title')}
      </Text>
      <Table fz="sm" mt="xs" data-testid="till-figures">
        <Table.Tbody>
          {(
            [
              ['ui.till.float', view.cash.floatFen],
              ['ui.till.taken', view.cash.takenFen],
              ['ui.till.payouts', -view.cash.payoutsFen || 0],
              ['ui.till.drops', -view.cash.dropsFen || 0],
            ] as const
          ).map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Td>{t(k)}</Table.Td>
              <Table.Td ta="right">{fmt(v)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {view.cashMovements.length ? (
        <Table fz="xs" mt="xs" data-testid="till-movements">
          <Table.Tbody>
            {view.cashMovements.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatInstant(m.at, locale, shop?.settings.timeZone)}</Table.Td>
                <Table.Td>{t(`collection.cash.kind.${m.kind}`)}</Table.Td>
                <Table.Td>{m.reason}</Table.Td>
                <Table.Td>{m.byName ?? '—'}</Table.Td>
                <Table.Td ta="right">{fmt(m.amountFen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {open ? (
        <Stack gap="xs" mt="sm">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as CashMovementKind)}
            data={CASH_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`collection.cash.kind.${k}`) }))}
            data-testid="till-kind"
          />
          <Group align="flex-start" grow>
            <NumberInput label={t('ui.till.amount')} value={amount} onChange={(v) => setAmount(v === '' ? '' : Number(v))} min={0} decimalScale={2} error={errors.amountFen} data-testid="till-amount" />
            <TextInput label={t('ui.till.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid="till-reason" />
          </Group>
          <Button variant="light" onClick={submit} loading={record.isPending} disabled={amount === ''} data-testid="till-record">
            {t('ui.till.record')}
          </Button>
        </Stack>
      ) : null}
    </Paper>
  );
}
