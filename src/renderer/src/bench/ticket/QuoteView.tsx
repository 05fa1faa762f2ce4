import { Alert, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../../stock/format';
import { PAYERS, type CardProps } from './types';

/** The saved quote: each line with its warranty decision and who pays it, the totals, cover and limit alerts. */
export function QuoteView({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const q = wb.quote;
  const c = q.current!;
  const m = (f: number) => money(f, locale);
  return (
    <>
      <Table mt="xs" withTableBorder striped data-testid="quote-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.bench.quote.description')}</Table.Th>
            <Table.Th ta="right">{t('ui.bench.quote.qty')}</Table.Th>
            <Table.Th ta="right">{t('ui.bench.quote.price')}</Table.Th>
            <Table.Th>{t('ui.bench.col.status')}</Table.Th>
            <Table.Th>{t('ui.bench.payer.customer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Text size="sm">{l.description}</Text>
                {l.reason ? <Text size="xs" c="dimmed">{l.reason}</Text> : null}
                {l.coverReason !== null ? (
                  <Text size="xs" c="green.8" data-testid="cover-reason">
                    {t('ui.bench.quote.coverReasonShown', { reason: l.coverReason })}
                  </Text>
                ) : null}
                {l.availability ? <Text size="xs" c={l.availability.available > 0 ? 'dimmed' : 'red'}>{t('ui.bench.quote.available', { n: l.availability.available })}</Text> : null}
              </Table.Td>
              <Table.Td ta="right">{l.qty}</Table.Td>
              <Table.Td ta="right">{m(l.unitPriceFen)}</Table.Td>
              <Table.Td>
                <Tooltip label={l.decision.reasons.join(' ')} multiline w={320} disabled={l.decision.reasons.length === 0}>
                  <Badge color={l.decision.status === 'covered' ? 'green' : l.decision.status === 'partly_covered' ? 'yellow' : 'gray'} variant="light">
                    {t(`ui.bench.line.${l.decision.status}`)}
                  </Badge>
                </Tooltip>
                <Text size="xs" c="dimmed">
                  {PAYERS.filter((p) => l.payers[p] > 0)
                    .map((p) => `${t(`ui.bench.payer.${p}`)} ${m(l.payers[p])}`)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td fw={600}>{m(l.payers.customer)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs" justify="space-between">
        <Text size="sm" c="dimmed">
          {t('ui.bench.quote.subtotal', { total: m(c.totals.subtotalFen) })}
          {c.totals.discountFen > 0 ? ` − ${m(c.totals.discountFen)}` : ''}
        </Text>
        <Text fw={700} size="lg" data-testid="quote-total">
          {t('ui.bench.quote.total', { total: m(c.totals.customerTotalFen) })}
        </Text>
      </Group>
      {q.fullyCovered ? <Alert color="green" mt="xs" p="xs">{t('ui.bench.quote.covered')}</Alert> : null}
      {q.overLimitFen > 0 && q.authorizedLimitFen !== null ? (
        <Alert color="orange" mt="xs" p="xs" data-testid="over-limit">
          {t('ui.bench.quote.overLimit', { amount: m(q.overLimitFen) })}
        </Alert>
      ) : null}
    </>
  );
}
