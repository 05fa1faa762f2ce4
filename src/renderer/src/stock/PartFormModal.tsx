import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Part, PartRow } from '../../../shared/stock/schemas';
import { fenToYuanText, parseYuan } from '../../../shared/money/yuan';
import { api } from '../api/client';
import { fieldErrorsOf, showSuccessToast, type FieldErrors } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

/** Create or edit a catalog part (admin, while the shop is not enrolled with head office). */
export function PartFormModal({ opened, editing, onClose, onSaved }: { opened: boolean; editing: Part | null; onClose(): void; onSaved(p: PartRow): void }) {
  const t = useT();
  const { toast } = useErrorToast();
  const [f, setF] = useState({ sku: '', barcode: '', nameZh: '', nameEn: '', category: '', models: '', grade: 'original', kind: 'part', serialized: false, warrantyDays: 90 as number | string, listPrice: '', cost: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(
      editing
        ? { ...editing, models: editing.models.join('; '), listPrice: fenToYuanText(editing.listPrice), cost: fenToYuanText(editing.cost) }
        : { sku: '', barcode: '', nameZh: '', nameEn: '', category: '', models: '', grade: 'original', kind: 'part', serialized: false, warrantyDays: 90, listPrice: '', cost: '' },
    );
  }, [opened, editing]);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const listPrice = parseYuan(f.listPrice);
    const cost = f.cost ? parseYuan(f.cost) : 0;
    if (listPrice === null || cost === null) {
      setErrors({ ...(listPrice === null ? { 'part.listPrice': t('ui.stock.form.badMoney') } : {}), ...(cost === null ? { 'part.cost': t('ui.stock.form.badMoney') } : {}) });
      return;
    }
    try {
      const saved = await api.call('parts.save', {
        ...(editing ? { id: editing.id } : {}),
        part: {
          sku: f.sku,
          barcode: f.barcode,
          nameZh: f.nameZh,
          nameEn: f.nameEn,
          category: f.category,
          models: f.models.split(/[;；\n]/).map((m) => m.trim()).filter(Boolean),
          grade: f.grade as 'original',
          kind: f.kind as 'part',
          serialized: f.serialized || f.kind === 'loaner',
          warrantyDays: Number(f.warrantyDays) || 0,
          listPrice,
          cost,
        },
      });
      showSuccessToast(t('ui.settings.saved'));
      onSaved(saved);
      onClose();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      toast(err);
    }
  };
  const err = (k: string) => errors[`part.${k}`];
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `${t('ui.stock.action.edit')} · ${editing.sku}` : t('ui.stock.part.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label="SKU" value={f.sku} error={err('sku')} onChange={(e) => set('sku', e.currentTarget.value)} required data-autofocus />
            <TextInput label={t('ui.stock.part.barcode')} value={f.barcode} error={err('barcode')} onChange={(e) => set('barcode', e.currentTarget.value)} />
            <TextInput label={t('ui.stock.part.nameZh')} value={f.nameZh} error={err('nameZh')} onChange={(e) => set('nameZh', e.currentTarget.value)} required />
            <TextInput label={t('ui.stock.part.nameEn')} value={f.nameEn} error={err('nameEn')} onChange={(e) => set('nameEn', e.currentTarget.value)} />
            <TextInput label={t('ui.stock.col.category')} value={f.category} error={err('category')} onChange={(e) => set('category', e.currentTarget.value)} required />
            <TextInput label={t('ui.stock.models')} description={t('ui.stock.part.modelsHint')} value={f.models} onChange={(e) => set('models', e.currentTarget.value)} />
            <Select label={t('ui.stock.part.grade')} data={['original', 'certified'].map((v) => ({ value: v, label: t(`stock.grade.${v}`) }))} value={f.grade} allowDeselect={false} onChange={(v) => v && set('grade', v)} />
            <Select label={t('ui.stock.part.kind')} data={['part', 'loaner'].map((v) => ({ value: v, label: t(`stock.partKind.${v}`) }))} value={f.kind} allowDeselect={false} onChange={(v) => v && set('kind', v)} />
            <NumberInput label={t('ui.stock.part.warrantyDays')} value={f.warrantyDays} onChange={(v) => set('warrantyDays', v)} min={0} allowDecimal={false} error={err('warrantyDays')} />
            <TextInput label={t('ui.stock.col.listPrice')} leftSection="¥" value={f.listPrice} error={err('listPrice')} onChange={(e) => set('listPrice', e.currentTarget.value)} required />
            <TextInput label={t('ui.stock.part.cost')} leftSection="¥" value={f.cost} error={err('cost')} onChange={(e) => set('cost', e.currentTarget.value)} />
          </SimpleGrid>
          <Checkbox label={t('ui.stock.part.serialized')} checked={f.serialized || f.kind === 'loaner'} disabled={f.kind === 'loaner'} onChange={(e) => set('serialized', e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit">{t('ui.common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
