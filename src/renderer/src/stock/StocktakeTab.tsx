import { useEffect, useState, type KeyboardEvent } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import type { Stocktake } from '../../../shared/stock/schemas';
import { api } from '../api/client';
import { useCall, useInvalidateAfter } from '../data/calls';
import { isManager, useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { money, partName, signed } from './format';

/** Stocktake (盘点): start a session over some bins, count by scan or by typing, review variances, post. */
export function StocktakeTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop } = useSession();
  const list = useCall('stocktake.list', {}).data ?? [];
  const invalidate = useInvalidateAfter();
  const [openId, setOpenId] = useState<string | null>(null);
  const [bins, setBins] = useState('');
  const [note, setNote] = useState('');

  const start = async () => {
    try {
      const binList = bins.split(/[,，\s]+/).map((b) => b.trim()).filter(Boolean);
      const st = await api.call('stocktake.start', { note, ...(binList.length ? { bins: binList } : {}) });
      setOpenId(st.id);
      void invalidate('stocktake.start');
    } catch (err) {
      toast(err);
    }
  };

  if (openId) return <StocktakeSession id={openId} onBack={() => setOpenId(null)} />;
  return (
    <>
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end">
          <TextInput label={t('ui.stock.stocktake.bins')} description={t('ui.stock.stocktake.binsHint')} value={bins} onChange={(e) => setBins(e.currentTarget.value)} data-testid="stocktake-bins" />
          <TextInput label={t('ui.stock.stocktake.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button onClick={() => void start()} data-testid="stocktake-start">
            {t('ui.stock.stocktake.start')}
          </Button>
        </Group>
      </Paper>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.stock.stocktake.number')}</Table.Th>
            <Table.Th>{t('ui.stock.status')}</Table.Th>
            <Table.Th>{t('ui.stock.stocktake.bins')}</Table.Th>
            <Table.Th>{t('ui.stock.stocktake.progress')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.stocktake.varianceValue')}</Table.Th>
            <Table.Th>{t('ui.stock.col.when')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((s) => (
            <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(s.id)}>
              <Table.Td>{s.number}</Table.Td>
              <Table.Td>
                <StatusBadge status={s.status} />
              </Table.Td>
              <Table.Td>{s.bins?.join(', ') ?? t('ui.stock.stocktake.allBins')}</Table.Td>
              <Table.Td>{t('ui.stock.stocktake.countedOf', { n: s.totals.counted, of: s.totals.lines })}</Table.Td>
              <Table.Td ta="right">{money(s.totals.value, locale)}</Table.Td>
              <Table.Td>{formatInstant(s.createdAt, locale, shop?.settings.timeZone)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function StatusBadge({ status }: { status: Stocktake['status'] }) {
  const t = useI18n().t;
  return (
    <Badge variant="light" color={status === 'counting' ? 'blue' : status === 'posted' ? 'teal' : 'gray'}>
      {t(`ui.stock.stocktake.status.${status}`)}
    </Badge>
  );
}

function StocktakeSession({ id, onBack }: { id: string; onBack(): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { user } = useSession();
  const [bin, setBin] = useState<string | null>(null);
  const [onlyVariances, setOnlyVariances] = useState(false);
  const [code, setCode] = useState('');
  const session = useCall('stocktake.get', { id, onlyVariances, ...(bin !== null ? { bin } : {}) }, { keepPrevious: true }).data;
  const invalidate = useInvalidateAfter();
  const st = session?.stocktake ?? null;
  const lines = session?.lines ?? [];
  const bins = session?.bins ?? [];
  const counting = st?.status === 'counting';

  const count = async (input: { partId?: string; code?: string; mode: 'add' | 'set'; qty: number }) => {
    try {
      await api.call('stocktake.count', { stocktakeId: id, ...input });
      await invalidate('stocktake.count');
      return true;
    } catch (err) {
      toast(err);
      return false;
    }
  };
  // The scanner types the code and Enter into this scan field, as a person would.
  const onScanKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !code.trim()) return;
    if (await count({ code: code.trim(), mode: 'add', qty: 1 })) setCode('');
  };
  const post = async () => {
    try {
      await api.call('stocktake.post', { id });
      showSuccessToast(t('ui.stock.stocktake.posted'));
      await invalidate('stocktake.post');
    } catch (err) {
      toast(err);
    }
  };
  const cancel = async () => {
    try {
      await api.call('stocktake.cancel', { id });
      await invalidate('stocktake.cancel');
    } catch (err) {
      toast(err);
    }
  };
  if (!st) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group>
          <Button variant="subtle" onClick={onBack}>
            ← {t('ui.stock.stocktake.back')}
          </Button>
          <Text fw={700}>{st.number}</Text>
          <StatusBadge status={st.status} />
        </Group>
        {counting && isManager(user) ? (
          <Group>
            <Button color="gray" variant="default" onClick={() => void cancel()}>
              {t('ui.stock.stocktake.cancel')}
            </Button>
            <Button color="teal" onClick={() => void post()} data-testid="stocktake-post">
              {t('ui.stock.stocktake.post')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('ui.stock.stocktake.progress')}</Text>
          <Text fw={700} data-testid="stocktake-progress">{t('ui.stock.stocktake.countedOf', { n: st.totals.counted, of: st.totals.lines })}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('ui.stock.stocktake.short')}</Text>
          <Text fw={700} c={st.totals.shortQty ? 'red' : undefined}>{st.totals.shortQty}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('ui.stock.stocktake.over')}</Text>
          <Text fw={700}>{st.totals.overQty}</Text>
        </Paper>
        <Paper withBorder p="xs">
          <Text size="xs" c="dimmed">{t('ui.stock.stocktake.varianceValue')}</Text>
          <Text fw={700} c={st.totals.value < 0 ? 'red' : undefined} data-testid="stocktake-value">{money(st.totals.value, locale)}</Text>
        </Paper>
      </SimpleGrid>
      <Group mb="sm" align="flex-end">
        <Select
          label={t('ui.stock.col.bin')}
          data={[{ value: '*', label: t('ui.stock.stocktake.allBins') }, ...bins.map((b) => ({ value: b || '-', label: b || t('ui.stock.stocktake.noBin') }))]}
          value={bin === null ? '*' : bin || '-'}
          onChange={(v) => setBin(v === '*' || v === null ? null : v === '-' ? '' : v)}
          allowDeselect={false}
          w={180}
          data-testid="stocktake-bin"
        />
        {counting ? (
          <TextInput
            label={t('ui.stock.stocktake.scan')}
            placeholder={t('ui.stock.stocktake.scanHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => void onScanKey(e)}
            w={300}
            data-testid="stocktake-scan"
            data-scan="enter"
          />
        ) : null}
        <Button variant={onlyVariances ? 'filled' : 'default'} onClick={() => setOnlyVariances((v) => !v)}>
          {t('ui.stock.stocktake.onlyVariances')}
        </Button>
      </Group>
      <Table striped withTableBorder data-testid="stocktake-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.stock.col.bin')}</Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th>{t('ui.stock.col.name')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.stocktake.expected')}</Table.Th>
            <Table.Th w={130}>{t('ui.stock.stocktake.counted')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.stocktake.variance')}</Table.Th>
            <Table.Th ta="right">{t('ui.stock.stocktake.varianceValue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.partId} data-testid={`stocktake-line-${l.sku}`}>
              <Table.Td>{l.bin || '—'}</Table.Td>
              <Table.Td ff="monospace">{l.sku}</Table.Td>
              <Table.Td>{partName(l, locale)}</Table.Td>
              <Table.Td ta="right">{l.expected}</Table.Td>
              <Table.Td>
                {counting ? (
                  <CountInput value={l.counted} label={`${l.sku} ${t('ui.stock.stocktake.counted')}`} onCommit={(qty) => void count({ partId: l.partId, mode: 'set', qty })} />
                ) : (
                  (l.counted ?? '—')
                )}
              </Table.Td>
              <Table.Td ta="right" c={l.varianceQty < 0 ? 'red' : l.varianceQty > 0 ? 'teal' : undefined} fw={l.varianceQty ? 700 : undefined}>
                {l.counted === null ? '' : signed(l.varianceQty)}
              </Table.Td>
              <Table.Td ta="right">{l.counted === null ? '' : money(l.varianceValue, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** A typed count, saved on Enter or when leaving the field. */
function CountInput({ value, label, onCommit }: { value: number | null; label: string; onCommit(qty: number): void }) {
  const [v, setV] = useState<number | string>(value ?? '');
  useEffect(() => setV(value ?? ''), [value]);
  const commit = () => {
    if (v === '' || v === value) return;
    onCommit(Number(v));
  };
  return (
    <NumberInput
      size="xs"
      aria-label={label}
      value={v}
      onChange={setV}
      min={0}
      allowDecimal={false}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
