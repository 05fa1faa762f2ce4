import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { cashDifference } from '../../../shared/collection/rules';
import { api } from '../api/client';
import { callKey, useCall, useInvalidateAfter } from '../data/calls';
import { useSession } from '../app/session';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { printAndShow } from '../printing/printService';
import { money, toFen } from './format';
import { TillCard } from './TillCard';

/** The daily close (日结): the day by tender, expected against counted cash, close and lock, print. */
export function DailyClosePanel() {
  const { t, locale, colon } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const manager = user.role === 'manager' || user.role === 'admin';
  const [scope, setScope] = useState<'shop' | 'user'>(manager ? 'shop' : 'user');
  const [date, setDate] = useState('');
  const [counted, setCounted] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const fmt = (f: number) => money(f, locale, shop?.settings.currency);

  // No date typed yet: the backend's business day (shown in the field once it answered).
  const viewInput = { ...(date ? { date } : {}), scope, ...(scope === 'user' ? { userId: user.id } : {}) };
  const view = useCall('dailyClose.get', viewInput, { keepPrevious: true }).data ?? null;
  const history = useCall('dailyClose.list', { limit: 20 }).data ?? [];
  const client = useQueryClient();
  const invalidate = useInvalidateAfter();

  const close = async () => {
    if (!view) return;
    setErrors({});
    try {
      client.setQueryData(callKey('dailyClose.get', viewInput), await api.call('dailyClose.close', { date: view.date, scope, countedCashFen: toFen(counted) ?? 0, reason }));
      await invalidate('dailyClose.close');
    } catch (e) {
      const f = fieldErrorsOf(e);
      setErrors(f);
      if (!Object.keys(f).length) toast(e);
    }
  };
  const print = async () => {
    if (!view) return;
    try {
      await printAndShow('daily_close', scope === 'shop' ? view.date : `${view.date}:${user.id}`);
    } catch (e) {
      toast(e);
    }
  };

  const diff = view && counted !== '' ? cashDifference(view.cash.expectedFen, toFen(counted) ?? 0) : null;
  return (
    <Stack gap="sm" data-testid="daily-close">
      <Group align="flex-end">
        <TextInput label={t('ui.close.date')} value={date || (view?.date ?? '')} onChange={(e) => setDate(e.currentTarget.value)} w={150} placeholder="YYYY-MM-DD" />
        {manager ? (
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as 'shop' | 'user')}
            data={[
              { value: 'shop', label: t('ui.close.scopeShop') },
              { value: 'user', label: t('ui.close.scopeMine') },
            ]}
          />
        ) : null}
        <Button variant="default" onClick={() => void print()} data-testid="daily-close-print">
          {t('ui.close.print')}
        </Button>
      </Group>
      {view ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md">
            <Table fz="sm" data-testid="daily-close-tenders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.close.tender')}</Table.Th>
                  <Table.Th ta="right">{t('ui.close.count')}</Table.Th>
                  <Table.Th ta="right">{t('ui.close.in')}</Table.Th>
                  <Table.Th ta="right">{t('ui.close.out')}</Table.Th>
                  <Table.Th ta="right">{t('ui.close.net')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.figures.byTender.map((x) => (
                  <Table.Tr key={x.tender}>
                    <Table.Td>{t(`collection.tender.${x.tender}`)}</Table.Td>
                    <Table.Td ta="right">{x.count}</Table.Td>
                    <Table.Td ta="right">{fmt(x.inFen)}</Table.Td>
                    <Table.Td ta="right">{fmt(x.outFen)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {fmt(x.netFen)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table fz="sm" mt="sm">
              <Table.Tbody>
                {(
                  [
                    ['ui.close.sales', view.figures.salesFen],
                    ['ui.close.depositsTaken', view.figures.depositsTakenFen],
                    ['ui.close.depositsApplied', view.depositsAppliedFen],
                    ['ui.close.refunds', 0 - view.figures.refundsFen || 0],
                    ['ui.close.voids', 0 - view.figures.voidsFen || 0],
                    ['ui.close.netTaken', view.figures.netFen],
                  ] as const
                ).map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Td fw={k === 'ui.close.netTaken' ? 700 : 400}>{t(k)}</Table.Td>
                    <Table.Td ta="right" fw={k === 'ui.close.netTaken' ? 700 : 400}>
                      {fmt(v)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed" mt="xs">
              {t('ui.close.tickets', view.tickets)}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <TillCard view={view} />
            <Text size="lg" fw={700} mt="sm" data-testid="daily-close-expected">
              {t('ui.close.expected')}{colon}{fmt(view.cash.expectedFen)}
            </Text>
            {view.close ? (
              <Alert color="teal" mt="sm" data-testid="daily-close-closed">
                {t('ui.close.closed', { by: view.close.closedByName ?? '—', at: formatInstant(view.close.closedAt, locale, shop?.settings.timeZone) })}
                <br />
                {t('ui.close.counted')}{colon}{fmt(view.close.countedCashFen)} · {t('ui.close.difference')}{colon}{fmt(view.close.differenceFen)} {view.close.reason ? `· ${view.close.reason}` : ''}
              </Alert>
            ) : (
              <Stack gap="xs" mt="sm">
                <NumberInput label={t('ui.close.counted')} value={counted} onChange={(v) => setCounted(v === '' ? '' : Number(v))} min={0} decimalScale={2} data-testid="daily-close-counted" />
                {diff ? (
                  <Text c={diff.differenceFen === 0 ? 'teal' : 'red'} fw={600}>
                    {t('ui.close.difference')}{colon}{fmt(diff.differenceFen)}
                  </Text>
                ) : null}
                <TextInput label={t('ui.close.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid="daily-close-reason" />
                <Button onClick={() => void close()} disabled={counted === ''} data-testid="daily-close-submit">
                  {scope === 'shop' ? t('ui.close.close') : t('ui.close.closeMine')}
                </Button>
              </Stack>
            )}
            {view.locked ? (
              <Alert color="gray" mt="sm">
                {t('ui.close.locked')}
              </Alert>
            ) : null}
            {history.length ? (
              <>
                <Text fw={600} size="sm" mt="md">
                  {t('ui.close.history')}
                </Text>
                <Table fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ui.close.date')}</Table.Th>
                      <Table.Th>{t('ui.close.col.drawer')}</Table.Th>
                      <Table.Th ta="right">{t('ui.close.col.counted')}</Table.Th>
                      <Table.Th ta="right">{t('ui.close.difference')}</Table.Th>
                      <Table.Th>{t('ui.close.col.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.map((h) => (
                      <Table.Tr key={h.id}>
                        <Table.Td>{h.date}</Table.Td>
                        <Table.Td>{h.scope === 'shop' ? t('ui.close.scopeShop') : (h.userName ?? '')}</Table.Td>
                        <Table.Td ta="right">{fmt(h.countedCashFen)}</Table.Td>
                        <Table.Td ta="right" c={h.differenceFen ? 'red' : undefined}>
                          {fmt(h.differenceFen)}
                        </Table.Td>
                        <Table.Td>{h.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            ) : null}
          </Paper>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
