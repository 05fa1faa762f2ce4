import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { procedures } from '../../../../shared/api/procedures';
import { useContractForm } from '../../forms/useContractForm';
import { useI18n } from '../../i18n/I18nProvider';
import { useBenchContext } from './BenchContext';
import { useSaveQuote } from './actions';
import { DraftLines } from './DraftLines';
import { draftOf, saveLinesOf, type DraftLine } from './draft';
import { LineAdders } from './LineAdders';
import { yuan, type CardProps } from './types';
import { onCtrlEnter } from './keys';

interface QuoteValues extends Record<string, unknown> {
  lines: DraftLine[];
  discount: number | string;
  discountReason: string;
  estimated: string;
}

/** Where an error of `bench.quote.save` shows in the editor: the discount in yuan, the date, a line's field. */
const quoteField = (path: string) => (path === 'discountFen' ? 'discount' : path === 'estimatedCompletion' ? 'estimated' : path);

/**
 * A new version of the quote, started from the saved one: lines, discount, estimated completion;
 * saved, or saved and sent for approval. Its rules are `bench.quote.save`'s schema (a covered
 * line needs its reason …), and the server's refusals land on the line and field they name.
 */
export function QuoteEditor({ wb, onSaved }: CardProps & { onSaved(): void }) {
  const { t } = useI18n();
  const { ticketId } = useBenchContext();
  const saveQuote = useSaveQuote();
  const c = wb.quote.current;
  const { form, send, refused } = useContractForm({
    initialValues: { lines: draftOf(c), discount: c ? c.totals.discountFen / 100 : 0, discountReason: c?.discountReason ?? '', estimated: c?.estimatedCompletion ?? '' } as QuoteValues,
    schema: procedures['bench.quote.save'].input,
    toInput: (v) => ({ ticketId, lines: saveLinesOf(v.lines), discountFen: yuan(v.discount), discountReason: v.discountReason, estimatedCompletion: v.estimated || null }),
    fieldOf: quoteField,
  });
  const lines = form.getValues().lines;
  const setLines = (next: DraftLine[]) => form.setFieldValue('lines', next);
  const warrantyParts = [{ value: '', label: t('ui.bench.quote.wholeUnit') }, ...wb.warrantyParts.map((p) => ({ value: p.id, label: p.name }))];
  const save = (submit: boolean) =>
    send(async ({ ticketId: _open, ...input }) => {
      if (await saveQuote({ ...input, submit }, refused)) onSaved();
    });
  return (
    // Ctrl+Enter sends the quote for approval while the ticket is in diagnosis, else saves the version.
    <Stack gap="xs" mt="xs" onKeyDown={onCtrlEnter(() => lines.length > 0 && void save(wb.status === 'diagnosing'))}>
      <DraftLines lines={lines} onChange={setLines} warrantyParts={warrantyParts} errors={form.errors} />
      <LineAdders category={wb.category} onAdd={(line) => setLines([...lines, line])} />
      <Group align="flex-end" gap="xs">
        <NumberInput size="xs" w={110} label={t('ui.bench.quote.discount')} min={0} decimalScale={2} {...form.getInputProps('discount')} />
        <TextInput size="xs" label={t('ui.bench.quote.discountReason')} {...form.getInputProps('discountReason')} />
        <TextInput size="xs" type="date" label={t('ui.bench.quote.estimated')} {...form.getInputProps('estimated')} />
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
  );
}
