import { useDebouncedValue } from '@mantine/hooks';
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { EvaluateRequest } from '../../../shared/warranty/procedures';
import type { Finding } from '../../../shared/warranty/schemas';
import { useCall } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';

export interface WarrantyFacts {
  category: string;
  deviceId: string | null;
  proofKind: 'invoice' | 'receipt' | 'none';
  invoiceDate: string;
  factoryDate: string;
  findings: Finding[];
  faultCodes: string[];
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const STATUS_COLOR = { covered: 'teal', partly_covered: 'yellow', not_covered: 'red' } as const;

function request(f: WarrantyFacts, today: string): EvaluateRequest {
  const proofDate = isDate(f.invoiceDate) ? f.invoiceDate : undefined;
  return {
    category: f.category,
    ...(f.deviceId ? { deviceId: f.deviceId } : {}),
    device: {
      purchasePrice: 0,
      hasInvoice: f.proofKind === 'invoice' && !!proofDate,
      invoiceDate: f.proofKind === 'invoice' ? proofDate : undefined,
      otherProofDate: f.proofKind === 'receipt' ? proofDate : undefined,
      factoryDate: isDate(f.factoryDate) ? f.factoryDate : undefined,
    },
    findings: f.findings,
    // A fault picked from the category's list is one the regulation's tables name; free text is not assumed to be.
    current: { faultCode: f.faultCodes[0] ?? 'unknown', sentIn: today, performanceFault: f.faultCodes.length > 0 },
    lines: [{ id: 'labor', type: 'labor', part: null, price: 0 }],
  };
}

/** The warranty engine's decision beside the intake form, recomputed (debounced) as facts change. */
export function WarrantyLive({ facts, today }: { facts: WarrantyFacts | null; today: string }) {
  const { t, locale } = useI18n();
  // Asked a moment after the facts stop changing; the last decision stays while the next is asked.
  const key = facts ? JSON.stringify(request(facts, today)) : '';
  const [settled] = useDebouncedValue(key, 250);
  const evaluation = useCall('warranty.evaluate', (settled ? JSON.parse(settled) : {}) as EvaluateRequest, { enabled: facts !== null && settled !== '', keepPrevious: true, silent: true });
  const result = facts ? (evaluation.data ?? null) : null;
  const problem = facts && evaluation.error ? evaluation.error.message : null;

  const line = result?.decision.lines[0];
  return (
    <Paper withBorder p="md" data-testid="warranty-live">
      <Title order={5} mb="xs">
        {t('ui.counter.warranty.title')}
      </Title>
      {!facts ? (
        <Text size="sm" c="dimmed">
          {t('ui.counter.warranty.empty')}
        </Text>
      ) : problem ? (
        <Text size="sm" c="red">
          {problem}
        </Text>
      ) : !result ? (
        <Text size="sm" c="dimmed">
          {t('ui.common.loading')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap={6}>
            {line ? (
              <Badge size="lg" tt="none" color={STATUS_COLOR[line.status]} data-testid="warranty-status">
                {t(`warranty.status.${line.status}`)}
              </Badge>
            ) : null}
            {result.decision.unitEnd ? (
              <Badge variant="light" tt="none">
                {t('ui.counter.warranty.until', { date: result.decision.unitEnd })}
              </Badge>
            ) : null}
          </Group>
          {result.decision.options.length > 0 ? (
            <Group gap={4}>
              <Text size="sm" fw={600}>
                {t('ui.counter.warranty.options')}
              </Text>
              {result.decision.options.map((o, i) => (
                <Badge key={`${o.option}-${i}`} variant="outline" tt="none">
                  {t(`warranty.option.${o.option}`)}
                </Badge>
              ))}
            </Group>
          ) : null}
          <List size="sm" spacing={2} data-testid="warranty-reasons">
            {[...new Set([...result.text.reasons, ...(result.text.lines[0] ?? []), ...result.text.options.flat()])].map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('ui.counter.warranty.policy', { name: result.policy.name[locale], version: result.policy.version })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
