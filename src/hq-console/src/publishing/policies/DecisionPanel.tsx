import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { WhatIfResult } from '../../../../shared/hq-console/publishing-policies';
import { PAYERS } from '../../../../shared/warranty/schemas';
import { formatFen } from '../../../../shared/warranty/format';
import { useI18n } from '../../i18n';

const statusColor = { covered: 'teal', partly_covered: 'yellow', not_covered: 'red' } as const;

/** The decision the shop would make: start and end of the warranty, the 三包 options open that day, the line's cover and payers, the reasons. */
export function DecisionPanel({ result, failed }: { result: WhatIfResult | null; failed: boolean }) {
  const { t, locale } = useI18n();
  const money = (v: number) => formatFen(v, locale);
  const line = result?.decision.lines[0];
  return (
    <Paper withBorder p="md" data-testid="pub-whatif-result">
      <Title order={5} mb="xs">
        {t('ui.warranty.whatIf.decision')}
      </Title>
      {failed ? (
        <Alert color="red">{t('ui.warranty.whatIf.fix')}</Alert>
      ) : !result ? (
        <Text c="dimmed">{t('ui.warranty.whatIf.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" tt="none" data-testid="pub-whatif-start">
              {result.decision.start ? t('ui.warranty.whatIf.start', { date: result.decision.start }) : t('ui.warranty.whatIf.noStart')}
            </Badge>
            {result.decision.unitEnd ? (
              <Badge variant="light" tt="none" data-testid="pub-whatif-unit-end">
                {t('ui.warranty.whatIf.unitEnd', { date: result.decision.unitEnd })}
              </Badge>
            ) : null}
            <Badge variant="outline" color="gray" tt="none">
              {t('ui.hq.pub.whatIf.calendar', { id: result.calendarId })}
            </Badge>
          </Group>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('ui.warranty.whatIf.options')}
            </Text>
            {result.decision.options.length === 0 ? (
              <Text c="dimmed" size="sm" data-testid="pub-whatif-no-options">
                {t('ui.warranty.whatIf.noOptions')}
              </Text>
            ) : (
              <Group gap="xs" data-testid="pub-whatif-options">
                {result.decision.options.map((o, i) => (
                  <Badge key={`${o.option}-${i}`} size="lg" tt="none" color={o.option === 'return' ? 'grape' : o.option === 'exchange' ? 'blue' : o.option === 'repair' ? 'teal' : 'orange'} data-testid={`pub-whatif-option-${o.option}`}>
                    {t(`warranty.option.${o.option}`)}
                    {o.refundAmount !== undefined ? ` · ${t('ui.warranty.whatIf.refund', { amount: money(o.refundAmount) })}` : ''}
                    {o.fee !== undefined ? ` · ${money(o.fee)}` : ''}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
          {line ? (
            <Group gap="xs" data-testid="pub-whatif-line">
              <Badge color={statusColor[line.status]} variant="light" tt="none">
                {t(`warranty.status.${line.status}`)}
              </Badge>
              {PAYERS.filter((p) => line.payers[p] > 0).map((p) => (
                <Text size="sm" key={p}>
                  {t(`warranty.payer.${p}`)} {money(line.payers[p])}
                </Text>
              ))}
            </Group>
          ) : null}
          <List size="sm" data-testid="pub-whatif-reasons">
            {[...new Set([...result.text.reasons, ...result.text.options.flat(), ...result.text.lines.flat()])].map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
          {result.decision.loaner.due ? <Alert color="yellow" title={t('ui.warranty.whatIf.loaner')}>{result.text.loaner.join(' ')}</Alert> : null}
        </Stack>
      )}
    </Paper>
  );
}
