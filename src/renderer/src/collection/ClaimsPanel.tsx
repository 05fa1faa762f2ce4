import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { CLAIM_PAYERS, CLAIM_STATUSES, type Claim, type ClaimPayer, type ClaimStatus } from '../../../shared/collection/schemas';
import { api } from '../api/client';
import { useCall, useInvalidateAfter } from '../data/calls';
import { useSession } from '../app/session';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { printAndShow } from '../printing/printService';
import { money, toFen } from './format';
import { saveBase64 } from '../../../ui/save-file';
import { EmptyState } from '../components/EmptyState';

const COLORS: Record<ClaimStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal', rejected: 'red', paid: 'green' };

/** Warranty claims (保修索赔) by payer and month: status along the way, reconciliation, export and print. */
export function ClaimsPanel() {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const manager = user.role === 'manager' || user.role === 'admin';
  // An enrolled shop's claims are decided and paid at head office: the shop submits, corrects and resubmits.
  const enrolled = shop?.settings.enrolled ?? false;
  const [payer, setPayer] = useState<ClaimPayer>('maker');
  const [period, setPeriod] = useState(new Date().toISOString().slice(0, 7));
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const claims = useCall('claims.list', { payer, ...(/^\d{4}-\d{2}$/.test(period) ? { period } : {}), ...(status ? { status } : {}) }, { keepPrevious: true }).data ?? [];
  const invalidate = useInvalidateAfter();
  const fmt = (f: number | null) => (f === null ? '—' : money(f, locale, shop?.settings.currency));


  const move = async (c: Claim, to: 'submitted' | 'approved' | 'rejected' | 'paid') => {
    let extra: Record<string, unknown> = {};
    if (to === 'approved' || to === 'paid') {
      const v = window.prompt(t('ui.claims.amountPrompt'), String(((to === 'paid' ? (c.approvedFen ?? c.claimedFen) : c.claimedFen) / 100).toFixed(2)));
      if (v === null) return;
      extra = to === 'approved' ? { approvedFen: toFen(v) } : { paidFen: toFen(v) };
    }
    if (to === 'submitted' && c.status === 'rejected') {
      const r = window.prompt(t('ui.claims.correctionPrompt'));
      if (r === null) return;
      extra = { reason: r };
    }
    if (to === 'rejected') {
      const r = window.prompt(t('ui.collection.reason'));
      if (!r) return;
      extra = { reason: r };
    }
    try {
      await api.call('claims.setStatus', { claimId: c.id, status: to, ...extra });
      await invalidate('claims.setStatus');
    } catch (e) {
      toast(e);
    }
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const r = await api.call('claims.export', { payer, period, format });
      saveBase64(r.fileName, r.mimeType, r.base64);
    } catch (e) {
      toast(e);
    }
  };
  const print = async () => {
    try {
      await printAndShow('claim_batch', `${payer}:${period}`);
    } catch (e) {
      toast(e);
    }
  };

  return (
    <Stack gap="sm" data-testid="claims-panel">
      <Group align="flex-end">
        <Select label={t('ui.claims.payer')} data={CLAIM_PAYERS.map((p) => ({ value: p, label: t(`bench.payer.${p}`) }))} value={payer} onChange={(v) => v && setPayer(v as ClaimPayer)} allowDeselect={false} w={170} />
        <TextInput label={t('ui.claims.period')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} w={110} />
        <Select
          label={t('ui.claims.status')}
          data={[{ value: '', label: t('ui.claims.all') }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`collection.claimStatus.${s}`) }))]}
          value={status}
          onChange={(v) => setStatus((v ?? '') as ClaimStatus | '')}
          w={130}
        />
        <Button variant="default" onClick={() => void exportAs('csv')}>
          {t('ui.claims.exportCsv')}
        </Button>
        <Button variant="default" onClick={() => void exportAs('xlsx')}>
          {t('ui.claims.exportXlsx')}
        </Button>
        <Button variant="default" onClick={() => void print()}>
          {t('ui.claims.print')}
        </Button>
      </Group>
      {enrolled ? <Alert color="blue" data-testid="claims-hq-decides">{t('ui.claims.hqDecides')}</Alert> : null}
      {claims.length === 0 ? (
        <EmptyState what={t('ui.claims.empty')} next={t('ui.claims.emptyNext')} testId="claims-empty" />
      ) : (
        <Table striped withTableBorder fz="sm" data-testid="claims-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.claims.number')}</Table.Th>
              <Table.Th>{t('ui.claims.ticket')}</Table.Th>
              <Table.Th>{t('ui.claims.lines')}</Table.Th>
              <Table.Th ta="right">{t('ui.claims.claimed')}</Table.Th>
              <Table.Th ta="right">{t('ui.claims.approved')}</Table.Th>
              <Table.Th ta="right">{t('ui.claims.paidAmt')}</Table.Th>
              <Table.Th ta="right">{t('ui.claims.difference')}</Table.Th>
              <Table.Th>{t('ui.claims.status')}</Table.Th>
              {manager ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td ff="monospace">{c.number}</Table.Td>
                <Table.Td>
                  {c.ticketNumber}
                  <Text size="xs" c="dimmed">
                    {c.device} {c.imei ?? c.serial ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.lines.map((l) => (
                    <Text size="xs" key={l.id}>
                      {l.description} ×{l.qty} {fmt(l.amountFen)}
                      {l.newSerials.length ? ` · ${l.newSerials.join(',')}` : ''}
                      {l.removedSerial ? ` ← ${l.removedSerial}` : ''}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td ta="right">{fmt(c.claimedFen)}</Table.Td>
                <Table.Td ta="right">{fmt(c.approvedFen)}</Table.Td>
                <Table.Td ta="right">{fmt(c.paidFen)}</Table.Td>
                <Table.Td ta="right" c={c.differenceFen ? 'red' : undefined}>
                  {fmt(c.differenceFen)}
                </Table.Td>
                <Table.Td>
                  <Badge color={COLORS[c.status]} variant="light" tt="none">
                    {c.status === 'rejected' && c.review?.decision === 'returned' ? t('ui.claims.returned') : t(`collection.claimStatus.${c.status}`)}
                  </Badge>
                  {c.rejectReason ? <Text size="xs">{c.rejectReason}</Text> : null}
                  {c.status === 'rejected' && c.review?.correctBy ? (
                    <Text size="xs" c="orange.8">
                      {t('ui.claims.correctBy', { date: c.review.correctBy })}
                    </Text>
                  ) : null}
                  {c.review ? (
                    <Text size="xs" c="dimmed">
                      {t('ui.claims.reviewedBy', { name: c.review.reviewer, at: c.review.decidedAt.slice(0, 10) })}
                      {c.review.reference ? ` · ${c.review.reference}` : ''}
                    </Text>
                  ) : null}
                </Table.Td>
                {manager ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {c.status === 'draft' || c.status === 'rejected' ? (
                        <Button size="compact-xs" onClick={() => void move(c, 'submitted')}>
                          {c.status === 'rejected' ? t('ui.claims.resubmit') : t('ui.claims.submit')}
                        </Button>
                      ) : null}
                      {c.status === 'submitted' && !enrolled ? (
                        <Button size="compact-xs" color="teal" onClick={() => void move(c, 'approved')}>
                          {t('ui.claims.approve')}
                        </Button>
                      ) : null}
                      {c.status === 'approved' && !enrolled ? (
                        <Button size="compact-xs" color="green" onClick={() => void move(c, 'paid')}>
                          {t('ui.claims.markPaid')}
                        </Button>
                      ) : null}
                      {/* the maker refuses what was sent to it: a draft is not refused, it is edited or left */}
                      {(c.status === 'submitted' || c.status === 'approved') && !enrolled ? (
                        <Button size="compact-xs" color="red" variant="light" onClick={() => void move(c, 'rejected')}>
                          {t('ui.claims.reject')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
