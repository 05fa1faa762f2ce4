import { Paper, Table, Text } from '@mantine/core';
import type { CollectionView } from '../../../../shared/collection/schemas';
import { useInvalidateAfter } from '../../data/calls';
import { useI18n } from '../../i18n/I18nProvider';
import { PaymentsTable } from '../PaymentsTable';

const PAYERS = ['maker', 'shop', 'extended_warranty', 'insurer'] as const;

/** What was done: fault and cause, the lines and who pays them, parts with their serials, a 三包 return, the payments so far. */
export function WorkDone({ view, fmt }: { view: CollectionView; fmt(fen: number): string }) {
  const { t, colon } = useI18n();
  const invalidate = useInvalidateAfter();
  return (
        <Paper withBorder p="md" data-testid="collection-work">
          <Text fw={700} mb={4}>
            {t('ui.collection.step.work')}
          </Text>
          <Text size="sm">
            <b>{t('ui.collection.fault')}{colon}</b>{view.ticket.fault || '—'}
          </Text>
          <Text size="sm">
            <b>{t('ui.collection.cause')}{colon}</b>{view.ticket.cause || '—'}
          </Text>
          <Text size="sm" mb="xs">
            <b>{t('ui.collection.technician')}{colon}</b>{view.ticket.technician ?? '—'}
          </Text>
          {view.lines.length ? (
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.collection.line')}</Table.Th>
                  <Table.Th ta="right">{t('ui.collection.amount')}</Table.Th>
                  <Table.Th>{t('ui.collection.payer')}</Table.Th>
                  <Table.Th ta="right">{t('ui.collection.customerPays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {l.description}
                      {l.qty > 1 ? ` ×${l.qty}` : ''}
                    </Table.Td>
                    <Table.Td ta="right">{fmt(l.amountFen)}</Table.Td>
                    <Table.Td>
                      {PAYERS.filter((p) => l.payers[p] > 0)
                        .map((p) => t(`bench.payer.${p}`))
                        .join(', ') || t('bench.payer.customer')}
                    </Table.Td>
                    <Table.Td ta="right">{fmt(l.payers.customer)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ui.collection.noQuote')}
            </Text>
          )}
          {view.parts.length ? (
            <>
              <Text fw={600} size="sm" mt="sm">
                {t('ui.collection.parts')}
              </Text>
              {view.parts.map((p) => (
                <Text size="sm" key={p.partId} data-testid="collection-part">
                  {/* only what the part has: an unserialized part names no serial, a part that replaced nothing no old one */}
                  {[
                    `${p.name} (${p.sku})`,
                    [p.serials.length ? t('ui.collection.newSerials', { serials: p.serials.join(', ') }) : '', p.removedSerial ? t('ui.collection.oldSerial', { serial: p.removedSerial }) : ''].filter(Boolean).join(' · '),
                    t('ui.collection.partUntil', { date: p.warrantyEnd }),
                  ]
                    .filter(Boolean)
                    .join(' — ')}
                </Text>
              ))}
            </>
          ) : null}
          {view.sanbao?.option === 'return' ? (
            <Paper withBorder p="xs" mt="sm" bg={view.sanbao.refundPaid ? 'teal.0' : 'orange.0'} data-testid="collection-sanbao">
              <Text fw={600} size="sm">
                {t('ui.collection.sanbao.title')}
              </Text>
              <Text size="sm">
                {t('ui.collection.sanbao.breakdown', {
                  price: fmt(view.sanbao.purchasePriceFen),
                  depreciation: fmt(view.sanbao.depreciationFen),
                  days: view.sanbao.daysUsed,
                  refund: fmt(view.sanbao.refundFen),
                  manager: view.sanbao.approvedByName ?? '—',
                })}
              </Text>
              {view.sanbao.refundPaid ? (
                <Text size="sm" fw={700} c="teal.8" data-testid="collection-sanbao-paid">
                  {t('ui.collection.sanbao.paid', {
                    amount: fmt(view.sanbao.refundPaid.amountFen),
                    date: view.sanbao.refundPaid.businessDate,
                    tender: t(`collection.tender.${view.sanbao.refundPaid.tender}`),
                  })}
                  {view.sanbao.refundPaid.reference ? ` · ${t('ui.collection.reference')} ${view.sanbao.refundPaid.reference}` : ''}
                  {view.sanbao.refundPaid.byName ? ` · ${view.sanbao.refundPaid.byName}` : ''}
                </Text>
              ) : view.sanbao.refundFen > 0 ? (
                <Text size="sm" c="orange.9">
                  {t('ui.collection.sanbao.dueAtHandback', { amount: fmt(view.sanbao.refundFen) })}
                </Text>
              ) : null}
            </Paper>
          ) : null}
          {view.payments.length ? (
            <>
              <Text fw={600} size="sm" mt="sm">
                {t('ui.collection.payments')}
              </Text>
              <PaymentsTable payments={view.payments} onChanged={() => void invalidate('payments.refund')} ticketId={view.ticket.id} />
            </>
          ) : null}
        </Paper>
  );
}
