import { useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { isManager, useSession } from '../../app/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';
import { useFetchCall } from '../../data/calls';
import { useBarcodeScanner } from '../../hooks/useBarcodeScanner';
import { useErrorToast } from '../../hooks/useErrorToast';
import { useAddNote, useAwaitParts, useIssuePart } from './actions';
import type { CardProps } from './types';

/** The repair: parts issued to the ticket (with the removed part's serial), waiting for parts, work notes. */
export function RepairCard({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const issuePart = useIssuePart();
  const awaitParts = useAwaitParts();
  const addNote = useAddNote();
  const partLines = useMemo(() => (wb.quote.current?.lines ?? []).filter((l) => l.partId), [wb.quote.current]);
  const [partId, setPartId] = useState<string | null>(partLines[0]?.partId ?? null);
  const [serials, setSerials] = useState('');
  const [removed, setRemoved] = useState({ serial: '', description: '' });
  const [override, setOverride] = useState(false);
  const [expected, setExpected] = useState('');
  const [note, setNote] = useState('');
  const working = wb.status === 'repairing';
  const issue = (id: string, serialList: string[]) =>
    issuePart({ partId: id, qty: 1, serials: serialList, override, removed: removed.serial || removed.description ? removed : undefined }).then(
      (ok) => ok && (setSerials(''), setRemoved({ serial: '', description: '' })),
    );

  // The part taken from the bin, scanned (its barcode, SKU or the serial on it) or typed + Enter: issued
  // at once, the scanned serial with it; the removed part's serial, typed first, goes along.
  const scanRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const fetchCall = useFetchCall();
  const { toast } = useErrorToast();
  const issueCode = (raw: string) => {
    const c = raw.trim();
    setCode('');
    if (!c) return;
    fetchCall('parts.byCode', { code: c }).then((p) => void issue(p.id, p.matchedSerial ? [p.matchedSerial] : []), toast);
  };
  useBarcodeScanner((scanned, info) => info.target === scanRef.current && issueCode(scanned));
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
          <TextInput
            ref={scanRef}
            size="xs"
            w={360}
            label={t('ui.bench.repair.scanPart')}
            placeholder={t('ui.bench.repair.scanPartHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && issueCode(code)}
            data-testid="issue-scan"
            data-scan="text"
            autoComplete="off"
          />
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
            <TextInput size="xs" w={220} label={t('ui.bench.repair.serials')} value={serials} onChange={(e) => setSerials(e.currentTarget.value)} data-scan="text" />
          </Group>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" label={t('ui.bench.repair.removedSerial')} value={removed.serial} onChange={(e) => setRemoved({ ...removed, serial: e.currentTarget.value })} data-testid="removed-serial" data-scan="text" />
            <TextInput size="xs" label={t('ui.bench.repair.removedDesc')} value={removed.description} onChange={(e) => setRemoved({ ...removed, description: e.currentTarget.value })} />
            {isManager(user) ? <Checkbox size="xs" label={t('ui.bench.repair.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} /> : null}
            <Button
              size="xs"
              disabled={!partId}
              data-testid="issue-submit"
              onClick={() => void issue(partId!, serials.split(/\s+/).filter(Boolean))}
            >
              {t('ui.bench.repair.issue')}
            </Button>
          </Group>
          <Group align="flex-end" gap="xs">
            <TextInput size="xs" type="date" label={t('ui.bench.repair.expected')} value={expected} onChange={(e) => setExpected(e.currentTarget.value)} />
            <Button size="xs" variant="light" color="yellow" disabled={!expected} onClick={() => void awaitParts({ partId: partId ?? undefined, expectedDate: expected })}>
              {t('ui.bench.repair.waitParts')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput size="xs" style={{ flex: 1 }} label={t('ui.bench.repair.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button size="xs" variant="light" disabled={!note.trim()} onClick={() => void addNote({ note }).then((ok) => ok && setNote(''))}>
          {t('ui.bench.repair.addNote')}
        </Button>
      </Group>
    </Paper>
  );
}

