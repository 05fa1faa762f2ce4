import { useState } from 'react';
import { Alert, Button, Group, Loader, Modal, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReconciliationRow } from '../../../shared/hq-console/claims';
import { useConsole, useConsoleMutation } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { useMe } from '../shell/me';
import { can } from '../shell/sections';
import { fen, toFen } from './format';

/** Claimed, approved and paid per shop and month, the batches paid, and a new batch for a shop's month. */
export function PaymentsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [period, setPeriod] = useState('');
  const [paying, setPaying] = useState<ReconciliationRow | null>(null);
  const res = useConsole('claims.reconcile', /^\d{4}-\d{2}$/.test(period) ? { period } : {});
  const rows = res.data?.rows ?? [];
  const batches = res.data?.batches ?? [];
  const mayPay = can(me.user.role, 'claims.payBatch');
  const code = (id: string) => rows.find((r) => r.shopId === id)?.shopCode ?? '';
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.payments')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.hq.payments.hint')}
      </Text>
      <TextInput label={t('ui.hq.claims.filter.period')} placeholder="2026-11" w={110} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && rows.length === 0 ? <Alert color="blue">{t('ui.hq.payments.empty')}</Alert> : null}
      {rows.length > 0 ? (
        <Table striped data-testid="reconciliation">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'period', 'claims', 'claimed', 'approved', 'paid', 'unpaid', 'difference'].map((c) => (
                <Table.Th key={c} ta={c === 'shop' || c === 'period' ? undefined : 'right'}>
                  {t(`ui.hq.payments.col.${c}`)}
                </Table.Th>
              ))}
              {mayPay ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.shopId}/${r.period}`} data-row={`${r.shopCode}/${r.period}`}>
                <Table.Td>
                  <Text fw={600}>{r.shopCode}</Text>
                  <Text size="xs" c="dimmed">
                    {r.shopName}
                  </Text>
                </Table.Td>
                <Table.Td>{r.period}</Table.Td>
                <Table.Td ta="right">{r.claims}</Table.Td>
                <Table.Td ta="right">{fen(r.claimedFen, locale)}</Table.Td>
                <Table.Td ta="right">{fen(r.approvedFen, locale)}</Table.Td>
                <Table.Td ta="right">{fen(r.paidFen, locale)}</Table.Td>
                <Table.Td ta="right" c={r.unpaidFen ? 'orange.8' : undefined}>
                  {fen(r.unpaidFen, locale)}
                </Table.Td>
                <Table.Td ta="right" c={r.differenceFen ? 'red' : undefined}>
                  {fen(r.differenceFen, locale)}
                </Table.Td>
                {mayPay ? (
                  <Table.Td>
                    {r.unpaidFen > 0 ? (
                      <Button size="compact-xs" onClick={() => setPaying(r)}>
                        {t('ui.hq.payments.record')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Title order={4}>{t('ui.hq.payments.batches')}</Title>
      {batches.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.hq.payments.noBatches')}
        </Text>
      ) : (
        <Table fz="sm" data-testid="batches">
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatInstant(b.at, locale)}</Table.Td>
                <Table.Td>
                  {code(b.shopId)} · {b.period}
                </Table.Td>
                <Table.Td ff="monospace">{b.reference}</Table.Td>
                <Table.Td>{t('ui.hq.payments.claimsN', { n: b.claims })}</Table.Td>
                <Table.Td ta="right">{fen(b.totalFen, locale)}</Table.Td>
                <Table.Td>{b.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {paying ? <BatchModal row={paying} onClose={() => setPaying(null)} /> : null}
    </Stack>
  );
}

function BatchModal({ row, onClose }: { row: ReconciliationRow; onClose(): void }) {
  const { t, locale } = useI18n();
  const approved = useConsole('claims.queue', { shopId: row.shopId, period: row.period, state: 'approved' }).data?.claims ?? [];
  const [paid, setPaid] = useState<Record<string, number | string>>({});
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pay = useConsoleMutation('claims.payBatch', ['claims.queue', 'claims.detail', 'claims.reconcile']);
  const submit = () => {
    if (!reference.trim()) return setError(t('ui.hq.payments.referenceRequired'));
    const payments = approved.map((c) => ({ claimId: c.claimId, paidFen: toFen(paid[c.claimId] ?? (c.approvedFen ?? 0) / 100) ?? 0 }));
    pay.mutate(
      { shopId: row.shopId, period: row.period, reference: reference.trim(), payments },
      { onSuccess: () => (notifications.show({ color: 'teal', message: t('ui.hq.payments.recorded') }), onClose()), onError: (e) => setError(e.message) },
    );
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('ui.hq.payments.modalTitle', { shop: row.shopCode, period: row.period })}>
      <Stack>
        <TextInput label={t('ui.hq.payments.reference')} description={t('ui.hq.payments.referenceHint')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="batch-reference" />
        {approved.map((c) => (
          <Group key={c.claimId} justify="space-between">
            <Text size="sm" ff="monospace">
              {c.number}
            </Text>
            <Text size="sm">{t('ui.hq.claims.approvedTotal', { amount: fen(c.approvedFen, locale) })}</Text>
            <NumberInput aria-label={t('ui.hq.payments.paidAmount')} decimalScale={2} min={0} w={140} value={paid[c.claimId] ?? (c.approvedFen ?? 0) / 100} onChange={(v) => setPaid((p) => ({ ...p, [c.claimId]: v }))} />
          </Group>
        ))}
        {error ? <Alert color="red">{error}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={submit} loading={pay.isPending} disabled={approved.length === 0} data-testid="batch-submit">
            {t('ui.hq.payments.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
