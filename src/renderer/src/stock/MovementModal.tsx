import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PartRow } from '../../../shared/stock/schemas';
import { parseYuan } from '../../../shared/money/yuan';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { fieldErrorsOf, showSuccessToast, type FieldErrors } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { partName } from './format';
import { StockFigures } from './StockFigures';

export type MovementMode = 'receive' | 'issue' | 'return' | 'adjust' | 'faulty' | 'transferOut' | 'transferIn';

const lines = (s: string) =>
  s
    .split(/[\n,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * One form for every movement a person records by hand; the fields follow the kind. The
 * server checks everything again (availability, serials, roles) and its errors show at the fields.
 */
export function MovementModal({ mode, part, serialsInStock, onClose, onDone }: { mode: MovementMode | null; part: PartRow; serialsInStock: string[]; onClose(): void; onDone(): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { user } = useSession();
  const [qty, setQty] = useState<number | string>(1);
  const [cost, setCost] = useState('');
  const [supplier, setSupplier] = useState('');
  const [deliveryNote, setDeliveryNote] = useState('');
  const [ticket, setTicket] = useState('');
  const [serials, setSerials] = useState('');
  const [reason, setReason] = useState('');
  const [counterparty, setCounterparty] = useState('');
  const [override, setOverride] = useState(false);
  const [removedSerial, setRemovedSerial] = useState('');
  const [removedDesc, setRemovedDesc] = useState('');
  const [toBin, setToBin] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const serialsRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!mode) return;
    setQty(mode === 'adjust' ? -1 : 1);
    setCost(part.stock.avgCost ? String(part.stock.avgCost / 100) : part.cost ? String(part.cost / 100) : '');
    setSupplier('');
    setDeliveryNote('');
    setTicket('');
    setSerials('');
    setReason('');
    setCounterparty('');
    setOverride(false);
    setRemovedSerial('');
    setRemovedDesc('');
    setToBin(true);
    setErrors({});
  }, [mode, part]);

  // A scan into the serial list ends its line, so the next scan starts a new one.
  useBarcodeScanner((_code, info) => {
    if (info.target === serialsRef.current) setSerials((v) => (v.endsWith('\n') ? v : `${v}\n`));
  });

  if (!mode) return null;
  const n = typeof qty === 'number' ? qty : Number(qty);
  const sns = lines(serials);
  const costed = mode === 'receive' || mode === 'transferIn';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const unitCost = costed ? parseYuan(cost) : 0;
    if (costed && unitCost === null) {
      setErrors({ unitCost: t('ui.stock.form.badMoney') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const partId = part.id;
      const serialList = part.serialized ? sns : [];
      if (mode === 'receive') await api.call('stock.receive', { partId, qty: n, unitCost: unitCost!, supplier, deliveryNote, serials: serialList });
      if (mode === 'issue')
        await api.call('stock.issue', {
          partId,
          ticket,
          qty: n,
          serials: serialList,
          override,
          ...(removedSerial || removedDesc ? { removed: { serial: removedSerial, description: removedDesc, toOldPartsBin: toBin } } : {}),
        });
      if (mode === 'return') await api.call('stock.returnFromTicket', { partId, ticket, qty: n, serials: serialList, reason });
      if (mode === 'adjust') await api.call('stock.adjust', { partId, delta: n, reason, serials: serialList });
      if (mode === 'faulty') await api.call('stock.faultyReturn', { partId, qty: n, reason, serials: serialList });
      if (mode === 'transferOut') await api.call('stock.transferOut', { partId, qty: n, counterparty, reference: deliveryNote, serials: serialList });
      if (mode === 'transferIn') await api.call('stock.transferIn', { partId, qty: n, counterparty, reference: deliveryNote, unitCost: unitCost!, serials: serialList });
      showSuccessToast(t(`ui.stock.done.${mode}`, { sku: part.sku, n: Math.abs(n) }));
      onDone();
      onClose();
    } catch (err) {
      const f = fieldErrorsOf(err);
      // serials.3 → the serial list field
      for (const k of Object.keys(f)) if (k.startsWith('serials.')) f.serials ??= f[k]!;
      setErrors(f);
      toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${t(`ui.stock.action.${mode}`)} · ${part.sku}`} size="lg">
      <form onSubmit={submit} noValidate data-testid={`movement-form-${mode}`}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {partName(part, locale)}
            </Text>
            <StockFigures stock={part.stock} />
          </Group>
          {mode === 'issue' || mode === 'return' ? (
            <TextInput label={t('ui.stock.form.ticket')} description={t('ui.stock.form.ticketHint')} value={ticket} error={errors.ticket} onChange={(e) => setTicket(e.currentTarget.value)} data-autofocus required />
          ) : null}
          <NumberInput
            label={mode === 'adjust' ? t('ui.stock.form.delta') : t('ui.stock.form.qty')}
            description={mode === 'adjust' ? t('ui.stock.form.deltaHint') : undefined}
            value={qty}
            onChange={setQty}
            allowDecimal={false}
            error={errors.qty ?? errors.delta}
            data-autofocus={mode !== 'issue' && mode !== 'return' ? true : undefined}
          />
          {costed ? <TextInput label={t('ui.stock.form.unitCost')} leftSection="¥" value={cost} error={errors.unitCost} onChange={(e) => setCost(e.currentTarget.value)} /> : null}
          {mode === 'receive' ? (
            <Group grow>
              <TextInput label={t('ui.stock.form.supplier')} value={supplier} error={errors.supplier} onChange={(e) => setSupplier(e.currentTarget.value)} required />
              <TextInput label={t('ui.stock.form.deliveryNote')} value={deliveryNote} error={errors.deliveryNote} onChange={(e) => setDeliveryNote(e.currentTarget.value)} />
            </Group>
          ) : null}
          {mode === 'transferOut' || mode === 'transferIn' ? (
            <Group grow>
              <TextInput label={t('ui.stock.form.counterparty')} value={counterparty} error={errors.counterparty} onChange={(e) => setCounterparty(e.currentTarget.value)} required />
              <TextInput label={t('ui.stock.form.reference')} value={deliveryNote} onChange={(e) => setDeliveryNote(e.currentTarget.value)} />
            </Group>
          ) : null}
          {part.serialized ? (
            <Textarea
              ref={serialsRef}
              label={t('ui.stock.form.serials')}
              description={mode === 'receive' || mode === 'transferIn' ? t('ui.stock.form.serialsNew', { n: Math.abs(n) || 0 }) : t('ui.stock.form.serialsPick', { list: serialsInStock.slice(0, 8).join(', ') || '—' })}
              autosize
              minRows={2}
              maxRows={8}
              value={serials}
              error={errors.serials}
              onChange={(e) => (setSerials(e.currentTarget.value), setErrors((x) => ({ ...x, serials: undefined as never })))}
              data-testid="serials-input"
            />
          ) : null}
          {mode === 'return' || mode === 'adjust' || mode === 'faulty' ? (
            <TextInput label={t('ui.stock.form.reason')} value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} required={mode !== 'return'} />
          ) : null}
          {mode === 'issue' ? (
            <>
              <Group grow align="flex-start">
                <TextInput label={t('ui.stock.form.removedSerial')} description={t('ui.stock.form.removedHint')} value={removedSerial} onChange={(e) => setRemovedSerial(e.currentTarget.value)} />
                <TextInput label={t('ui.stock.form.removedDesc')} value={removedDesc} onChange={(e) => setRemovedDesc(e.currentTarget.value)} />
              </Group>
              {removedSerial || removedDesc ? <Checkbox label={t('ui.stock.form.toOldPartsBin')} checked={toBin} onChange={(e) => setToBin(e.currentTarget.checked)} /> : null}
              {isManager(user) ? (
                <Checkbox label={t('ui.stock.form.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
              ) : n > part.stock.available ? (
                <Alert color="orange" variant="light">
                  {t('ui.stock.form.overrideManager')}
                </Alert>
              ) : null}
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="movement-submit">
              {t(`ui.stock.action.${mode}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
