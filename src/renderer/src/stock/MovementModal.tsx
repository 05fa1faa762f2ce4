import { useRef } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PartRow } from '../../../shared/stock/schemas';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useContractForm } from '../forms/useContractForm';
import { useI18n } from '../i18n/I18nProvider';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { partName } from './format';
import { costed, initialMovement, MOVEMENT_CALL, movementField, movementInput, movementSchema, type MovementMode } from './movementForm';
import { StockFigures } from './StockFigures';
import { parseYuan } from '../../../shared/money/yuan';

export type { MovementMode } from './movementForm';

type Props = { mode: MovementMode | null; part: PartRow; serialsInStock: string[]; onClose(): void; onDone(): void };

/**
 * One form for every movement a person records by hand; the fields follow the kind. Its rules
 * are the call's contract schema (checked before sending, in the server's words); the server
 * checks everything again (availability, serials, roles) and its errors show at the fields.
 */
export function MovementModal({ mode, ...props }: Props) {
  // A fresh form for each opening: the kind's defaults, no errors left from the last one.
  return mode ? <MovementForm key={mode} mode={mode} {...props} /> : null;
}

function MovementForm({ mode, part, serialsInStock, onClose, onDone }: Props & { mode: MovementMode }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const serialsRef = useRef<HTMLTextAreaElement>(null);
  const { form, submit } = useContractForm({
    initialValues: initialMovement(mode, part),
    schema: movementSchema(mode),
    toInput: (v) => movementInput(mode, part, v),
    fieldOf: movementField,
    typed: (v): Record<string, string> => (costed(mode) && parseYuan(v.unitCost) === null ? { unitCost: t('ui.stock.form.badMoney') } : {}),
  });
  const v = form.getValues();

  // A scan into the serial list ends its line, so the next scan starts a new one.
  useBarcodeScanner((_code, info) => {
    const typed = form.getValues().serials;
    if (info.target === serialsRef.current && !typed.endsWith('\n')) form.setFieldValue('serials', `${typed}\n`);
  });

  const n = typeof v.qty === 'number' ? v.qty : Number(v.qty);
  const run = async (input: ReturnType<typeof movementInput>) => {
    await api.call(MOVEMENT_CALL[mode], input as never);
    showSuccessToast(t(`ui.stock.done.${mode}`, { sku: part.sku, n: Math.abs(n) }));
    onDone();
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={`${t(`ui.stock.action.${mode}`)} · ${part.sku}`} size="lg">
      <form onSubmit={submit(run)} noValidate data-testid={`movement-form-${mode}`}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {partName(part, locale)}
            </Text>
            <StockFigures stock={part.stock} />
          </Group>
          {mode === 'issue' || mode === 'return' ? (
            <TextInput label={t('ui.stock.form.ticket')} description={t('ui.stock.form.ticketHint')} {...form.getInputProps('ticket')} data-autofocus required />
          ) : null}
          <NumberInput
            label={mode === 'adjust' ? t('ui.stock.form.delta') : t('ui.stock.form.qty')}
            description={mode === 'adjust' ? t('ui.stock.form.deltaHint') : undefined}
            {...form.getInputProps('qty')}
            allowDecimal={false}
            data-autofocus={mode !== 'issue' && mode !== 'return' ? true : undefined}
          />
          {costed(mode) ? <TextInput label={t('ui.stock.form.unitCost')} leftSection="¥" {...form.getInputProps('unitCost')} /> : null}
          {mode === 'receive' ? (
            <Group grow>
              <TextInput label={t('ui.stock.form.supplier')} {...form.getInputProps('supplier')} required />
              <TextInput label={t('ui.stock.form.deliveryNote')} {...form.getInputProps('deliveryNote')} />
            </Group>
          ) : null}
          {mode === 'transferOut' || mode === 'transferIn' ? (
            <Group grow>
              <TextInput label={t('ui.stock.form.counterparty')} {...form.getInputProps('counterparty')} required />
              <TextInput label={t('ui.stock.form.reference')} {...form.getInputProps('deliveryNote')} />
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
              {...form.getInputProps('serials')}
              data-testid="serials-input"
              data-scan="text"
            />
          ) : null}
          {mode === 'return' || mode === 'adjust' || mode === 'faulty' ? (
            <TextInput label={t('ui.stock.form.reason')} {...form.getInputProps('reason')} required={mode !== 'return'} />
          ) : null}
          {mode === 'issue' ? (
            <>
              <Group grow align="flex-start">
                <TextInput label={t('ui.stock.form.removedSerial')} description={t('ui.stock.form.removedHint')} {...form.getInputProps('removedSerial')} />
                <TextInput label={t('ui.stock.form.removedDesc')} {...form.getInputProps('removedDesc')} />
              </Group>
              {v.removedSerial || v.removedDesc ? <Checkbox label={t('ui.stock.form.toOldPartsBin')} {...form.getInputProps('toBin', { type: 'checkbox' })} /> : null}
              {isManager(user) ? (
                <Checkbox label={t('ui.stock.form.override')} {...form.getInputProps('override', { type: 'checkbox' })} />
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
            <Button type="submit" loading={form.submitting} data-testid="movement-submit">
              {t(`ui.stock.action.${mode}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
