import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { isManager, useSession } from '../../app/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';
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
              onClick={() =>
                void issuePart({
                  partId: partId!,
                  qty: 1,
                  serials: serials.split(/\s+/).filter(Boolean),
                  override,
                  removed: removed.serial || removed.description ? removed : undefined,
                }).then((ok) => ok && (setSerials(''), setRemoved({ serial: '', description: '' })))
              }
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

