import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import type { PartRow } from '../../../shared/stock/schemas';
import { api } from '../api/client';
import { fieldErrorsOf, showSuccessToast, type FieldErrors } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

/** This shop's bin location and reorder rule of a part (managers). */
export function SettingsModal({ opened, part, onClose, onSaved }: { opened: boolean; part: PartRow; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { toast } = useErrorToast();
  const [bin, setBin] = useState('');
  const [point, setPoint] = useState<number | string>(0);
  const [qty, setQty] = useState<number | string>(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (!opened) return;
    setBin(part.stock.bin);
    setPoint(part.stock.reorderPoint);
    setQty(part.stock.reorderQty);
    setErrors({});
  }, [opened, part]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.call('stock.setSettings', { partId: part.id, bin, reorderPoint: Number(point) || 0, reorderQty: Number(qty) || 0 });
      showSuccessToast(t('ui.settings.saved'));
      onSaved();
      onClose();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      toast(err);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`${t('ui.stock.action.settings')} · ${part.sku}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('ui.stock.col.bin')} value={bin} error={errors.bin} onChange={(e) => setBin(e.currentTarget.value)} data-autofocus />
          <NumberInput label={t('ui.stock.form.reorderPoint')} value={point} onChange={setPoint} min={0} allowDecimal={false} error={errors.reorderPoint} />
          <NumberInput label={t('ui.stock.form.reorderQty')} value={qty} onChange={setQty} min={0} allowDecimal={false} error={errors.reorderQty} />
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
