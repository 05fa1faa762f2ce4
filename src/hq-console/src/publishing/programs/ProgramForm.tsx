import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { parseYuan } from '../../../../shared/money';
import { FINDINGS, type Finding, type ProgramTerms } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n';
import type { Errors } from '../draft';

export type ProgramKind = ProgramTerms['kind'];
export const PROGRAM_KINDS: ProgramKind[] = ['extended_warranty', 'accidental_damage', 'replace_instead_of_repair'];

/** A draft of a program's terms: loose while typed, checked with the kind's schema before publishing. */
export type ProgramDraft = Record<string, unknown> & { id: string; kind: ProgramKind; name: { 'zh-CN': string; en: string } };

export function newProgram(kind: ProgramKind): ProgramDraft {
  const base = { id: '', kind, name: { 'zh-CN': '', en: '' } };
  if (kind === 'extended_warranty') return { ...base, years: 1, coversAccessories: false };
  if (kind === 'accidental_damage') return { ...base, discountBp: 10_000, deductible: 0, capPerClaim: 100_000, capPerTerm: 200_000, covers: ['impact', 'liquid'] };
  return { ...base, fee: { kind: 'fixed', amount: 50_000 } };
}

const yuanOf = (fen: unknown) => (typeof fen === 'number' ? fen / 100 : '');
const fenOf = (v: string | number) => (v === '' ? undefined : (parseYuan(v) ?? undefined));
const pctOf = (bp: unknown) => (typeof bp === 'number' ? bp / 100 : '');
const bpOf = (v: string | number) => (v === '' ? undefined : Math.round(Number(v) * 100));

/** The terms head office sets for a program; a device's dates stay the shop's. Money in yuan, shares in percent. */
export function ProgramForm({ draft, set, errors, isNew }: { draft: ProgramDraft; set(d: ProgramDraft): void; errors: Errors; isNew: boolean }) {
  const { t } = useI18n();
  const put = (k: string, v: unknown) => set({ ...draft, [k]: v });
  const money = (k: string, label: string) => <NumberInput label={label} min={0} decimalScale={2} value={yuanOf(draft[k])} error={errors[k]} onChange={(v) => put(k, fenOf(v))} />;
  const fee = (draft.fee ?? { kind: 'fixed' }) as { kind: 'fixed' | 'share'; amount?: number; shareBp?: number; cap?: number };
  return (
    <Stack gap="sm" data-testid="pub-program-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('ui.hq.pub.program.id')} description={t('ui.hq.pub.program.idHint')} value={draft.id} error={errors.id} disabled={!isNew} data-testid="pub-program-id" onChange={(e) => put('id', e.currentTarget.value)} />
        <TextInput label={t('ui.warranty.nameZh')} value={draft.name['zh-CN']} error={errors['name.zh-CN']} onChange={(e) => put('name', { ...draft.name, 'zh-CN': e.currentTarget.value })} />
        <TextInput label={t('ui.warranty.nameEn')} value={draft.name.en} error={errors['name.en']} onChange={(e) => put('name', { ...draft.name, en: e.currentTarget.value })} />
      </SimpleGrid>
      {draft.kind === 'extended_warranty' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('ui.hq.pub.program.years')} min={1} max={3} allowDecimal={false} value={typeof draft.years === 'number' ? draft.years : ''} error={errors.years} data-testid="pub-program-years" onChange={(v) => put('years', v === '' ? undefined : Number(v))} />
          <Checkbox mt="xl" label={t('ui.hq.pub.program.coversAccessories')} checked={draft.coversAccessories === true} onChange={(e) => put('coversAccessories', e.currentTarget.checked)} />
        </SimpleGrid>
      ) : null}
      {draft.kind === 'accidental_damage' ? (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberInput label={t('ui.hq.pub.program.sharePct')} min={0} max={100} decimalScale={2} value={pctOf(draft.discountBp)} error={errors.discountBp} onChange={(v) => put('discountBp', bpOf(v))} />
          {money('deductible', t('ui.hq.pub.program.deductible'))}
          {money('capPerClaim', t('ui.hq.pub.program.capPerClaim'))}
          {money('capPerTerm', t('ui.hq.pub.program.capPerTerm'))}
          <MultiSelect
            label={t('ui.hq.pub.program.covers')}
            data={FINDINGS.map((f) => ({ value: f, label: t(`warranty.finding.${f}`) }))}
            value={(draft.covers as Finding[] | undefined) ?? []}
            error={errors.covers}
            onChange={(v) => put('covers', v)}
          />
        </SimpleGrid>
      ) : null}
      {draft.kind === 'replace_instead_of_repair' ? (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t('ui.hq.pub.program.feeKind')}
            data={(['fixed', 'share'] as const).map((k) => ({ value: k, label: t(`ui.hq.pub.program.fee.${k}`) }))}
            allowDeselect={false}
            value={fee.kind}
            onChange={(v) => put('fee', v === 'share' ? { kind: 'share', shareBp: 3000, cap: 100_000 } : { kind: 'fixed', amount: 50_000 })}
          />
          {fee.kind === 'fixed' ? (
            <NumberInput label={t('ui.hq.pub.program.feeAmount')} min={0} decimalScale={2} value={yuanOf(fee.amount)} error={errors['fee.amount']} onChange={(v) => put('fee', { ...fee, amount: fenOf(v) })} />
          ) : (
            <>
              <NumberInput label={t('ui.hq.pub.program.sharePct')} min={0} max={100} decimalScale={2} value={pctOf(fee.shareBp)} error={errors['fee.shareBp']} onChange={(v) => put('fee', { ...fee, shareBp: bpOf(v) })} />
              <NumberInput label={t('ui.hq.pub.program.feeCap')} min={0} decimalScale={2} value={yuanOf(fee.cap)} error={errors['fee.cap']} onChange={(v) => put('fee', { ...fee, cap: fenOf(v) })} />
            </>
          )}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
