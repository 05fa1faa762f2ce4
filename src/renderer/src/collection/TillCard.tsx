import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DailyCloseView } from '../../../shared/collection/schemas';
import { CASH_MOVEMENT_KINDS, cashMovementInputSchema, type CashMovementKind } from '../../../shared/collection/till';
import { useSession } from '../app/session';
import { useCallMutation } from '../data/calls';
import { useContractForm } from '../forms/useContractForm';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { money, toFen } from './format';

/**
 * The drawer beside the close (issue 19 point 10): the opening float, paid-outs and drops with
 * who and why, the expected cash they make, and a form to record one into the caller's drawer
 * while the day is open.
 */
// The write invalidates every dailyClose.* query (data/invalidation.ts): the close refetches itself.
export function TillCard({ view }: { view: DailyCloseView }) {
  const { t, locale } = useI18n();
  const { shop } = useSession();
  const fmt = (f: number) => money(f, locale, shop?.settings.currency);
  // The contract's rules (an amount above zero, a reason) are the form's: one place, src/shared.
  const { form, submit } = useContractForm({
    initialValues: { kind: (view.cash.floatFen === 0 ? 'float' : 'payout') as CashMovementKind, amount: '' as number | '', reason: '' },
    schema: cashMovementInputSchema,
    toInput: (v) => ({ kind: v.kind, amountFen: toFen(v.amount) ?? 0, reason: v.reason }),
    fieldOf: (p) => (p === 'amountFen' ? 'amount' : p),
  });
  const record = useCallMutation('dailyClose.recordCash');
  const run = async (input: { kind: CashMovementKind; amountFen: number; reason: string }) => {
    await record.mutateAsync(input);
    form.setValues({ amount: '', reason: '' });
  };
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
        <form onSubmit={submit(run)} noValidate>
          <Stack gap="xs" mt="sm">
            <SegmentedControl {...form.getInputProps('kind')} data={CASH_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`collection.cash.kind.${k}`) }))} data-testid="till-kind" />
            <Group align="flex-start" grow>
              <NumberInput label={t('ui.till.amount')} {...form.getInputProps('amount')} min={0} decimalScale={2} data-testid="till-amount" />
              <TextInput label={t('ui.till.reason')} {...form.getInputProps('reason')} data-testid="till-reason" />
            </Group>
            <Button type="submit" variant="light" loading={form.submitting} disabled={form.getValues().amount === ''} data-testid="till-record">
              {t('ui.till.record')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
