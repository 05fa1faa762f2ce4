import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Divider, Group, Kbd, NumberInput, Paper, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { RemoteError } from '../../../shared/api/remote-error';
import { checkTenders, settle } from '../../../shared/collection/rules';
import { TENDERS, type CollectInputRaw, type CollectionView, type Tender } from '../../../shared/collection/schemas';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { printDocument, type OpenedJob } from '../printing/printService';
import { PdfViewer } from '../printing/PdfViewer';
import { PaymentsTable } from './PaymentsTable';
import { money, toFen } from './format';
import { parsePercentBp } from '../../../shared/money';

type Done = OutputOf<Procedures['collection.complete']>;
interface TenderRow {
  tender: Tender;
  amount: number | '';
  received: number | '';
  reference: string;
}
const PAYERS = ['maker', 'shop', 'extended_warranty', 'insurer'] as const;

/**
 * Hand-back at the counter, keyboard first: scan the intake receipt (or type the number) →
 * the phone's last 4 digits (or a third party's ID) → discount and tenders → Ctrl+Enter
 * settles and hands back → the receipt and warranty card print → Esc for the next customer.
 */
export function CollectionPanel() {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const currency = shop?.settings.currency ?? 'CNY';
  const fmt = useCallback((f: number) => money(f, locale, currency), [locale, currency]);
  const [ref, setRef] = useState('');
  const [view, setView] = useState<CollectionView | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'owner' | 'third'>('owner');
  const [last4, setLast4] = useState('');
  const [identityOk, setIdentityOk] = useState<boolean | null>(null);
  const [third, setThird] = useState({ name: '', idNumber: '', relation: '' });
  const [discountPct, setDiscountPct] = useState<number | ''>('');
  const [discountReason, setDiscountReason] = useState('');
  const [tenders, setTenders] = useState<TenderRow[]>([]);
  const [allowBalance, setAllowBalance] = useState(false);
  const [balanceReason, setBalanceReason] = useState('');
  const [refundTender, setRefundTender] = useState<Tender>('cash');
  const [sanbaoTender, setSanbaoTender] = useState<Tender>('cash');
  const [sanbaoReference, setSanbaoReference] = useState('');
  const [loanerOverride, setLoanerOverride] = useState(false);
  const [approval, setApproval] = useState({ username: '', pin: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<Done | null>(null);
  const [docs, setDocs] = useState<Partial<Record<'repair_receipt' | 'warranty_card', OpenedJob>>>({});
  const scanRef = useRef<HTMLInputElement>(null);
  const last4Ref = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const isManager = user.role === 'manager' || user.role === 'admin';

  const reset = useCallback(() => {
    setView(null);
    setRef('');
    setMode('owner');
    setLast4('');
    setIdentityOk(null);
    setThird({ name: '', idNumber: '', relation: '' });
    setDiscountPct('');
    setDiscountReason('');
    setTenders([]);
    setAllowBalance(false);
    setBalanceReason('');
    setLoanerOverride(false);
    setSanbaoTender('cash');
    setSanbaoReference('');
    setApproval({ username: '', pin: '' });
    setErrors({});
    setDone(null);
    setDocs({});
  }, []);

  const load = useCallback(
    async (code: string) => {
      const c = code.trim();
      if (!c) return;
      setBusy(true);
      try {
        const v = await api.call('collection.lookup', { ref: c });
        reset();
        setRef(v.ticket.number);
        setView(v);
        const due = Math.max(0, v.settlement.dueNowFen);
        setTenders(due > 0 ? [{ tender: 'cash', amount: due / 100, received: '', reference: '' }] : []);
      } catch (e) {
        toast(e);
      } finally {
        setBusy(false);
      }
    },
    [reset, toast],
  );

  // A scanner burst into the scan field (the shell leaves scans in text fields alone).
  useBarcodeScanner((code, info) => {
    if (info.target === scanRef.current) void load(code);
  });
  // Focus follows the flow: the scan field with nothing open, the identity once a ticket is.
  const viewKey = view ? `${view.ticket.id}:${view.ticket.status}` : '';
  useEffect(() => {
    if (viewKey && !done) last4Ref.current?.focus();
    else if (!viewKey) scanRef.current?.focus();
  }, [viewKey, done]);

  // The identity is checked as soon as four digits are typed (collection.complete checks again).
  useEffect(() => {
    setIdentityOk(null);
    if (!view || mode !== 'owner' || !/^\d{4}$/.test(last4)) return;
    let live = true;
    api.call('collection.checkIdentity', { ticketId: view.ticket.id, identity: { method: 'phone_last4', last4 } }).then(
      (r) => {
        if (!live) return;
        setIdentityOk(r.ok);
        if (r.ok) setTimeout(() => amountRef.current?.focus(), 0);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [last4, mode, view]);

  const discountBp = discountPct === '' ? undefined : (parsePercentBp(discountPct) ?? undefined);
  const s = useMemo(() => {
    if (!view) return null;
    const base = view.settlement;
    try {
      return settle({ customerDueFen: base.customerDueFen, discountBp: discountBp !== undefined && discountBp >= 0 && discountBp <= 10_000 ? discountBp : undefined, taxRateBp: base.tax.rateBp, pricesIncludeTax: base.tax.pricesIncludeTax, paidFen: base.paidFen, depositFen: base.depositFen });
    } catch {
      return base;
    }
  }, [view, discountBp]);
  const lines = tenders.map((r) => ({ tender: r.tender, amountFen: toFen(r.amount) ?? 0, receivedFen: r.tender === 'cash' ? toFen(r.received) : undefined, reference: r.reference }));
  const check = s ? checkTenders(lines, s.dueNowFen, { balanceAllowed: allowBalance, formatFen: fmt }) : null;
  const needsManager =
    !isManager &&
    !!view &&
    !!s &&
    ((s.discountFen > 0 && s.discountFen > Math.floor((s.customerDueFen * view.discountManagerAboveBp) / 10_000)) || (check?.balanceFen ?? 0) > 0 || loanerOverride);
  const blocked = !view || view.ticket.status !== 'ready' || view.dayClosed || (view.loaner.out && !loanerOverride);
  // A 三包 return whose refund (approved with the outcome) is still to be paid: it goes out at this hand-back.
  const sanbaoDue = view?.sanbao?.option === 'return' && view.sanbao.refundFen > 0 && !view.sanbao.refundPaid ? view.sanbao : null;
  // A returned unit stays with the shop: no warranty card, no repair warranty to announce.
  const returned = view?.ticket.outcome === 'refunded';
  const handbackDocs = useMemo(() => (returned ? (['repair_receipt'] as const) : (['repair_receipt', 'warranty_card'] as const)), [returned]);
  const identityReady = mode === 'owner' ? identityOk === true : third.name.trim() !== '' && third.idNumber.trim().length >= 4;

  const submit = useCallback(async () => {
    if (!view || busy) return;
    const input: CollectInputRaw = {
      ticketId: view.ticket.id,
      identity: mode === 'owner' ? { method: 'phone_last4', last4 } : { method: 'id_document', name: third.name, idType: 'resident_id', idNumber: third.idNumber, relation: third.relation },
      ...(discountBp ? { discountBp, discountReason } : {}),
      tenders: lines.filter((l) => l.amountFen > 0).map((l) => ({ tender: l.tender, amountFen: l.amountFen, ...(l.receivedFen !== undefined ? { receivedFen: l.receivedFen } : {}), reference: l.reference })),
      refundTender,
      ...(sanbaoDue ? { sanbaoRefund: { tender: sanbaoTender, reference: sanbaoTender === 'cash' ? '' : sanbaoReference } } : {}),
      ...(allowBalance ? { balance: { reason: balanceReason } } : {}),
      loanerOverride,
      ...(approval.username && approval.pin ? { approval } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      const r = await api.call('collection.complete', input);
      setDone(r);
      setView({ ...view, ticket: { ...view.ticket, status: 'collected' }, blockers: [] });
      // Read it again: the payments and the 三包 refund as recorded.
      api.call('collection.lookup', { ref: view.ticket.id }).then(
        (v) => setView({ ...v, blockers: [] }),
        () => undefined,
      );
      for (const d of handbackDocs) {
        printDocument(d, view.ticket.id).then(
          (j) => setDocs((x) => ({ ...x, [d]: j })),
          (e) => toast(e),
        );
      }
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      if (!(e instanceof RemoteError) || e.fields.length === 0) toast(e);
    } finally {
      setBusy(false);
    }
  }, [view, busy, mode, last4, third, discountBp, discountReason, lines, refundTender, sanbaoDue, sanbaoTender, sanbaoReference, allowBalance, balanceReason, loanerOverride, approval, handbackDocs, toast]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (done) reset();
      else void submit();
    } else if (e.key === 'Escape' && (done || view)) {
      e.preventDefault();
      reset();
    }
  };
  const setTender = (i: number, patch: Partial<TenderRow>) => setTenders((ts) => ts.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const tenderOptions = TENDERS.map((x) => ({ value: x, label: t(`collection.tender.${x}`) }));
  const sanbaoTenderOptions = TENDERS.map((x) => ({ value: x, label: x === 'card' ? t('ui.collection.sanbao.card') : t(`collection.tender.${x}`) }));

  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="collection-panel">
      <Group align="flex-end" gap="xs">
        <TextInput
          ref={scanRef}
          label={t('ui.collection.scan')}
          description={t('ui.collection.scanHint')}
          value={ref}
          onChange={(e) => setRef(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey) void load(ref);
          }}
          w={420}
          data-testid="collection-scan"
          autoComplete="off"
        />
        <Button variant="default" onClick={() => void load(ref)} loading={busy && !view}>
          {t('ui.collection.find')}
        </Button>
      </Group>

      {view ? (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={3} ff="monospace" data-testid="collection-number">
                    {view.ticket.number}
                  </Title>
                  <Badge variant="light" tt="none">
                    {t(`tickets.status.${view.ticket.status}`)}
                  </Badge>
                  {view.ticket.outcome ? (
                    <Badge color="teal" variant="light" tt="none">
                      {t(`collection.outcome.${view.ticket.outcome}`)}
                    </Badge>
                  ) : null}
                </Group>
                <Text fw={600}>
                  {view.ticket.customerName} · {view.ticket.device.brand} {view.ticket.device.model}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('ui.collection.phones')}: {view.ticket.phonesMasked.join(', ')} · IMEI/SN {view.ticket.device.imei ?? view.ticket.device.serial ?? '—'}
                </Text>
              </div>
              <Stack gap={2} align="flex-end">
                {returned ? null : <Text size="sm">{t('ui.collection.repairWarranty', { days: view.warranty.repairWarrantyDays, date: view.warranty.repairWarrantyUntil })}</Text>}
                {view.warranty.unitEnd && !returned ? <Text size="sm">{t('ui.collection.unitEnd', { date: view.warranty.unitEnd })}</Text> : null}
                {view.ticket.passcodeGiven ? (
                  <Text size="xs" c="orange.8">
                    {t('ui.collection.passcodeErase')}
                  </Text>
                ) : null}
              </Stack>
            </Group>
            {view.blockers.length ? (
              <Alert color="red" mt="sm" title={t('ui.collection.blocked')} data-testid="collection-blockers">
                {view.blockers.map((b) => (
                  <div key={b}>{b}</div>
                ))}
              </Alert>
            ) : null}
            {view.collection ? (
              <Alert color="teal" mt="sm">
                {t('ui.collection.collected', { at: formatInstant(view.collection.collectedAt, locale, shop?.settings.timeZone) })}
              </Alert>
            ) : null}
          </Paper>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Paper withBorder p="md" data-testid="collection-work">
              <Text fw={700} mb={4}>
                {t('ui.collection.step.work')}
              </Text>
              <Text size="sm">
                <b>{t('ui.collection.fault')}:</b> {view.ticket.fault || '—'}
              </Text>
              <Text size="sm">
                <b>{t('ui.collection.cause')}:</b> {view.ticket.cause || '—'}
              </Text>
              <Text size="sm" mb="xs">
                <b>{t('ui.collection.technician')}:</b> {view.ticket.technician ?? '—'}
              </Text>
              {view.lines.length ? (
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ui.collection.line')}</Table.Th>
                      <Table.Th ta="right">{t('ui.collection.amount')}</Table.Th>
                      <Table.Th>{t('ui.collection.payer')}</Table.Th>
                      <Table.Th ta="right">{t('ui.collection.customerPays')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {view.lines.map((l, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          {l.description}
                          {l.qty > 1 ? ` ×${l.qty}` : ''}
                        </Table.Td>
                        <Table.Td ta="right">{fmt(l.amountFen)}</Table.Td>
                        <Table.Td>
                          {PAYERS.filter((p) => l.payers[p] > 0)
                            .map((p) => t(`bench.payer.${p}`))
                            .join(', ') || t('bench.payer.customer')}
                        </Table.Td>
                        <Table.Td ta="right">{fmt(l.payers.customer)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('ui.collection.noQuote')}
                </Text>
              )}
              {view.parts.length ? (
                <>
                  <Text fw={600} size="sm" mt="sm">
                    {t('ui.collection.parts')}
                  </Text>
                  {view.parts.map((p) => (
                    <Text size="sm" key={p.partId} data-testid="collection-part">
                      {p.name} ({p.sku}) — {t('ui.collection.serials', { new: p.serials.join(', ') || '—', old: p.removedSerial ?? '—' })} — {t('ui.collection.partUntil', { date: p.warrantyEnd })}
                    </Text>
                  ))}
                </>
              ) : null}
              {view.sanbao?.option === 'return' ? (
                <Paper withBorder p="xs" mt="sm" bg={view.sanbao.refundPaid ? 'teal.0' : 'orange.0'} data-testid="collection-sanbao">
                  <Text fw={600} size="sm">
                    {t('ui.collection.sanbao.title')}
                  </Text>
                  <Text size="sm">
                    {t('ui.collection.sanbao.breakdown', {
                      price: fmt(view.sanbao.purchasePriceFen),
                      depreciation: fmt(view.sanbao.depreciationFen),
                      days: view.sanbao.daysUsed,
                      refund: fmt(view.sanbao.refundFen),
                      manager: view.sanbao.approvedByName ?? '—',
                    })}
                  </Text>
                  {view.sanbao.refundPaid ? (
                    <Text size="sm" fw={700} c="teal.8" data-testid="collection-sanbao-paid">
                      {t('ui.collection.sanbao.paid', {
                        amount: fmt(view.sanbao.refundPaid.amountFen),
                        date: view.sanbao.refundPaid.businessDate,
                        tender: t(`collection.tender.${view.sanbao.refundPaid.tender}`),
                      })}
                      {view.sanbao.refundPaid.reference ? ` · ${t('ui.collection.reference')} ${view.sanbao.refundPaid.reference}` : ''}
                      {view.sanbao.refundPaid.byName ? ` · ${view.sanbao.refundPaid.byName}` : ''}
                    </Text>
                  ) : view.sanbao.refundFen > 0 ? (
                    <Text size="sm" c="orange.9">
                      {t('ui.collection.sanbao.dueAtHandback', { amount: fmt(view.sanbao.refundFen) })}
                    </Text>
                  ) : null}
                </Paper>
              ) : null}
              {view.payments.length ? (
                <>
                  <Text fw={600} size="sm" mt="sm">
                    {t('ui.collection.payments')}
                  </Text>
                  <PaymentsTable payments={view.payments} onChanged={() => void load(view.ticket.number)} ticketId={view.ticket.id} />
                </>
              ) : null}
            </Paper>

            {done ? (
              <Paper withBorder p="md" bg="teal.0" data-testid="collection-done">
                <Title order={3} c="teal.8">
                  {t('ui.collection.done')} · {view.ticket.number}
                </Title>
                {view.sanbao?.refundPaid && done.collection.changeFen === 0 ? null : (
                  <Text size="lg" fw={700} mt="xs" data-testid="collection-change">
                    {t('ui.collection.doneChange', { amount: fmt(done.collection.changeFen) })}
                  </Text>
                )}
                {view.sanbao?.refundPaid ? (
                  <Text size="lg" fw={700} c="orange.9" data-testid="collection-sanbao-give">
                    {t('ui.collection.sanbao.give', { amount: fmt(view.sanbao.refundPaid.amountFen), tender: t(`collection.tender.${view.sanbao.refundPaid.tender}`) })}
                  </Text>
                ) : null}
                <Group mt="sm" gap="xs">
                  {handbackDocs.map((d) => (
                    <Badge key={d} variant="light" tt="none" color={docs[d] ? 'teal' : 'gray'} data-testid={`collection-print-${d}`}>
                      {t(`ui.printing.doc.${d}`)} · {docs[d] ? t(`ui.printing.status.${docs[d]!.job.status}`) : t('ui.printing.working')}
                    </Badge>
                  ))}
                </Group>
                <Stack mt="sm" gap="xs">
                  {handbackDocs.map((d) =>
                    docs[d]?.url ? <PdfViewer key={d} url={docs[d]!.url!} title={docs[d]!.job.title} testId={`collection-viewer-${d}`} /> : null,
                  )}
                </Stack>
                <Button mt="md" onClick={reset} data-testid="collection-next" rightSection={<Kbd size="xs">Esc</Kbd>}>
                  {t('ui.collection.next')}
                </Button>
              </Paper>
            ) : view.ticket.status === 'ready' ? (
              <Paper withBorder p="md">
                <Text fw={700}>{t('ui.collection.step.identity')}</Text>
                <SegmentedControl
                  mt={4}
                  value={mode}
                  onChange={(v) => setMode(v as 'owner' | 'third')}
                  data={[
                    { value: 'owner', label: t('ui.collection.owner') },
                    { value: 'third', label: t('ui.collection.third') },
                  ]}
                />
                {mode === 'owner' ? (
                  <Group align="flex-end" mt="xs">
                    <TextInput
                      ref={last4Ref}
                      label={t('ui.collection.last4')}
                      value={last4}
                      maxLength={4}
                      w={160}
                      inputMode="numeric"
                      onChange={(e) => setLast4(e.currentTarget.value.replace(/\D/g, ''))}
                      error={errors['identity.last4']}
                      data-testid="collection-last4"
                    />
                    {identityOk !== null ? (
                      <Badge color={identityOk ? 'teal' : 'red'} variant="light" tt="none" mb={6} data-testid="collection-identity">
                        {identityOk ? t('ui.collection.identityOk') : t('ui.collection.identityBad')}
                      </Badge>
                    ) : null}
                  </Group>
                ) : (
                  <SimpleGrid cols={3} mt="xs">
                    <TextInput ref={last4Ref} label={t('ui.collection.pickupName')} value={third.name} onChange={(e) => setThird({ ...third, name: e.currentTarget.value })} error={errors['identity.name']} />
                    <TextInput label={t('ui.collection.idNumber')} value={third.idNumber} onChange={(e) => setThird({ ...third, idNumber: e.currentTarget.value })} error={errors['identity.idNumber']} />
                    <TextInput label={t('ui.collection.relation')} value={third.relation} onChange={(e) => setThird({ ...third, relation: e.currentTarget.value })} />
                  </SimpleGrid>
                )}

                <Divider my="sm" />
                <Text fw={700}>{t('ui.collection.step.settle')}</Text>
                <Group grow mt={4}>
                  <NumberInput label={t('ui.collection.discountPct')} value={discountPct} onChange={(v) => setDiscountPct(v === '' ? '' : Number(v))} min={0} max={100} decimalScale={2} error={errors.discountBp} data-testid="collection-discount" />
                  <TextInput label={t('ui.collection.discountReason')} value={discountReason} onChange={(e) => setDiscountReason(e.currentTarget.value)} error={errors.discountReason} />
                </Group>
                {s ? (
                  <Table fz="sm" mt="xs" data-testid="collection-totals">
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Td>{t('ui.collection.subtotalCustomer')}</Table.Td>
                        <Table.Td ta="right">{fmt(s.customerDueFen)}</Table.Td>
                      </Table.Tr>
                      {s.discountFen > 0 ? (
                        <Table.Tr>
                          <Table.Td>{t('ui.collection.discount')}</Table.Td>
                          <Table.Td ta="right">−{fmt(s.discountFen)}</Table.Td>
                        </Table.Tr>
                      ) : null}
                      <Table.Tr>
                        <Table.Td fw={700}>{t('ui.collection.total')}</Table.Td>
                        <Table.Td ta="right" fw={700}>
                          {fmt(s.totalFen)}
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Td c="dimmed">{t(s.tax.pricesIncludeTax ? 'ui.collection.tax' : 'ui.collection.taxAdded', { rate: s.tax.rateBp / 100 })}</Table.Td>
                        <Table.Td ta="right" c="dimmed">
                          {fmt(s.tax.taxFen)}
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Td>{t('ui.collection.paid')}</Table.Td>
                        <Table.Td ta="right">{s.paidFen ? `−${fmt(s.paidFen)}` : fmt(0)}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Td fw={700}>{s.dueNowFen < 0 ? t('ui.collection.credit') : t('ui.collection.dueNow')}</Table.Td>
                        <Table.Td ta="right" fw={700} fz="lg" data-testid="collection-due">
                          {fmt(Math.abs(s.dueNowFen))}
                        </Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                ) : null}

                {s && s.dueNowFen < 0 ? (
                  <Select label={t('ui.collection.refundTender')} data={tenderOptions} value={refundTender} onChange={(v) => v && setRefundTender(v as Tender)} w={200} />
                ) : (
                  <Stack gap={6} mt="xs">
                    <Text fw={600} size="sm">
                      {t('ui.collection.tenders')}
                    </Text>
                    {tenders.map((r, i) => (
                      <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid={`collection-tender-${i}`}>
                        <Select data={tenderOptions} value={r.tender} onChange={(v) => v && setTender(i, { tender: v as Tender, ...(v !== 'cash' ? { received: '' } : {}) })} w={130} aria-label={t('ui.collection.tender')} allowDeselect={false} />
                        <NumberInput
                          ref={i === 0 ? amountRef : undefined}
                          placeholder={t('ui.collection.tenderAmount')}
                          aria-label={t('ui.collection.tenderAmount')}
                          value={r.amount}
                          onChange={(v) => setTender(i, { amount: v === '' ? '' : Number(v) })}
                          min={0}
                          decimalScale={2}
                          w={130}
                          error={errors[`tenders.${i}.amountFen`]}
                        />
                        {r.tender === 'cash' ? (
                          <NumberInput
                            placeholder={t('ui.collection.received')}
                            aria-label={t('ui.collection.received')}
                            value={r.received}
                            onChange={(v) => setTender(i, { received: v === '' ? '' : Number(v) })}
                            min={0}
                            decimalScale={2}
                            w={150}
                            error={errors[`tenders.${i}.receivedFen`]}
                            data-testid={`collection-received-${i}`}
                          />
                        ) : (
                          <TextInput
                            placeholder={t('ui.collection.reference')}
                            aria-label={t('ui.collection.reference')}
                            value={r.reference}
                            onChange={(e) => setTender(i, { reference: e.currentTarget.value })}
                            w={150}
                            error={errors[`tenders.${i}.reference`] ?? errors[`tenders.${i}.receivedFen`]}
                            data-testid={`collection-reference-${i}`}
                          />
                        )}
                        <Button variant="subtle" color="red" size="compact-sm" mt={6} onClick={() => setTenders((ts) => ts.filter((_, j) => j !== i))}>
                          {t('ui.collection.remove')}
                        </Button>
                      </Group>
                    ))}
                    <Group gap="xs">
                      <Button
                        variant="light"
                        size="compact-sm"
                        data-testid="collection-add-tender"
                        onClick={() => setTenders((ts) => [...ts, { tender: ts.some((x) => x.tender === 'cash') ? 'wechat' : 'cash', amount: check && s ? Math.max(0, s.dueNowFen - check.totalFen) / 100 : '', received: '', reference: '' }])}
                      >
                        {t('ui.collection.addTender')}
                      </Button>
                      {check ? (
                        <Text size="sm" c={check.issues.some((x) => x.path === 'tenders') ? 'red' : 'dimmed'}>
                          {t('ui.collection.tendered', { amount: fmt(check.totalFen) })}
                          {check.changeFen > 0 ? ` · ${t('ui.collection.change')} ${fmt(check.changeFen)}` : ''}
                        </Text>
                      ) : null}
                    </Group>
                    {errors.tenders ? (
                      <Text c="red" size="sm" data-testid="collection-tenders-error">
                        {errors.tenders}
                      </Text>
                    ) : null}
                    <Checkbox label={t('ui.collection.allowBalance')} checked={allowBalance} onChange={(e) => setAllowBalance(e.currentTarget.checked)} />
                    {allowBalance ? <TextInput label={t('ui.collection.balanceReason')} value={balanceReason} onChange={(e) => setBalanceReason(e.currentTarget.value)} error={errors['balance.reason']} /> : null}
                  </Stack>
                )}
                {sanbaoDue ? (
                  <Paper withBorder p="xs" mt="sm" bg="orange.0" data-testid="collection-sanbao-refund">
                    <Group justify="space-between">
                      <Text fw={700}>{t('ui.collection.sanbao.title')}</Text>
                      <Text fw={700} fz="lg" data-testid="collection-sanbao-amount">
                        {t('ui.collection.sanbao.due')} {fmt(sanbaoDue.refundFen)}
                      </Text>
                    </Group>
                    <Group gap="xs" align="flex-start" mt={4}>
                      <Select
                        label={t('ui.collection.sanbao.tender')}
                        data={sanbaoTenderOptions}
                        value={sanbaoTender}
                        onChange={(v) => v && setSanbaoTender(v as Tender)}
                        allowDeselect={false}
                        w={220}
                        error={errors['sanbaoRefund.tender'] ?? errors.sanbaoRefund}
                        data-testid="collection-sanbao-tender"
                      />
                      {sanbaoTender !== 'cash' ? (
                        <TextInput
                          label={t('ui.collection.reference')}
                          value={sanbaoReference}
                          onChange={(e) => {
                            setSanbaoReference(e.currentTarget.value);
                            setErrors(({ 'sanbaoRefund.reference': _gone, ...rest }) => rest);
                          }}
                          w={180}
                          error={errors['sanbaoRefund.reference']}
                          data-testid="collection-sanbao-reference"
                        />
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('ui.collection.sanbao.hint', { manager: sanbaoDue.approvedByName ?? '—' })}
                    </Text>
                  </Paper>
                ) : null}
                {view.loaner.out ? (
                  <Checkbox mt="xs" color="orange" label={`${t('ui.collection.loanerOut', { serial: view.loaner.serial ?? '' })} — ${t('ui.collection.loanerOverride')}`} checked={loanerOverride} onChange={(e) => setLoanerOverride(e.currentTarget.checked)} />
                ) : null}
                {needsManager ? (
                  <Paper withBorder p="xs" mt="xs" bg="yellow.0">
                    <Text size="sm" fw={600}>
                      {t('ui.collection.manager')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('ui.collection.managerHint')}
                    </Text>
                    <Group grow>
                      <TextInput label={t('ui.collection.managerUser')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.currentTarget.value })} />
                      <PasswordInput label={t('ui.collection.managerPin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })} />
                    </Group>
                  </Paper>
                ) : null}
                <Button mt="md" size="md" fullWidth onClick={() => void submit()} loading={busy} disabled={blocked || !identityReady} data-testid="collection-complete" rightSection={<Kbd size="xs">Ctrl Enter</Kbd>}>
                  {t('ui.collection.complete')}
                </Button>
              </Paper>
            ) : null}
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
