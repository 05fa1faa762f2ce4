import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { EvaluateRequest, EvaluateResult, PolicyVersion } from '../../../shared/warranty/procedures';
import { CATEGORY_IDS, FINDINGS, PAYERS, REPAIR_OUTCOMES, type CategoryId, type Finding } from '../../../shared/warranty/schemas';
import { formatFen, partName } from '../../../shared/warranty/format';
import { localDate } from '../../../shared/time/local-date';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { parseYuan } from '../../../shared/money';

interface LineForm {
  type: 'labor' | 'part';
  part: string; // '' = whole unit
  yuan: number | '';
}
interface RepairForm {
  faultCode: string;
  sentIn: string;
  returnedOn: string;
  outcome: (typeof REPAIR_OUTCOMES)[number];
}
interface Form {
  category: CategoryId;
  hasInvoice: boolean;
  invoiceDate: string;
  factoryDate: string;
  exchangeDate: string;
  yuan: number | '';
  today: string;
  faultCode: string;
  sentIn: string;
  performanceFault: boolean;
  findings: Finding[];
  history: RepairForm[];
  lines: LineForm[];
}

// Typed yuan → fen by the shared parser (no float on the way); empty reads as 0 here.
const fen = (y: number | '') => parseYuan(y) ?? 0;
const opt = (s: string) => (s === '' ? undefined : s);

/** A manager's "what if": category, dates, findings, earlier repairs and lines → the decision, live. */
export function WhatIfPanel() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop } = useSession();
  const shopToday = localDate(new Date(), shop?.settings.timeZone ?? 'Asia/Shanghai');
  const [policies, setPolicies] = useState<PolicyVersion[]>([]);
  const [form, setForm] = useState<Form>({
    category: 'phone',
    hasInvoice: true,
    invoiceDate: '',
    factoryDate: '',
    exchangeDate: '',
    yuan: 2999,
    today: '',
    faultCode: 'no_power',
    sentIn: '',
    performanceFault: true,
    findings: [],
    history: [],
    lines: [
      { type: 'labor', part: '', yuan: 80 },
      { type: 'part', part: 'battery', yuan: 199 },
    ],
  });
  const [result, setResult] = useState<EvaluateResult | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const seq = useRef(0);

  useEffect(() => {
    api.call('warranty.policies.list', {}).then(setPolicies, toast);
  }, [toast]);

  const policy = policies.find((p) => p.category === form.category && p.categoryDefault) ?? policies.find((p) => p.category === form.category);
  const partOptions = useMemo(() => {
    const parts = policy ? [...policy.policy.mainParts, ...policy.policy.accessories] : [];
    return [{ value: '', label: partName('unit', locale) }, ...parts.map((p) => ({ value: p.id, label: p.name[locale] }))];
  }, [policy, locale]);

  const ready = form.hasInvoice ? form.invoiceDate !== '' : form.factoryDate !== '';
  useEffect(() => {
    if (!ready) {
      setResult(null);
      setErrors({});
      return;
    }
    const today = form.today || shopToday;
    const req: EvaluateRequest = {
      category: form.category,
      device: {
        purchasePrice: fen(form.yuan),
        hasInvoice: form.hasInvoice,
        invoiceDate: form.hasInvoice ? opt(form.invoiceDate) : undefined,
        factoryDate: opt(form.factoryDate),
        exchangeDate: opt(form.exchangeDate),
      },
      findings: form.findings,
      history: form.history.map((h) => ({ faultCode: h.faultCode || 'unknown', sentIn: h.sentIn, returnedOn: h.returnedOn, outcome: h.outcome })),
      current: { faultCode: form.faultCode || 'unknown', sentIn: form.sentIn || today, performanceFault: form.performanceFault },
      today: opt(form.today),
      lines: form.lines.map((l, i) => ({ id: `L${i + 1}`, type: l.type, part: l.part === '' ? null : l.part, price: fen(l.yuan) })),
    };
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api.call('warranty.evaluate', req).then(
        (r) => {
          if (mine !== seq.current) return;
          setResult(r);
          setErrors({});
        },
        (err) => {
          if (mine !== seq.current) return;
          const f = fieldErrorsOf(err);
          if (Object.keys(f).length === 0) toast(err);
          setErrors(f);
          setResult(null);
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [form, ready, shopToday, toast]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const date = (k: 'invoiceDate' | 'factoryDate' | 'exchangeDate' | 'today' | 'sentIn', label: string, path: string, hint?: string) => (
    <TextInput type="date" label={label} description={hint} value={form[k]} error={errors[path]} onChange={(e) => set(k, e.currentTarget.value)} />
  );
  const money = (v: number) => formatFen(v, locale);
  const statusColor = { covered: 'teal', partly_covered: 'yellow', not_covered: 'red' } as const;

  return (
    <div data-testid="whatif">
    <Grid gap="lg">
      <Grid.Col span={5}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('ui.warranty.whatIf.intro')}
          </Text>
          <Title order={5}>{t('ui.warranty.whatIf.device')}</Title>
          <Select
            label={t('ui.warranty.category')}
            data={CATEGORY_IDS.map((c) => ({ value: c, label: t(`warranty.category.${c}`) }))}
            allowDeselect={false}
            value={form.category}
            error={errors.category}
            onChange={(v) => v && set('category', v as CategoryId)}
          />
          <Checkbox label={t('ui.warranty.whatIf.hasInvoice')} checked={form.hasInvoice} onChange={(e) => set('hasInvoice', e.currentTarget.checked)} />
          <SimpleGrid cols={2} spacing="xs">
            {form.hasInvoice ? date('invoiceDate', t('ui.warranty.whatIf.invoiceDate'), 'device.invoiceDate') : null}
            {date('factoryDate', t('ui.warranty.whatIf.factoryDate'), 'device.factoryDate')}
            {date('exchangeDate', t('ui.warranty.whatIf.exchangeDate'), 'device.exchangeDate')}
            <NumberInput
              label={t('ui.warranty.whatIf.price')}
              min={0}
              decimalScale={2}
              prefix="¥"
              value={form.yuan}
              error={errors['device.purchasePrice']}
              onChange={(v) => set('yuan', v === '' ? '' : Number(v))}
            />
            {date('today', t('ui.warranty.whatIf.today'), 'today', t('ui.warranty.whatIf.todayHint'))}
          </SimpleGrid>
          <Title order={5}>{t('ui.warranty.whatIf.fault')}</Title>
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label={t('ui.warranty.whatIf.faultCode')} value={form.faultCode} error={errors['current.faultCode']} onChange={(e) => set('faultCode', e.currentTarget.value)} />
            {date('sentIn', t('ui.warranty.whatIf.sentIn'), 'current.sentIn', t('ui.warranty.whatIf.todayHint'))}
          </SimpleGrid>
          <Checkbox
            label={t('ui.warranty.whatIf.performanceFault')}
            checked={form.performanceFault}
            onChange={(e) => set('performanceFault', e.currentTarget.checked)}
          />
          <Checkbox.Group label={t('ui.warranty.whatIf.findings')} value={form.findings} onChange={(v) => set('findings', v as Finding[])}>
            <SimpleGrid cols={2} spacing={4} mt={4}>
              {FINDINGS.map((f) => (
                <Checkbox key={f} value={f} label={t(`warranty.finding.${f}`)} size="xs" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>

          <Group justify="space-between">
            <Title order={5}>{t('ui.warranty.whatIf.history')}</Title>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => set('history', [...form.history, { faultCode: form.faultCode, sentIn: '', returnedOn: '', outcome: 'fixed' }])}
            >
              {t('ui.warranty.whatIf.addRepair')}
            </Button>
          </Group>
          {form.history.map((h, i) => {
            const upd = (p: Partial<RepairForm>) => set('history', form.history.map((x, j) => (j === i ? { ...x, ...p } : x)));
            return (
              <Paper key={i} withBorder p={6}>
                <SimpleGrid cols={2} spacing={4}>
                  <TextInput size="xs" label={t('ui.warranty.whatIf.faultCode')} value={h.faultCode} onChange={(e) => upd({ faultCode: e.currentTarget.value })} />
                  <Select
                    size="xs"
                    label={t('ui.warranty.whatIf.outcome')}
                    data={REPAIR_OUTCOMES.map((o) => ({ value: o, label: t(`ui.warranty.whatIf.outcome.${o}`) }))}
                    allowDeselect={false}
                    value={h.outcome}
                    onChange={(v) => v && upd({ outcome: v as RepairForm['outcome'] })}
                  />
                  <TextInput size="xs" type="date" label={t('ui.warranty.whatIf.sentIn')} value={h.sentIn} error={errors[`history.${i}.sentIn`]} onChange={(e) => upd({ sentIn: e.currentTarget.value })} />
                  <TextInput
                    size="xs"
                    type="date"
                    label={t('ui.warranty.whatIf.returnedOn')}
                    value={h.returnedOn}
                    error={errors[`history.${i}.returnedOn`]}
                    onChange={(e) => upd({ returnedOn: e.currentTarget.value })}
                  />
                </SimpleGrid>
                <Button size="compact-xs" variant="subtle" color="red" mt={4} onClick={() => set('history', form.history.filter((_, j) => j !== i))}>
                  {t('ui.warranty.whatIf.remove')}
                </Button>
              </Paper>
            );
          })}

          <Group justify="space-between">
            <Title order={5}>{t('ui.warranty.whatIf.lines')}</Title>
            <Button size="compact-xs" variant="light" onClick={() => set('lines', [...form.lines, { type: 'part', part: '', yuan: 0 }])}>
              {t('ui.warranty.whatIf.addLine')}
            </Button>
          </Group>
          {form.lines.map((l, i) => {
            const upd = (p: Partial<LineForm>) => set('lines', form.lines.map((x, j) => (j === i ? { ...x, ...p } : x)));
            return (
              <Group key={i} gap={4} wrap="nowrap" align="flex-start">
                <Select
                  size="xs"
                  w={80}
                  aria-label={t('ui.warranty.whatIf.lineType')}
                  data={(['labor', 'part'] as const).map((v) => ({ value: v, label: t(`ui.warranty.whatIf.lineType.${v}`) }))}
                  allowDeselect={false}
                  value={l.type}
                  onChange={(v) => v && upd({ type: v as LineForm['type'] })}
                />
                <Select size="xs" style={{ flex: 1 }} aria-label={t('ui.warranty.whatIf.part')} data={partOptions} allowDeselect={false} value={l.part} onChange={(v) => upd({ part: v ?? '' })} />
                <NumberInput
                  size="xs"
                  w={100}
                  aria-label={t('ui.warranty.whatIf.linePrice')}
                  prefix="¥"
                  decimalScale={2}
                  value={l.yuan}
                  error={errors[`lines.${i}.price`]}
                  onChange={(v) => upd({ yuan: v === '' ? '' : Number(v) })}
                />
                <Button size="compact-xs" variant="subtle" color="red" mt={4} aria-label={t('ui.warranty.whatIf.remove')} onClick={() => set('lines', form.lines.filter((_, j) => j !== i))}>
                  ×
                </Button>
              </Group>
            );
          })}
        </Stack>
      </Grid.Col>

      <Grid.Col span={7}>
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
      </Grid.Col>
    </Grid>
    </div>
  );
}
