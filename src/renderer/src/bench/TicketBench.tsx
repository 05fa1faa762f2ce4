import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
  FileInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { RemoteError } from '../../../shared/api/remote-error';
import { FINDINGS } from '../../../shared/warranty/schemas';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName } from '../stock/format';
import { printDocument } from '../stock/print';
import { SignaturePad } from './SignaturePad';
import { parseYuan } from '../../../shared/money';

type Workbench = OutputOf<Procedures['bench.workbench']>;
type PriceItem = OutputOf<Procedures['priceList.list']>[number];
type PartRow = OutputOf<Procedures['parts.search']>[number];
type Approval = { username: string; pin: string };

interface DraftLine {
  kind: 'labor' | 'fee' | 'part' | 'custom';
  priceItemId?: string;
  partId?: string;
  label: string;
  qty: number;
  unitPriceFen: number;
  reason: string;
  warrantyPart: string | null;
  available?: number;
  /** Custom lines: marked covered by the ticket's decision, and why (core refuses a mark the decision does not bear). */
  covered?: boolean;
  coverReason?: string;
}

const PAYERS = ['customer', 'maker', 'shop', 'extended_warranty', 'insurer'] as const;
// Typed yuan → fen by the shared parser (empty reads as 0 here).
const yuan = (v: number | string) => parseYuan(v) ?? 0;

/**
 * A ticket at the bench: moves, time, diagnosis, quote builder with the warranty decision per
 * line, the customer's authorization (signature, phone, paper), repair work, QC and 三包.
 * Exported for the ticket detail page too: mount it with a ticket id.
 */
export function TicketBench({ ticketId, number, onChanged }: { ticketId: string; number?: string; onChanged?: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { toast } = useErrorToast();
  const [wb, setWb] = useState<Workbench | null>(null);
  const [pending, setPending] = useState<null | ((a: Approval) => Promise<void>)>(null);
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });

  const load = useCallback(async () => {
    try {
      setWb(await api.call('bench.workbench', { ticketId }));
    } catch (e) {
      toast(e);
    }
  }, [ticketId, toast]);
  useEffect(() => {
    void load();
    const off = api.on('tickets.changed', (p) => {
      if ((p as { id?: string }).id === ticketId) void load();
    });
    return off;
  }, [load, ticketId]);

  /** Runs a call; a "needs a manager" refusal asks for a manager's PIN and runs it again with it. */
  const run = useCallback(
    async (fn: (a?: Approval) => Promise<Workbench | unknown>) => {
      try {
        const r = await fn();
        if (r && typeof r === 'object' && 'ticketId' in r) setWb(r as Workbench);
        else await load();
        onChanged?.();
        return true;
      } catch (e) {
        if (e instanceof RemoteError && e.details.needsManager && e.code === 'FORBIDDEN') {
          setPending(() => async (a: Approval) => {
            const r = await fn(a);
            if (r && typeof r === 'object' && 'ticketId' in r) setWb(r as Workbench);
            else await load();
            onChanged?.();
          });
          return false;
        }
        toast(e);
        return false;
      }
    },
    [load, onChanged, toast],
  );

  if (!wb) return null;
  const status = wb.status;
  const q = wb.quote;
  const manager = isManager(user);
  const moves = wb.next.filter((n) => ['startDiagnosis', 'returnUnrepaired', 'requestApproval', 'startCoveredRepair', 'startRepair', 'resumeRepair', 'toQc', 'reapprove'].includes(n.action) || (n.action === 'cancel' && manager));

  return (
    <Stack gap="sm" data-testid="ticket-bench">
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={3}>{number ?? ''}</Title>
              <Badge data-testid="bench-status" size="lg" color={status === 'ready' ? 'green' : status === 'awaiting_approval' ? 'orange' : 'blue'}>
                {t(`ui.bench.status.${status}`)}
              </Badge>
              {wb.outcome ? <Badge variant="light">{t('ui.bench.outcome', { outcome: t(`ui.bench.outcome.${wb.outcome}`) })}</Badge> : null}
            </Group>
            <Group gap="xs" mt={4}>
              {wb.legal.limitDays !== null && wb.legal.daysLeft !== null ? (
                <Badge color={wb.legal.daysLeft < 5 ? 'red' : 'gray'} variant="light">
                  {t('ui.bench.flags.legal', { limit: wb.legal.limitDays, left: wb.legal.daysLeft })}
                </Badge>
              ) : null}
              {wb.loaner.due ? <Badge color="red">{t('ui.bench.flags.loaner', { days: wb.loaner.thresholdDays ?? 0 })}</Badge> : null}
              {wb.partsExpected ? <Badge color="yellow">{t('ui.bench.repair.partsExpected', { date: wb.partsExpected })}</Badge> : null}
            </Group>
          </div>
          <Select
            w={120}
            size="xs"
            label={t('ui.bench.priority')}
            value={String(wb.priority)}
            data={[0, 1, 2, 3].map((p) => ({ value: String(p), label: t(`ui.bench.priority.${p}`) }))}
            onChange={(v) => v !== null && void run(() => api.call('bench.setPriority', { ticketId, priority: Number(v) }))}
            allowDeselect={false}
          />
        </Group>
        <Group gap="xs" mt="sm">
          {moves.map((m) => (
            <Tooltip key={`${m.to}-${m.action}`} label={m.reason ? t(m.reason) : ''} disabled={m.allowed}>
              <Button
                size="xs"
                variant={m.action === 'cancel' ? 'subtle' : 'light'}
                color={m.action === 'cancel' ? 'red' : undefined}
                disabled={!m.allowed}
                data-testid={`move-${m.action}`}
                onClick={() => void run(() => api.call('bench.transition', { ticketId, to: m.to }))}
              >
                {t(`ui.bench.action.${m.action}`)}
              </Button>
            </Tooltip>
          ))}
        </Group>
      </Paper>

      <TimeCard wb={wb} run={run} ticketId={ticketId} />
      {['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(status) || wb.diagnosis ? <DiagnosisCard wb={wb} run={run} ticketId={ticketId} /> : null}
      {status !== 'received' ? <QuoteCard wb={wb} run={run} ticketId={ticketId} /> : null}
      {q.current && ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(status) ? <AuthorizationCard wb={wb} run={run} ticketId={ticketId} /> : q.authorization ? <AuthorizationSummary wb={wb} /> : null}
      {['repairing', 'awaiting_parts', 'qc', 'ready'].includes(status) ? <RepairCard wb={wb} run={run} ticketId={ticketId} /> : null}
      {status === 'qc' || wb.qc.length > 0 ? <QcCard wb={wb} run={run} ticketId={ticketId} /> : null}
      {['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(status) || wb.sanbao ? <SanbaoCard wb={wb} run={run} ticketId={ticketId} /> : null}

      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('ui.bench.manager.title')} centered>
        <Stack>
          <TextInput label={t('ui.bench.manager.username')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.currentTarget.value })} data-autofocus />
          <PasswordInput label={t('ui.bench.manager.pin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })} />
          <Button
            onClick={async () => {
              try {
                await pending?.(approval);
                setPending(null);
                setApproval({ username: '', pin: '' });
              } catch (e) {
                toast(e);
              }
            }}
          >
            {t('ui.bench.manager.confirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

type CardProps = { wb: Workbench; run: (fn: (a?: Approval) => Promise<unknown>) => Promise<boolean>; ticketId: string };

function TimeCard({ wb, run, ticketId }: CardProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [minutes, setMinutes] = useState<number | string>('');
  const running = wb.timeLogs.some((l) => !l.endedAt && l.userId === user.id);
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('ui.bench.section.time')}</Text>
        <Group gap="xs">
          {wb.minutesByUser.map((m) => (
            <Badge key={m.userId} variant="light">
              {t('ui.bench.time.total', { name: m.userName, minutes: m.minutes })}
            </Badge>
          ))}
        </Group>
      </Group>
      <Group mt="xs" align="flex-end">
        {running ? (
          <Button size="xs" color="red" onClick={() => void run(() => api.call('bench.time.stop', { ticketId }))}>
            {t('ui.bench.time.stop')}
          </Button>
        ) : (
          <Button size="xs" onClick={() => void run(() => api.call('bench.time.start', { ticketId }))} data-testid="timer-start">
            {t('ui.bench.time.start')}
          </Button>
        )}
        <NumberInput size="xs" w={110} label={t('ui.bench.time.minutes')} min={1} max={1440} value={minutes} onChange={setMinutes} />
        <Button size="xs" variant="light" disabled={!minutes} onClick={() => void run(() => api.call('bench.time.enter', { ticketId, minutes: Number(minutes) })).then((ok) => ok && setMinutes(''))}>
          {t('ui.bench.time.enter')}
        </Button>
      </Group>
    </Paper>
  );
}

function DiagnosisCard({ wb, run, ticketId }: CardProps) {
  const { t } = useI18n();
  const d = wb.diagnosis;
  const [cause, setCause] = useState(d?.cause ?? '');
  const [notes, setNotes] = useState(d?.notes ?? '');
  const [findings, setFindings] = useState<string[]>(d?.findings ?? []);
  const [perf, setPerf] = useState(d?.performanceFault ?? false);
  const [photos, setPhotos] = useState<File[]>([]);
  const save = async () => {
    const enc = await Promise.all(
      photos.map(async (f) => ({ name: f.name, mime: f.type as 'image/png', dataBase64: btoa(String.fromCharCode(...new Uint8Array(await f.arrayBuffer()))), caption: 'diagnosis' })),
    );
    await run(() => api.call('bench.diagnose', { ticketId, cause, notes, findings: findings as never, performanceFault: perf, photos: enc }));
    setPhotos([]);
  };
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.diagnosis')}
      </Text>
      <Stack gap="xs">
        <TextInput label={t('ui.bench.diag.cause')} value={cause} onChange={(e) => setCause(e.currentTarget.value)} data-testid="diag-cause" />
        <Textarea label={t('ui.bench.diag.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox.Group label={t('ui.bench.diag.findings')} value={findings} onChange={setFindings}>
          <Group gap="sm" mt={4}>
            {FINDINGS.filter((f) => !['no_proof', 'altered_proof'].includes(f)).map((f) => (
              <Checkbox key={f} value={f} label={t(`warranty.finding.${f}`)} size="xs" />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox label={t('ui.bench.diag.performanceFault')} checked={perf} onChange={(e) => setPerf(e.currentTarget.checked)} size="xs" />
        <FileInput label={t('ui.bench.diag.photos')} multiple accept="image/png,image/jpeg,image/webp" value={photos} onChange={setPhotos} size="xs" />
        <Group display={['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(wb.status) ? undefined : 'none'}>
          <Button size="xs" onClick={() => void save()} disabled={!cause.trim()} data-testid="diag-save">
            {t('ui.bench.diag.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function QuoteCard({ wb, run, ticketId }: CardProps) {
  const { t, locale } = useI18n();
  const q = wb.quote;
  const editable = ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(wb.status);
  const [editing, setEditing] = useState(!q.current && editable);
  const [prices, setPrices] = useState<PriceItem[]>([]);
  const [partQuery, setPartQuery] = useState('');
  const [partRows, setPartRows] = useState<PartRow[]>([]);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [discount, setDiscount] = useState<number | string>(0);
  const [discountReason, setDiscountReason] = useState('');
  const [estimated, setEstimated] = useState('');
  const [custom, setCustom] = useState({ description: '', price: '' as number | string, reason: '' });

  useEffect(() => {
    void api.call('priceList.list', { category: wb.category }).then(setPrices).catch(() => undefined);
  }, [wb.category]);
  useEffect(() => {
    const c = q.current;
    setLines(
      c
        ? c.lines.map((l) => ({ kind: l.kind, priceItemId: l.priceItemId ?? undefined, partId: l.partId ?? undefined, label: l.description, qty: l.qty, unitPriceFen: l.unitPriceFen, reason: l.reason, warrantyPart: l.warrantyPart, available: l.availability?.available, covered: l.coverReason !== null, coverReason: l.coverReason ?? '' }))
        : [],
    );
    setDiscount(c ? c.totals.discountFen / 100 : 0);
    setDiscountReason(c?.discountReason ?? '');
    setEstimated(c?.estimatedCompletion ?? '');
  }, [q.current]);
  useEffect(() => {
    if (!partQuery.trim()) return setPartRows([]);
    const h = setTimeout(() => void api.call('parts.search', { q: partQuery, kind: 'part', limit: 20 }).then(setPartRows).catch(() => undefined), 200);
    return () => clearTimeout(h);
  }, [partQuery]);

  const save = (submit: boolean) =>
    run(async (approval) =>
      api.call('bench.quote.save', {
        ticketId,
        lines: lines.map((l) =>
          l.kind === 'custom'
            ? { kind: 'custom' as const, description: l.label, unitPriceFen: l.unitPriceFen, reason: l.reason, qty: l.qty, warrantyPart: l.warrantyPart, covered: !!l.covered, coverReason: l.covered ? (l.coverReason ?? '') : '' }
            : l.kind === 'part'
              ? { kind: 'part' as const, partId: l.partId, qty: l.qty, warrantyPart: l.warrantyPart }
              : { kind: l.kind, priceItemId: l.priceItemId, qty: l.qty, warrantyPart: l.warrantyPart },
        ),
        discountFen: yuan(discount),
        discountReason,
        estimatedCompletion: estimated || null,
        submit,
        approval,
      }),
    ).then((ok) => ok && setEditing(false));
  const m = (f: number) => money(f, locale);
  const c = q.current;
  const warrantyParts = [{ value: '', label: t('ui.bench.quote.wholeUnit') }, ...wb.warrantyParts.map((p) => ({ value: p.id, label: p.name }))];

  return (
    <Paper withBorder p="sm" data-testid="quote-card">
      <Group justify="space-between">
        <Text fw={600}>
          {t('ui.bench.section.quote')} {c ? <Badge variant="light">{t('ui.bench.quote.version', { version: c.version })}</Badge> : null}
        </Text>
        <Group gap="xs">
          {c ? (
            <Button size="xs" variant="subtle" onClick={() => void printDocument('quote', c.id)} data-testid="quote-print">
              {t('ui.bench.quote.print')}
            </Button>
          ) : null}
          {c && editable && !editing ? (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('ui.bench.quote.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {!c && !editing ? <Text c="dimmed" size="sm">{t('ui.bench.quote.none')}</Text> : null}
      {c && !editing ? (
        <>
          <Table mt="xs" withTableBorder striped data-testid="quote-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.bench.quote.description')}</Table.Th>
                <Table.Th ta="right">{t('ui.bench.quote.qty')}</Table.Th>
                <Table.Th ta="right">{t('ui.bench.quote.price')}</Table.Th>
                <Table.Th>{t('ui.bench.col.status')}</Table.Th>
                <Table.Th>{t('ui.bench.payer.customer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Text size="sm">{l.description}</Text>
                    {l.reason ? <Text size="xs" c="dimmed">{l.reason}</Text> : null}
                    {l.coverReason !== null ? (
                      <Text size="xs" c="green.8" data-testid="cover-reason">
                        {t('ui.bench.quote.coverReasonShown', { reason: l.coverReason })}
                      </Text>
                    ) : null}
                    {l.availability ? <Text size="xs" c={l.availability.available > 0 ? 'dimmed' : 'red'}>{t('ui.bench.quote.available', { n: l.availability.available })}</Text> : null}
                  </Table.Td>
                  <Table.Td ta="right">{l.qty}</Table.Td>
                  <Table.Td ta="right">{m(l.unitPriceFen)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={l.decision.reasons.join(' ')} multiline w={320} disabled={l.decision.reasons.length === 0}>
                      <Badge color={l.decision.status === 'covered' ? 'green' : l.decision.status === 'partly_covered' ? 'yellow' : 'gray'} variant="light">
                        {t(`ui.bench.line.${l.decision.status}`)}
                      </Badge>
                    </Tooltip>
                    <Text size="xs" c="dimmed">
                      {PAYERS.filter((p) => l.payers[p] > 0)
                        .map((p) => `${t(`ui.bench.payer.${p}`)} ${m(l.payers[p])}`)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td fw={600}>{m(l.payers.customer)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="xs" justify="space-between">
            <Text size="sm" c="dimmed">
              {t('ui.bench.quote.subtotal', { total: m(c.totals.subtotalFen) })}
              {c.totals.discountFen > 0 ? ` − ${m(c.totals.discountFen)}` : ''}
            </Text>
            <Text fw={700} size="lg" data-testid="quote-total">
              {t('ui.bench.quote.total', { total: m(c.totals.customerTotalFen) })}
            </Text>
          </Group>
          {q.fullyCovered ? <Alert color="green" mt="xs" p="xs">{t('ui.bench.quote.covered')}</Alert> : null}
          {q.overLimitFen > 0 && q.authorizedLimitFen !== null ? (
            <Alert color="orange" mt="xs" p="xs" data-testid="over-limit">
              {t('ui.bench.quote.overLimit', { amount: m(q.overLimitFen) })}
            </Alert>
          ) : null}
        </>
      ) : null}
      {editing ? (
        <Stack gap="xs" mt="xs">
          <Table withTableBorder>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Fragment key={i}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm">{l.label}</Text>
                    {l.reason ? <Text size="xs" c="dimmed">{l.reason}</Text> : null}
                    {l.available !== undefined ? <Text size="xs" c={l.available > 0 ? 'dimmed' : 'red'}>{t('ui.bench.quote.available', { n: l.available })}</Text> : null}
                  </Table.Td>
                  <Table.Td w={80}>
                    <NumberInput size="xs" min={1} value={l.qty} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, qty: Number(v) || 1 } : x)))} />
                  </Table.Td>
                  <Table.Td w={100} ta="right">{m(l.unitPriceFen * l.qty)}</Table.Td>
                  <Table.Td w={140}>
                    <Select size="xs" data={warrantyParts} value={l.warrantyPart ?? ''} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, warrantyPart: v || null } : x)))} allowDeselect={false} aria-label={t('ui.bench.quote.warrantyPart')} />
                  </Table.Td>
                  <Table.Td w={60}>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                      {t('ui.bench.quote.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {l.kind === 'custom' ? (
                  <Table.Tr>
                    <Table.Td colSpan={5} pt={0}>
                      <Group gap="xs" align="center" wrap="nowrap">
                        <Checkbox
                          size="xs"
                          label={t('ui.bench.quote.lineCovered')}
                          checked={!!l.covered}
                          onChange={(e) => {
                            const checked = e.currentTarget.checked;
                            setLines(lines.map((x, j) => (j === i ? { ...x, covered: checked } : x)));
                          }}
                          data-testid={`line-covered-${i}`}
                        />
                        {l.covered ? (
                          <TextInput
                            size="xs"
                            w={240}
                            placeholder={t('ui.bench.quote.coverReason')}
                            aria-label={t('ui.bench.quote.coverReason')}
                            value={l.coverReason ?? ''}
                            error={!l.coverReason?.trim()}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              setLines(lines.map((x, j) => (j === i ? { ...x, coverReason: v } : x)));
                            }}
                            data-testid={`line-cover-reason-${i}`}
                          />
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="flex-end" gap="xs">
            <Select
              size="xs"
              w={240}
              label={t('ui.bench.quote.addLabor')}
              data-testid="add-labor"
              data={prices.map((p) => ({ value: p.id, label: `${locale === 'en' && p.nameEn ? p.nameEn : p.nameZh} ${m(p.priceFen)}` }))}
              value={null}
              searchable
              onChange={(v) => {
                const p = prices.find((x) => x.id === v);
                if (p) setLines([...lines, { kind: p.kind, priceItemId: p.id, label: locale === 'en' && p.nameEn ? p.nameEn : p.nameZh, qty: 1, unitPriceFen: p.priceFen, reason: '', warrantyPart: null }]);
              }}
            />
            <Select
              size="xs"
              w={300}
              label={t('ui.bench.quote.addPart')}
              placeholder={t('ui.bench.quote.searchPart')}
              data-testid="add-part"
              searchable
              searchValue={partQuery}
              onSearchChange={setPartQuery}
              filter={({ options }) => options}
              data={partRows.map((p) => ({ value: p.id, label: `${p.sku} ${partName(p, locale)} · ${t('ui.bench.quote.available', { n: p.stock.available })}` }))}
              value={null}
              onChange={(v) => {
                const p = partRows.find((x) => x.id === v);
                if (p) setLines([...lines, { kind: 'part', partId: p.id, label: `${p.sku} ${partName(p, locale)}`, qty: 1, unitPriceFen: p.listPrice, reason: '', warrantyPart: null, available: p.stock.available }]);
                setPartQuery('');
              }}
            />
          </Group>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" label={t('ui.bench.quote.addCustom')} placeholder={t('ui.bench.quote.description')} value={custom.description} onChange={(e) => setCustom({ ...custom, description: e.currentTarget.value })} />
            <NumberInput size="xs" w={110} label={t('ui.bench.quote.price')} min={0} decimalScale={2} value={custom.price} onChange={(v) => setCustom({ ...custom, price: v })} />
            <TextInput size="xs" label={t('ui.bench.quote.reason')} value={custom.reason} onChange={(e) => setCustom({ ...custom, reason: e.currentTarget.value })} />
            <Button
              size="xs"
              variant="light"
              disabled={!custom.description || custom.price === ''}
              onClick={() => {
                setLines([...lines, { kind: 'custom', label: custom.description, qty: 1, unitPriceFen: yuan(custom.price), reason: custom.reason, warrantyPart: null }]);
                setCustom({ description: '', price: '', reason: '' });
              }}
            >
              +
            </Button>
          </Group>
          <Group align="flex-end" gap="xs">
            <NumberInput size="xs" w={110} label={t('ui.bench.quote.discount')} min={0} decimalScale={2} value={discount} onChange={setDiscount} />
            <TextInput size="xs" label={t('ui.bench.quote.discountReason')} value={discountReason} onChange={(e) => setDiscountReason(e.currentTarget.value)} />
            <TextInput size="xs" type="date" label={t('ui.bench.quote.estimated')} value={estimated} onChange={(e) => setEstimated(e.currentTarget.value)} />
          </Group>
          <Group>
            <Button size="xs" variant="light" disabled={lines.length === 0} onClick={() => void save(false)} data-testid="quote-save">
              {t('ui.bench.quote.save')}
            </Button>
            {wb.status === 'diagnosing' ? (
              <Button size="xs" disabled={lines.length === 0} onClick={() => void save(true)} data-testid="quote-submit">
                {t('ui.bench.quote.saveSubmit')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

function AuthorizationSummary({ wb }: { wb: Workbench }) {
  const { t, locale } = useI18n();
  const a = wb.quote.authorization;
  if (!a) return null;
  return (
    <Paper withBorder p="sm" data-testid="auth-summary">
      <Text fw={600}>{t('ui.bench.section.authorization')}</Text>
      <Text size="sm">
        {a.decision === 'declined'
          ? `${t('ui.bench.action.declined')} · ${t('ui.bench.auth.fee', { fee: money(a.feeFen, locale) })}`
          : t('ui.bench.auth.done', { method: t(`bench.method.${a.method}`), total: money(a.totalFen, locale), by: a.recordedByName ?? '', at: formatInstant(a.recordedAt, locale) })}
      </Text>
      {a.capFen !== null ? <Text size="sm">{t('ui.bench.auth.doneCap', { cap: money(a.capFen, locale) })}</Text> : null}
    </Paper>
  );
}

function AuthorizationCard({ wb, run, ticketId }: CardProps) {
  const { t, locale } = useI18n();
  const q = wb.quote;
  const c = q.current!;
  const [method, setMethod] = useState<'signature' | 'phone' | 'paper'>('signature');
  const [png, setPng] = useState<string | null>(null);
  const [signer, setSigner] = useState('');
  const [cap, setCap] = useState<number | string>('');
  const [phone, setPhone] = useState({ number: '', words: '' });
  const [scan, setScan] = useState<File | null>(null);
  const [waive, setWaive] = useState(false);
  const needed = !q.authorizationCovers && !q.fullyCovered;
  const record = async () => {
    let scanData: { mime: 'image/png'; dataBase64: string } | undefined;
    if (method === 'paper' && scan) scanData = { mime: scan.type as 'image/png', dataBase64: btoa(String.fromCharCode(...new Uint8Array(await scan.arrayBuffer()))) };
    await run(() =>
      api.call('bench.authorize', {
        ticketId,
        quoteId: c.id,
        method,
        signerName: signer,
        capFen: cap === '' ? null : yuan(cap),
        ...(method === 'signature' && png ? { signaturePng: png } : {}),
        ...(method === 'phone' ? { phone } : {}),
        ...(scanData ? { scan: scanData } : {}),
      }),
    );
  };
  return (
    <Paper withBorder p="sm" data-testid="auth-card">
      <Group justify="space-between">
        <Text fw={600}>{t('ui.bench.section.authorization')}</Text>
        <Text fw={700}>{t('ui.bench.quote.total', { total: money(c.totals.customerTotalFen, locale) })}</Text>
      </Group>
      {q.authorization && !needed ? <AuthorizationSummary wb={wb} /> : null}
      {needed ? (
        <Stack gap="xs" mt="xs">
          <SegmentedControl
            value={method}
            onChange={(v) => setMethod(v as typeof method)}
            data={(['signature', 'phone', 'paper'] as const).map((m) => ({ value: m, label: t(`ui.bench.auth.method.${m}`) }))}
            size="xs"
          />
          {method === 'signature' ? <SignaturePad onChange={setPng} /> : null}
          {method === 'phone' ? (
            <Group grow>
              <TextInput size="xs" label={t('ui.bench.auth.phoneNumber')} value={phone.number} onChange={(e) => setPhone({ ...phone, number: e.currentTarget.value })} />
              <TextInput size="xs" label={t('ui.bench.auth.words')} value={phone.words} onChange={(e) => setPhone({ ...phone, words: e.currentTarget.value })} />
            </Group>
          ) : null}
          {method === 'paper' ? <FileInput size="xs" label={t('ui.bench.auth.scan')} accept="image/png,image/jpeg,image/webp" value={scan} onChange={setScan} /> : null}
          <Group grow>
            <TextInput size="xs" label={t('ui.bench.auth.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} data-testid="auth-signer" />
            <NumberInput size="xs" label={t('ui.bench.auth.cap')} min={0} decimalScale={2} value={cap} onChange={setCap} />
          </Group>
          <Group>
            <Button size="xs" onClick={() => void record()} disabled={method === 'signature' && !png} data-testid="auth-record">
              {t('ui.bench.auth.record')}
            </Button>
          </Group>
          {wb.status === 'awaiting_approval' ? (
            <Group mt="xs">
              <Checkbox size="xs" label={t('ui.bench.auth.waive')} checked={waive} onChange={(e) => setWaive(e.currentTarget.checked)} />
              <Button size="xs" color="red" variant="light" onClick={() => void run((approval) => api.call('bench.decline', { ticketId, quoteId: c.id, method, signerName: signer, waiveFee: waive, approval }))}>
                {t('ui.bench.auth.decline')} · {t('ui.bench.auth.fee', { fee: money(waive ? 0 : q.diagnosisFeeFen, locale) })}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

function RepairCard({ wb, run, ticketId }: CardProps) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const partLines = useMemo(() => (wb.quote.current?.lines ?? []).filter((l) => l.partId), [wb.quote.current]);
  const [partId, setPartId] = useState<string | null>(partLines[0]?.partId ?? null);
  const [serials, setSerials] = useState('');
  const [removed, setRemoved] = useState({ serial: '', description: '' });
  const [override, setOverride] = useState(false);
  const [expected, setExpected] = useState('');
  const [note, setNote] = useState('');
  const working = wb.status === 'repairing';
  return (
    <Paper withBorder p="sm" data-testid="repair-card">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.repair')}
      </Text>
      {wb.issuedParts.length > 0 ? (
        <Table withTableBorder mb="xs" data-testid="issued-parts">
          <Table.Tbody>
            {wb.issuedParts.map((p) => (
              <Table.Tr key={p.movementId}>
                <Table.Td>{p.sku}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.qty}</Table.Td>
                <Table.Td>{p.serials.join(' ')}</Table.Td>
                <Table.Td>{p.removedSerial ?? ''}</Table.Td>
                <Table.Td>{formatInstant(p.at, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {working ? (
        <Stack gap="xs">
          <Group align="flex-end" gap="xs">
            <Select
              size="xs"
              w={260}
              label={t('ui.bench.repair.part')}
              data={partLines.map((l) => ({ value: l.partId!, label: `${l.sku ?? ''} ${l.description}` }))}
              value={partId}
              onChange={setPartId}
              data-testid="issue-part"
            />
            <TextInput size="xs" w={220} label={t('ui.bench.repair.serials')} value={serials} onChange={(e) => setSerials(e.currentTarget.value)} />
          </Group>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" label={t('ui.bench.repair.removedSerial')} value={removed.serial} onChange={(e) => setRemoved({ ...removed, serial: e.currentTarget.value })} data-testid="removed-serial" />
            <TextInput size="xs" label={t('ui.bench.repair.removedDesc')} value={removed.description} onChange={(e) => setRemoved({ ...removed, description: e.currentTarget.value })} />
            {isManager(user) ? <Checkbox size="xs" label={t('ui.bench.repair.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} /> : null}
            <Button
              size="xs"
              disabled={!partId}
              data-testid="issue-submit"
              onClick={() =>
                void run(() =>
                  api.call('bench.issuePart', {
                    ticketId,
                    partId: partId!,
                    qty: 1,
                    serials: serials.split(/\s+/).filter(Boolean),
                    override,
                    removed: removed.serial || removed.description ? removed : undefined,
                  }),
                ).then((ok) => ok && (setSerials(''), setRemoved({ serial: '', description: '' })))
              }
            >
              {t('ui.bench.repair.issue')}
            </Button>
          </Group>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" type="date" label={t('ui.bench.repair.expected')} value={expected} onChange={(e) => setExpected(e.currentTarget.value)} />
            <Button size="xs" variant="light" color="yellow" disabled={!expected} onClick={() => void run(() => api.call('bench.awaitParts', { ticketId, partId: partId ?? undefined, expectedDate: expected }))}>
              {t('ui.bench.repair.waitParts')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput size="xs" style={{ flex: 1 }} label={t('ui.bench.repair.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button size="xs" variant="light" disabled={!note.trim()} onClick={() => void run(() => api.call('bench.note', { ticketId, note })).then((ok) => ok && setNote(''))}>
          {t('ui.bench.repair.addNote')}
        </Button>
      </Group>
    </Paper>
  );
}

function QcCard({ wb, run, ticketId }: CardProps) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Record<string, 'pass' | 'fail' | 'na'>>({});
  const [data, setData] = useState<'preserved' | 'wiped'>('preserved');
  const [erase, setErase] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="sm" data-testid="qc-card">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.qc')}
      </Text>
      {wb.status === 'qc' ? (
        <Stack gap={6}>
          {wb.qcChecklist.map((k) => (
            <Group key={k} justify="space-between">
              <Text size="sm">{t(`ui.bench.qc.item.${k}`)}</Text>
              <SegmentedControl
                size="xs"
                data-testid={`qc-${k}`}
                value={items[k] ?? ''}
                onChange={(v) => setItems({ ...items, [k]: v as 'pass' })}
                data={[
                  { value: 'pass', label: t('ui.bench.qc.pass') },
                  { value: 'fail', label: t('ui.bench.qc.fail') },
                  { value: 'na', label: t('ui.bench.qc.na') },
                ]}
              />
            </Group>
          ))}
          <Group>
            <Text size="sm">{t('ui.bench.qc.data')}</Text>
            <SegmentedControl
              size="xs"
              value={data}
              onChange={(v) => setData(v as 'preserved')}
              data={[
                { value: 'preserved', label: t('ui.bench.qc.data.preserved') },
                { value: 'wiped', label: t('ui.bench.qc.data.wiped') },
              ]}
            />
          </Group>
          <Checkbox size="xs" label={t('ui.bench.qc.erasePasscode')} checked={erase} onChange={(e) => setErase(e.currentTarget.checked)} />
          {Object.values(items).includes('fail') ? <TextInput size="xs" label={t('ui.bench.qc.failReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
          <Group>
            <Button size="xs" data-testid="qc-submit" onClick={() => void run(() => api.call('bench.qc', { ticketId, items, data, erasePasscode: erase, failReason: reason }))}>
              {t('ui.bench.qc.submit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {wb.qc.length > 0 ? (
        <Stack gap={2} mt="xs">
          <Text size="xs" c="dimmed">
            {t('ui.bench.qc.history')}
          </Text>
          {wb.qc.map((r) => (
            <Text key={r.id} size="xs">
              {formatInstant(r.at, locale)} · {r.checkedByName} · {r.passed ? t('ui.bench.qc.pass') : `${t('ui.bench.qc.fail')}: ${r.failReason}`}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

/** The engine's refund as the card shows it: the invoice price inside the return window, else less depreciation. */
function refundText(t: (k: string, p?: Record<string, string | number>) => string, locale: Parameters<typeof money>[1], refundFen: number, depreciationFen: number, days: number) {
  return depreciationFen === 0
    ? t('ui.bench.sanbao.refundFull', { refund: money(refundFen, locale) })
    : t('ui.bench.sanbao.refund', { refund: money(refundFen, locale), depreciation: money(depreciationFen, locale), days });
}

function SanbaoCard({ wb, run, ticketId }: CardProps) {
  const { t, locale } = useI18n();
  const [price, setPrice] = useState<number | string>('');
  const [opts, setOpts] = useState<OutputOf<Procedures['bench.sanbao.options']> | null>(null);
  const [imei, setImei] = useState('');
  // What became of an exchange that is due (phone 第十九条, household 第十三条): the engine then opens a return.
  const [exchange, setExchange] = useState<'' | 'unavailable' | 'refused'>('');
  const { toast } = useErrorToast();
  if (wb.sanbao) {
    return (
      <Paper withBorder p="sm">
        <Text fw={600}>{t('ui.bench.section.sanbao')}</Text>
        <Text size="sm">
          {t('ui.bench.sanbao.done', { option: t(`ui.bench.sanbao.${wb.sanbao.option}`) })}
          {wb.sanbao.option === 'return'
            ? ` · ${refundText(t, locale, wb.sanbao.refundFen, wb.sanbao.depreciationFen, wb.sanbao.daysUsed)}`
            : ` · ${wb.sanbao.newImei ?? wb.sanbao.newSerial ?? ''} · ${wb.sanbao.exchangeDate ?? ''}`}
        </Text>
        {wb.sanbao.option === 'return' && wb.sanbao.refundFen > 0 ? (
          wb.sanbao.refundPaid ? (
            <Text size="sm" fw={600} c="teal.8" data-testid="sanbao-refund-paid">
              {t('ui.bench.sanbao.refundPaid', {
                amount: money(wb.sanbao.refundPaid.amountFen, locale),
                date: wb.sanbao.refundPaid.businessDate,
                tender: t(`collection.tender.${wb.sanbao.refundPaid.tender}`),
              })}
              {wb.sanbao.refundPaid.reference ? ` · ${wb.sanbao.refundPaid.reference}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="orange.8" data-testid="sanbao-refund-due">
              {t('ui.bench.sanbao.refundDue', { amount: money(wb.sanbao.refundFen, locale) })}
            </Text>
          )
        ) : null}
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.sanbao')}
      </Text>
      <Group align="flex-end" gap="xs">
        <NumberInput size="xs" w={140} label={t('ui.bench.sanbao.price')} min={0} decimalScale={2} value={price} onChange={setPrice} />
        <Select
          size="xs"
          w={200}
          label={t('ui.bench.sanbao.exchangeFact')}
          data-testid="sanbao-exchange-fact"
          data={(['', 'unavailable', 'refused'] as const).map((v) => ({ value: v, label: t(`ui.bench.sanbao.exchangeFact.${v || 'none'}`) }))}
          value={exchange}
          onChange={(v) => {
            setExchange((v ?? '') as typeof exchange);
            setOpts(null);
          }}
          allowDeselect={false}
        />
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void api
              .call('bench.sanbao.options', { ticketId, ...(price === '' ? {} : { purchasePriceFen: yuan(price) }), ...(exchange ? { exchange } : {}) })
              .then(setOpts)
              .catch(toast)
          }
        >
          {t('ui.bench.sanbao.check')}
        </Button>
      </Group>
      {opts ? (
        <Stack gap={4} mt="xs">
          {opts.options.map((o) => (
            <Group key={`${o.option}:${o.part ?? ''}`} justify="space-between">
              <div>
                <Text size="sm" fw={600}>
                  {o.part ? t('ui.bench.sanbao.accessoryReturn', { part: o.partName ?? o.part }) : t(`ui.bench.sanbao.${o.option}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.reasons.join(' ')}
                </Text>
                {o.refundFen !== null ? (
                  <Text size="xs" data-testid={`sanbao-refund-${o.option}`}>
                    {refundText(t, locale, o.refundFen, o.depreciationFen ?? 0, o.daysUsed ?? 0)}
                  </Text>
                ) : null}
              </div>
              {(o.option === 'exchange' || o.option === 'return') && !o.part ? (
                <Group gap="xs" align="flex-end">
                  {o.option === 'exchange' ? <TextInput size="xs" w={160} placeholder={t('ui.bench.sanbao.newImei')} value={imei} onChange={(e) => setImei(e.currentTarget.value)} /> : null}
                  <Button
                    size="xs"
                    color="grape"
                    disabled={price === ''}
                    onClick={() =>
                      void run((approval) =>
                        api.call('bench.sanbao.decide', { ticketId, option: o.option as 'exchange', purchasePriceFen: yuan(price), ...(o.option === 'exchange' ? { newImei: imei } : {}), ...(exchange ? { exchange } : {}), approval }),
                      )
                    }
                  >
                    {t('ui.bench.sanbao.decide')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

export function notifySaved(t: (k: string) => string) {
  notifications.show({ message: t('ui.bench.saved'), color: 'green' });
}
