import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { PolicyVersion } from '../../../shared/warranty/procedures';
import type { CategoryPolicy, PartRule, Period } from '../../../shared/warranty/schemas';
import { api } from '../api/client';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

const UNITS: Period['unit'][] = ['day', 'month', 'year'];

/** Edits a copy of a policy; saving makes a new version (the server checks every field and names the bad ones). */
export function PolicyEditor({ version, onClose, onSaved }: { version: PolicyVersion; onClose(): void; onSaved(v: PolicyVersion): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const [p, setP] = useState<CategoryPolicy>(() => structuredClone(version.policy));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const err = (path: string) => errors[`policy.${path}`];
  const unitOptions = UNITS.map((u) => ({ value: u, label: t(`ui.warranty.unit.${u}`) }));

  const int = (k: 'returnDays' | 'exchangeDays' | 'repairWarrantyDays', label: string) => (
    <NumberInput label={label} min={0} allowDecimal={false} value={p[k]} error={err(k)} onChange={(v) => setP({ ...p, [k]: typeof v === 'number' ? v : Number(v) })} />
  );
  const nullable = (k: 'repairerDelayDays' | 'partsWaitDays' | 'loanerDays', label: string) => (
    <NumberInput
      label={label}
      min={1}
      allowDecimal={false}
      value={p[k] ?? ''}
      error={err(k)}
      onChange={(v) => setP({ ...p, [k]: v === '' ? null : Number(v) })}
    />
  );

  const partsEditor = (list: 'mainParts' | 'accessories', title: string) => {
    const rows = p[list];
    const set = (i: number, part: PartRule) => setP({ ...p, [list]: rows.map((r, j) => (j === i ? part : r)) });
    return (
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={5}>{title}</Title>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => setP({ ...p, [list]: [...rows, { id: '', name: { 'zh-CN': '', en: '' }, period: { n: 1, unit: 'year' } }] })}
          >
            {t('ui.warranty.addPart')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.warranty.noParts')}
          </Text>
        ) : null}
        {rows.map((part, i) => (
          <Group key={i} gap={6} align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('ui.warranty.partId')}
              placeholder={t('ui.warranty.partId')}
              w={130}
              value={part.id}
              error={err(`${list}.${i}.id`)}
              onChange={(e) => set(i, { ...part, id: e.currentTarget.value })}
            />
            <TextInput
              aria-label={t('ui.warranty.nameZh')}
              placeholder={t('ui.warranty.nameZh')}
              w={130}
              value={part.name['zh-CN']}
              error={err(`${list}.${i}.name.zh-CN`)}
              onChange={(e) => set(i, { ...part, name: { ...part.name, 'zh-CN': e.currentTarget.value } })}
            />
            <TextInput
              aria-label={t('ui.warranty.nameEn')}
              placeholder={t('ui.warranty.nameEn')}
              w={150}
              value={part.name.en}
              error={err(`${list}.${i}.name.en`)}
              onChange={(e) => set(i, { ...part, name: { ...part.name, en: e.currentTarget.value } })}
            />
            <NumberInput
              aria-label={t('ui.warranty.periodN')}
              w={80}
              min={0}
              allowDecimal={false}
              value={part.period.n}
              error={err(`${list}.${i}.period.n`)}
              onChange={(v) => set(i, { ...part, period: { ...part.period, n: Number(v) } })}
            />
            <Select
              aria-label={t('ui.warranty.periodUnit')}
              w={100}
              data={unitOptions}
              allowDeselect={false}
              value={part.period.unit}
              onChange={(v) => v && set(i, { ...part, period: { ...part.period, unit: v as Period['unit'] } })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={t('ui.warranty.removePart')}
              onClick={() => setP({ ...p, [list]: rows.filter((_, j) => j !== i) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    );
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onSaved(await api.call('warranty.policies.save', { policy: p, baseVersion: version.version, note }));
    } catch (ex) {
      setErrors(fieldErrorsOf(ex));
      toast(ex);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('ui.warranty.editTitle', { name: version.policy.name[locale] })}>
      <form onSubmit={save} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('ui.warranty.nameZh')} value={p.name['zh-CN']} error={err('name.zh-CN')} onChange={(e) => setP({ ...p, name: { ...p.name, 'zh-CN': e.currentTarget.value } })} />
            <TextInput label={t('ui.warranty.nameEn')} value={p.name.en} error={err('name.en')} onChange={(e) => setP({ ...p, name: { ...p.name, en: e.currentTarget.value } })} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <Group gap={6} align="flex-start" wrap="nowrap">
              <NumberInput
                label={t('ui.warranty.unitPeriod')}
                min={0}
                allowDecimal={false}
                value={p.unitPeriod.n}
                error={err('unitPeriod.n')}
                onChange={(v) => setP({ ...p, unitPeriod: { ...p.unitPeriod, n: Number(v) } })}
              />
              <Select
                label={t('ui.warranty.periodUnit')}
                data={unitOptions}
                allowDeselect={false}
                value={p.unitPeriod.unit}
                onChange={(v) => v && setP({ ...p, unitPeriod: { ...p.unitPeriod, unit: v as Period['unit'] } })}
              />
            </Group>
            {int('returnDays', t('ui.warranty.returnDays'))}
            {int('exchangeDays', t('ui.warranty.exchangeDays'))}
            <NumberInput
              label={t('ui.warranty.depreciationPct')}
              min={0}
              decimalScale={4}
              value={p.depreciationPpmPerDay / 10_000}
              error={err('depreciationPpmPerDay')}
              onChange={(v) => setP({ ...p, depreciationPpmPerDay: Math.round(Number(v || 0) * 10_000) })}
            />
            {int('repairWarrantyDays', t('ui.warranty.repairWarrantyDays'))}
            <NumberInput
              label={t('ui.warranty.repeatThreshold')}
              min={1}
              allowDecimal={false}
              value={p.repeatRepair.threshold}
              error={err('repeatRepair.threshold')}
              onChange={(v) => setP({ ...p, repeatRepair: { ...p.repeatRepair, threshold: Number(v) } })}
            />
            {nullable('repairerDelayDays', t('ui.warranty.repairerDelayDays'))}
            {nullable('partsWaitDays', t('ui.warranty.partsWaitDays'))}
            {nullable('loanerDays', t('ui.warranty.loanerDays'))}
          </SimpleGrid>
          <Checkbox label={t('ui.warranty.mainPartLabor')} checked={p.mainPartLaborCovered} onChange={(e) => setP({ ...p, mainPartLaborCovered: e.currentTarget.checked })} />
          {partsEditor('mainParts', t('ui.warranty.mainParts'))}
          {partsEditor('accessories', t('ui.warranty.accessories'))}
          <TextInput label={t('ui.warranty.editNote')} value={note} maxLength={200} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
