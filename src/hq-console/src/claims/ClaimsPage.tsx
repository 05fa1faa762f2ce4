import { useState } from 'react';
import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { REVIEW_STATES, type ReviewState } from '../../../shared/hq-console/claims';
import { CLAIM_PAYERS, type ClaimPayer } from '../../../shared/collection/schemas';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { ClaimDrawer } from './ClaimDrawer';
import { STATE_COLOR, fen } from './format';

/** The review queue: every shop's submitted claims, what waits for head office first; a row opens the claim. */
export function ClaimsPage() {
  const { t, locale } = useI18n();
  const [state, setState] = useState<ReviewState | ''>('');
  const [payer, setPayer] = useState<ClaimPayer | ''>('');
  const [shopId, setShopId] = useState('');
  const [period, setPeriod] = useState('');
  const [open, setOpen] = useState<{ shopId: string; claimId: string } | null>(null);
  const shops = useConsole('claims.reconcile', {}).data?.rows ?? [];
  const shopOptions = [...new Map(shops.map((r) => [r.shopId, `${r.shopCode} ${r.shopName}`])).entries()].map(([value, label]) => ({ value, label }));
  const input = { ...(state ? { state } : {}), ...(payer ? { payer } : {}), ...(shopId ? { shopId } : {}), ...(/^\d{4}-\d{2}$/.test(period) ? { period } : {}) };
  const res = useConsole('claims.queue', input);
  const list = res.data?.claims ?? [];
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.claims')}</Title>
      <Group align="flex-end">
        <Select label={t('ui.hq.claims.filter.state')} w={170} value={state} onChange={(v) => setState((v ?? '') as ReviewState | '')} data={[{ value: '', label: t('ui.hq.claims.filter.waiting') }, ...REVIEW_STATES.map((s) => ({ value: s, label: t(`ui.hq.claims.state.${s}`) }))]} data-testid="claims-state" />
        <Select label={t('ui.hq.claims.filter.shop')} w={200} value={shopId} onChange={(v) => setShopId(v ?? '')} data={[{ value: '', label: t('ui.hq.claims.filter.allShops') }, ...shopOptions]} />
        <Select label={t('ui.hq.claims.filter.payer')} w={170} value={payer} onChange={(v) => setPayer((v ?? '') as ClaimPayer | '')} data={[{ value: '', label: t('ui.hq.claims.filter.allPayers') }, ...CLAIM_PAYERS.map((p) => ({ value: p, label: t(`bench.payer.${p}`) }))]} />
        <TextInput label={t('ui.hq.claims.filter.period')} placeholder="2026-11" w={110} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
      </Group>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && list.length === 0 ? <Alert color="blue">{t('ui.hq.claims.empty')}</Alert> : null}
      {list.length > 0 ? (
        <Table striped highlightOnHover data-testid="claims-queue">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'number', 'device', 'payer', 'claimed', 'approved', 'state'].map((c) => (
                <Table.Th key={c} ta={c === 'claimed' || c === 'approved' ? 'right' : undefined}>
                  {t(`ui.hq.claims.col.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((c) => (
              <Table.Tr key={`${c.shopId}/${c.claimId}`} data-claim={c.number} style={{ cursor: 'pointer' }} onClick={() => setOpen({ shopId: c.shopId, claimId: c.claimId })}>
                <Table.Td>
                  <Text fw={600}>{c.shopCode}</Text>
                  <Text size="xs" c="dimmed">
                    {c.shopName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {c.number}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.ticketNumber} · {c.submittedAt ? formatInstant(c.submittedAt, locale) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{c.device}</Table.Td>
                <Table.Td>{t(`bench.payer.${c.payer}`)}</Table.Td>
                <Table.Td ta="right">{fen(c.claimedFen, locale)}</Table.Td>
                <Table.Td ta="right">{fen(c.approvedFen, locale)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[c.state]} variant="light">
                    {t(`ui.hq.claims.state.${c.state}`)}
                  </Badge>
                  {!c.shopApplied ? (
                    <Text size="xs" c="dimmed">
                      {t('ui.hq.claims.notPulled')}
                    </Text>
                  ) : null}
                  {c.correctBy ? (
                    <Text size="xs" c="orange.8">
                      {t('ui.hq.claims.correctBy', { date: c.correctBy })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ClaimDrawer target={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
