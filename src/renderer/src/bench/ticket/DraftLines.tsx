import { Fragment, type ReactNode } from 'react';
import { Button, Checkbox, Group, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../../stock/format';
import type { DraftLine } from './draft';

type Props = { lines: DraftLine[]; onChange(lines: DraftLine[]): void; warrantyParts: { value: string; label: string }[]; errors?: Record<string, ReactNode> };

/**
 * The lines of the quote being edited: quantity, which warranty part each concerns, removal;
 * a custom line can be marked covered by the ticket's decision, with the reason it is. `errors`
 * are the quote's by input path (`lines.1.coverReason`): each shows at its line.
 */
export function DraftLines({ lines, onChange, warrantyParts, errors = {} }: Props) {
  const { t, locale } = useI18n();
  const edit = (i: number, patch: Partial<DraftLine>) => onChange(lines.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const at = (i: number, field: string) => errors[`lines.${i}.${field}`];
  // what the line's own inputs do not show (its quantity, its price, its part) is said under its name
  const others = (i: number) => Object.entries(errors).filter(([k]) => k.startsWith(`lines.${i}.`) && !/\.(covered|coverReason)$/.test(k));
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
                {others(i).map(([k, message]) => (
                  <Text key={k} size="xs" c="red">
                    {message}
                  </Text>
                ))}
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
                      error={at(i, 'covered')}
                      data-testid={`line-covered-${i}`}
                    />
                    {l.covered ? (
                      <TextInput
                        size="xs"
                        w={240}
                        placeholder={t('ui.bench.quote.coverReason')}
                        aria-label={t('ui.bench.quote.coverReason')}
                        value={l.coverReason ?? ''}
                        error={at(i, 'coverReason') ?? !l.coverReason?.trim()}
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
