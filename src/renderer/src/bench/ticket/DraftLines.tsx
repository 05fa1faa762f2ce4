import { Fragment } from 'react';
import { Button, Checkbox, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../../stock/format';
import type { DraftLine } from './draft';

/**
 * The lines of the quote being edited: quantity, which warranty part each concerns, removal;
 * a custom line can be marked covered by the ticket's decision, with the reason it is.
 */
export function DraftLines({ lines, onChange, warrantyParts }: { lines: DraftLine[]; onChange(lines: DraftLine[]): void; warrantyParts: { value: string; label: string }[] }) {
  const { t, locale } = useI18n();
  const edit = (i: number, patch: Partial<DraftLine>) => onChange(lines.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
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
                <NumberInput size="xs" min={1} value={l.qty} onChange={(v) => edit(i, { qty: Number(v) || 1 })} aria-label={t('ui.bench.quote.qty')} />
              </Table.Td>
              <Table.Td w={100} ta="right">{money(l.unitPriceFen * l.qty, locale)}</Table.Td>
              <Table.Td w={140}>
                <Select size="xs" data={warrantyParts} value={l.warrantyPart ?? ''} onChange={(v) => edit(i, { warrantyPart: v || null })} allowDeselect={false} aria-label={t('ui.bench.quote.warrantyPart')} />
              </Table.Td>
              <Table.Td w={60}>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
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
                      onChange={(e) => edit(i, { covered: e.currentTarget.checked })}
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
                        onChange={(e) => edit(i, { coverReason: e.currentTarget.value })}
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
  );
}
