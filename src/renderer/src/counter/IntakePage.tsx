import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Grid, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import type { CustomerSummary } from '../../../shared/customers/schemas';
import type { DeviceSummary } from '../../../shared/devices/schemas';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { localDate } from '../../../shared/time/local-date';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrorsOf } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useCall, useFetchCall } from '../data/calls';
import { CustomerPicker } from './CustomerPicker';
import { NewCustomerFields } from './NewCustomerFields';
import { DevicePicker } from './DevicePicker';
import { NewDeviceFields } from './NewDeviceFields';
import { TicketFields } from './TicketFields';
import { WarrantyLive, type WarrantyFacts } from './WarrantyLive';
import { NationwideHistory } from './NationwideHistory';
import { IntakeDone } from './IntakeDone';
import { RecallBanner } from '../recalls/RecallBanner';
import { useRecallMatcher } from '../recalls/useRecalls';
import { categoryOf, emptyIntake, emptyNewCustomer, emptyNewDevice, localIssues, toIntakeInput, type IntakeForm } from './intakeForm';

/** Moves focus into the first field of a block once it has rendered. */
function focusIn(ref: React.RefObject<HTMLElement | null>) {
  requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [tabindex="0"]')?.focus());
}

/**
 * Intake on one keyboard-first page: customer, device, then the visit; the warranty decision
 * beside it; Ctrl+Enter saves. After saving, the number, the printed receipt and label.
 * `startFor`: a customer to start an intake for (CounterPage takes it from the address),
 * `onStarted` once it is picked. Memoized and without the router's hooks: it stays mounted behind
 * the counter's other tabs, and redrew its whole form at every tab switch.
 */
export const IntakePage = memo(function IntakePage({ startFor, onStarted }: { startFor: string | null; onStarted(): void }) {
  const t = useT();
  const { toast } = useErrorToast();
  const { shop } = useSession();
  const tz = shop?.settings.timeZone ?? 'Asia/Shanghai';
  const today = localDate(new Date(), tz);
  const [form, setForm] = useState<IntakeForm>(() => emptyIntake(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<CustomerSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<TicketDetail | null>(null);
  const customerInput = useRef<HTMLInputElement>(null);
  const deviceList = useRef<HTMLDivElement>(null);
  const faultRef = useRef<HTMLTextAreaElement>(null);
  const newCustomerBox = useRef<HTMLDivElement>(null);
  const newDeviceBox = useRef<HTMLDivElement>(null);
  const formBox = useRef<HTMLDivElement>(null);

  const set = useCallback((p: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...p })), []);

  const recallsOf = useRecallMatcher();
  const technicians = useCall('tickets.technicians', {}, { silent: true }).data ?? [];
  const fetchCall = useFetchCall();
  // The picked customer's devices: the read the pick started, kept fresh under its query key.
  const customerId = form.customer?.id ?? '';
  const devices: DeviceSummary[] = useCall('customers.get', { id: customerId }, { enabled: !!customerId }).data?.devices ?? [];
  useEffect(() => {
    if (!done) customerInput.current?.focus();
  }, [done]);

  // A pick is a person's action: its read says at once where focus goes (the device list, or a new device).
  const pickCustomer = useCallback(
    async (c: CustomerSummary) => {
      setForm((f) => ({ ...f, customer: c, newCustomer: null, device: null, newDevice: null }));
      setDuplicates([]);
      setErrors({});
      try {
        const r = await fetchCall('customers.get', { id: c.id });
        if (r.devices.length === 0) {
          set({ newDevice: emptyNewDevice() });
          focusIn(newDeviceBox);
        } else requestAnimationFrame(() => deviceList.current?.focus());
      } catch (e) {
        toast(e);
      }
    },
    [fetchCall, set, toast],
  );

  // "New intake for this customer": read as a query, then picked.
  const starting = useCall('customers.get', { id: startFor ?? '' }, { enabled: startFor !== null }).data;
  useEffect(() => {
    if (!startFor || starting?.customer.id !== startFor) return;
    const c = starting.customer;
    onStarted();
    setDone(null);
    setForm(emptyIntake(localDate(new Date(), tz)));
    void pickCustomer({ id: c.id, name: c.name, phones: c.phones.map((p) => p.display), company: c.company });
  }, [startFor, starting, pickCustomer, tz, onStarted]);

  const pickDevice = async (d: DeviceSummary) => {
    try {
      const full = await fetchCall('devices.get', { id: d.id });
      set({ device: full, newDevice: null });
      requestAnimationFrame(() => faultRef.current?.focus());
    } catch (e) {
      toast(e);
    }
  };

  const save = async (confirmDuplicate = false) => {
    if (busy) return;
    const local = localIssues(form, today);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, v]) => [k, t(v)])));
      requestAnimationFrame(() => formBox.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const r = await api.call('tickets.intake', toIntakeInput({ ...form, recallIds: liveRecallIds }, tz, confirmDuplicate));
      if (!r.ticket) {
        setDuplicates(r.duplicateOf);
        setErrors({ 'customer.phones.0': t('customers.warning.duplicatePhone') });
        return;
      }
      setErrors({});
      setDone(r.ticket);
    } catch (e) {
      const f = fieldErrorsOf(e);
      setErrors(f);
      if (Object.keys(f).length === 0) toast(e);
      else requestAnimationFrame(() => formBox.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setDone(null);
    setForm(emptyIntake(localDate(new Date(), tz)));
    setErrors({});
    setDuplicates([]);
  };

  // The accepted banners that still cover the device as it is now (a changed IMEI drops one).
  const recallHits = recallsOf(form.newDevice ?? form.device);
  const liveRecallIds = form.recallIds.filter((id) => recallHits.some((h) => h.campaign.id === id));

  if (done) return <IntakeDone ticket={done} onNext={reset} />;

  const facts: WarrantyFacts | null =
    form.device || form.newDevice
      ? {
          category: categoryOf(form),
          deviceId: form.device?.id ?? null,
          proofKind: form.newDevice?.proofKind ?? form.device?.proof.kind ?? 'none',
          invoiceDate: form.newDevice?.invoiceDate ?? form.device?.proof.invoiceDate ?? '',
          factoryDate: form.newDevice?.factoryDate ?? form.device?.factoryDate ?? '',
          findings: form.findings,
          faultCodes: form.faultCodes,
        }
      : null;
  const errorCount = Object.keys(errors).length;

  return (
    <div
      ref={formBox}
      data-testid="intake"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>{t('ui.counter.step.customer')}</Title>
                {form.newCustomer ? (
                  <div ref={newCustomerBox}>
                    <NewCustomerFields
                      value={form.newCustomer}
                      errors={errors}
                      duplicates={duplicates}
                      onChange={(newCustomer) => set({ newCustomer })}
                      onUseExisting={(c) => void pickCustomer(c)}
                      onSaveAnyway={() => void save(true)}
                      onCancel={() => (set({ newCustomer: null, newDevice: null }), setDuplicates([]), requestAnimationFrame(() => customerInput.current?.focus()))}
                    />
                  </div>
                ) : (
                  <CustomerPicker
                    ref={customerInput}
                    value={form.customer}
                    creating={false}
                    error={errors.customer ?? errors.customerId}
                    onPick={(c) => void pickCustomer(c)}
                    onNew={(seed) => {
                      set({ newCustomer: emptyNewCustomer(seed), customer: null, device: null, newDevice: emptyNewDevice() });
                      focusIn(newCustomerBox);
                    }}
                    onClear={() => (set({ customer: null, device: null, newDevice: null }), requestAnimationFrame(() => customerInput.current?.focus()))}
                  />
                )}
              </Stack>
            </Paper>

            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>{t('ui.counter.step.device')}</Title>
                {!form.customer && !form.newCustomer ? (
                  <Text size="sm" c="dimmed">
                    {t('ui.counter.device.customerFirst')}
                  </Text>
                ) : form.newDevice ? (
                  <div ref={newDeviceBox}>
                    <NewDeviceFields
                      value={form.newDevice}
                      errors={errors}
                      onChange={(newDevice) => set({ newDevice })}
                      onCancel={form.customer && devices.length > 0 ? () => (set({ newDevice: null }), requestAnimationFrame(() => deviceList.current?.focus())) : undefined}
                    />
                  </div>
                ) : (
                  <DevicePicker
                    ref={deviceList}
                    devices={devices}
                    picked={form.device}
                    creating={false}
                    error={errors.device ?? errors.deviceId}
                    onPick={(d) => void pickDevice(d)}
                    onNew={() => (set({ newDevice: emptyNewDevice(), device: null }), focusIn(newDeviceBox))}
                    onClear={() => (set({ device: null }), requestAnimationFrame(() => deviceList.current?.focus()))}
                  />
                )}
                <RecallBanner hits={recallHits} accepted={liveRecallIds} onChange={(recallIds) => set({ recallIds })} />
              </Stack>
            </Paper>

            {form.newDevice || form.device ? (
              <NationwideHistory
                imei={form.newDevice ? form.newDevice.imei : (form.device?.imei ?? '')}
                serial={form.newDevice ? form.newDevice.serial : (form.device?.serial ?? '')}
                auto={!form.newDevice}
              />
            ) : null}

            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('ui.counter.step.visit')}
              </Title>
              <TicketFields form={form} errors={errors} technicians={technicians} set={set} faultRef={faultRef} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" pos="sticky" top={72}>
            <WarrantyLive facts={facts} today={today} />
            {errorCount > 0 ? (
              <Alert color="red" data-testid="intake-errors">
                {t('ui.counter.fixErrors', { n: errorCount })}
              </Alert>
            ) : null}
            <Button size="lg" loading={busy} onClick={() => void save()} data-testid="save-intake" rightSection={<Kbd size="xs">Ctrl Enter</Kbd>}>
              {t('ui.counter.save')}
            </Button>
            <Group justify="center">
              <Text size="xs" c="dimmed">
                {t('ui.counter.keys.summary')}
              </Text>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
});
