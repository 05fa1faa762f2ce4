import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { EvaluateResult } from '../../../../shared/warranty/procedures';
import { PAYERS } from '../../../../shared/warranty/schemas';
import { formatFen } from '../../../../shared/warranty/format';
import type { FieldErrors } from '../../components/errors';
import { useI18n } from '../../i18n/I18nProvider';
import type { WhatIfForm } from './form';

const statusColor = { covered: 'teal', partly_covered: 'yellow', not_covered: 'red' } as const;

/** The engine's decision on the case: policy and dates, the options the law gives, each line's cover and payers, the reasons. */
export function DecisionView({ form, result, errors, partOptions }: { form: WhatIfForm; result: EvaluateResult | null; errors: FieldErrors; partOptions: { value: string; label: string }[] }) {
  const { t, locale } = useI18n();
  const money = (v: number) => formatFen(v, locale);
  return (
    <Paper withBorder p="md" data-testid="whatif-result">
      <Title order={4} mb="sm">
        {t('ui.warranty.whatIf.decision')}
      </Title>
      {Object.keys(errors).length > 0 ? (
        <Alert color="red" data-testid="whatif-errors">
          {t('ui.warranty.whatIf.fix')}
        </Alert>
      ) : !result ? (
        <Text c="dimmed">{t('ui.warranty.whatIf.empty')}</Text>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="outline" tt="none">{t('ui.warranty.whatIf.policyUsed', { name: result.policy.name[locale], version: result.policy.version })}</Badge>
            <Badge variant="light" tt="none">{result.decision.start ? t('ui.warranty.whatIf.start', { date: result.decision.start }) : t('ui.warranty.whatIf.noStart')}</Badge>
            {result.decision.unitEnd ? <Badge variant="light" tt="none">{t('ui.warranty.whatIf.unitEnd', { date: result.decision.unitEnd })}</Badge> : null}
          </Group>

          <Stack gap={4} data-testid="whatif-options">
            <Text fw={600}>{t('ui.warranty.whatIf.options')}</Text>
            {result.decision.options.length === 0 ? (
              <Text c="dimmed" data-testid="whatif-no-options">
                {t('ui.warranty.whatIf.noOptions')}
              </Text>
            ) : (
              <>
                <Group gap="xs">
                  {result.decision.options.map((o, i) => (
                    <Badge
                      key={`${o.option}-${i}`}
                      size="lg"
                      tt="none"
                      color={o.option === 'return' ? 'grape' : o.option === 'exchange' ? 'blue' : o.option === 'repair' ? 'teal' : 'orange'}
                      data-testid={`whatif-option-${o.option}`}
                    >
                      {t(`warranty.option.${o.option}`)}
                      {o.refundAmount !== undefined ? ` · ${t('ui.warranty.whatIf.refund', { amount: money(o.refundAmount) })}` : ''}
                      {o.fee !== undefined ? ` · ${money(o.fee)}` : ''}
                    </Badge>
                  ))}
                </Group>
                {/* The same window reason opens several options: say it once. */}
                <List size="sm" data-testid="whatif-option-reasons">
                  {[...new Set(result.text.options.flat())].map((s) => (
                    <List.Item key={s}>{s}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>

          <Table withTableBorder fz="sm" data-testid="whatif-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.warranty.whatIf.line')}</Table.Th>
                <Table.Th>{t('ui.warranty.whatIf.status')}</Table.Th>
                <Table.Th>{t('ui.warranty.whatIf.payers')}</Table.Th>
                <Table.Th>{t('ui.warranty.whatIf.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.decision.lines.map((l, i) => {
                const lf = form.lines[i];
                const label = lf ? `${t(`ui.warranty.whatIf.lineType.${lf.type}`)} · ${partOptions.find((p) => p.value === lf.part)?.label ?? lf.part}` : l.id;
                return (
                  <Table.Tr key={l.id} data-testid={`whatif-line-${i}`}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td style={{ minWidth: 120, whiteSpace: 'nowrap' }}>
                      <Badge size="sm" tt="none" color={statusColor[l.status]} variant="light" style={{ overflow: 'visible' }}>
                        {t(`warranty.status.${l.status}`)}
                      </Badge>
                      {l.endDate ? (
                        <Text size="xs" c="dimmed" mt={2}>
                          {t('ui.warranty.whatIf.until', { date: l.endDate })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {PAYERS.filter((p) => l.payers[p] > 0).map((p) => (
                        <Text size="sm" key={p}>
                          {t(`warranty.payer.${p}`)} {money(l.payers[p])}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {result.text.lines[i]!.map((s) => (
                        <Text size="sm" key={s}>
                          {s}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>

          <Stack gap={2}>
            <Text fw={600}>{t('ui.warranty.whatIf.general')}</Text>
            <List size="sm" data-testid="whatif-reasons">
              {result.text.reasons.map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
          </Stack>
          {result.decision.loaner.due ? (
            <Alert color="yellow" title={t('ui.warranty.whatIf.loaner')}>
              {result.text.loaner.join(' ')}
            </Alert>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
