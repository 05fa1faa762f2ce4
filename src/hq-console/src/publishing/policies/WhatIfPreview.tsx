import { useMemo, useState } from 'react';
import { Checkbox, Grid, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { parseYuan } from '../../../../shared/money';
import { localDate } from '../../../../shared/time/local-date';
import { addDays, isIsoDate } from '../../../../shared/warranty/dates';
import { FINDINGS, type CategoryPolicyInput, type Finding, type ProgramTerms } from '../../../../shared/warranty/schemas';
import { partName } from '../../../../shared/warranty/format';
import type { WhatIfInput } from '../../../../shared/hq-console/publishing-policies';
import { useConsole } from '../../data';
import { useI18n } from '../../i18n';
import { DecisionPanel } from './DecisionPanel';

interface Case {
  purchaseDate: string;
  faultDate: string;
  yuan: number | '';
  hasInvoice: boolean;
  performanceFault: boolean;
  findings: Finding[];
  part: string; // '' = the unit as a whole
  lineYuan: number | '';
  programIds: string[];
}

/**
 * "What would the shop decide": a device bought on one day, brought in with a fault on another,
 * with the draft policy and the chosen programs, evaluated by head office with the shop's engine
 * on the network's calendar; live, a moment after the last change. Nothing is saved.
 */
export function WhatIfPreview({ policy, programs, fixedProgram }: { policy: CategoryPolicyInput | null; programs: ProgramTerms[]; fixedProgram?: ProgramTerms | null }) {
  const { t, locale } = useI18n();
  const today = localDate(new Date(), 'Asia/Shanghai');
  const [c, setC] = useState<Case>(() => ({ purchaseDate: addDays(today, -20), faultDate: today, yuan: 2999, hasInvoice: true, performanceFault: true, findings: [], part: '', lineYuan: 80, programIds: [] }));
  const set = <K extends keyof Case>(k: K, v: Case[K]) => setC((x) => ({ ...x, [k]: v }));
  const chosen = [...(fixedProgram ? [fixedProgram] : []), ...programs.filter((p) => c.programIds.includes(p.id) && p.id !== fixedProgram?.id)];
  const input: WhatIfInput | null =
    !policy || !isIsoDate(c.purchaseDate) || !isIsoDate(c.faultDate)
      ? null
      : {
      policy: { ...policy },
      programs: chosen.map((p) => ({ ...p })),
      purchaseDate: c.purchaseDate,
      faultDate: c.faultDate,
      purchasePrice: parseYuan(c.yuan) ?? 0,
      hasInvoice: c.hasInvoice,
      performanceFault: c.performanceFault,
      findings: c.findings,
      line: { part: c.part === '' ? null : c.part, price: parseYuan(c.lineYuan) ?? 0 },
        };
  // Debounced by its text: the draft is a new object at every render, its content is what matters.
  const [settledText] = useDebouncedValue(input ? JSON.stringify(input) : '', 250);
  const settled = useMemo(() => (settledText ? (JSON.parse(settledText) as WhatIfInput) : null), [settledText]);
  const res = useConsole('publishing.policies.whatIf', settled ?? ({} as WhatIfInput), { enabled: settled !== null });
  const parts = policy ? [...policy.mainParts, ...policy.accessories].filter((p) => p.id) : [];
  const partOptions = [{ value: '', label: partName('unit', locale) }, ...parts.map((p) => ({ value: p.id, label: p.name[locale] || p.id }))];
  const dateError = (v: string) => (isIsoDate(v) ? undefined : t('warranty.error.invalidDate'));
  return (
    <Stack gap="sm" data-testid="pub-whatif">
      <Title order={4}>{t('ui.hq.pub.whatIf.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.hq.pub.whatIf.intro')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <TextInput label={t('ui.hq.pub.whatIf.purchaseDate')} placeholder="YYYY-MM-DD" value={c.purchaseDate} error={dateError(c.purchaseDate)} data-testid="pub-whatif-purchase" onChange={(e) => set('purchaseDate', e.currentTarget.value.trim())} />
              <TextInput label={t('ui.hq.pub.whatIf.faultDate')} placeholder="YYYY-MM-DD" value={c.faultDate} error={dateError(c.faultDate)} data-testid="pub-whatif-fault" onChange={(e) => set('faultDate', e.currentTarget.value.trim())} />
            </Group>
            <Group grow align="flex-start">
              <NumberInput label={t('ui.warranty.whatIf.price')} min={0} decimalScale={2} value={c.yuan} onChange={(v) => set('yuan', v === '' ? '' : Number(v))} />
              <Select label={t('ui.warranty.whatIf.part')} data={partOptions} allowDeselect={false} value={c.part} onChange={(v) => set('part', v ?? '')} />
              <NumberInput label={t('ui.warranty.whatIf.linePrice')} min={0} decimalScale={2} value={c.lineYuan} onChange={(v) => set('lineYuan', v === '' ? '' : Number(v))} />
            </Group>
            <Group>
              <Checkbox label={t('ui.warranty.whatIf.hasInvoice')} checked={c.hasInvoice} onChange={(e) => set('hasInvoice', e.currentTarget.checked)} />
              <Checkbox label={t('ui.warranty.whatIf.performanceFault')} checked={c.performanceFault} onChange={(e) => set('performanceFault', e.currentTarget.checked)} />
            </Group>
            <MultiSelect label={t('ui.warranty.whatIf.findings')} data={FINDINGS.map((f) => ({ value: f, label: t(`warranty.finding.${f}`) }))} value={c.findings} onChange={(v) => set('findings', v as Finding[])} />
            {programs.length > 0 ? (
              <MultiSelect
                label={t('ui.hq.pub.whatIf.programs')}
                data={programs.filter((p) => p.id !== fixedProgram?.id).map((p) => ({ value: p.id, label: p.name?.[locale] ?? p.id }))}
                value={c.programIds}
                onChange={(v) => set('programIds', v)}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DecisionPanel result={settled && !res.isError ? (res.data ?? null) : null} failed={res.isError || input === null} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
