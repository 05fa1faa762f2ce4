import { useState } from 'react';
import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { useSaveQuote } from './actions';
import { DraftLines } from './DraftLines';
import { draftOf, saveLinesOf, type DraftLine } from './draft';
import { LineAdders } from './LineAdders';
import { yuan, type CardProps } from './types';

/** A new version of the quote, started from the saved one: lines, discount, estimated completion; saved, or saved and sent for approval. */
export function QuoteEditor({ wb, onSaved }: CardProps & { onSaved(): void }) {
  const { t } = useI18n();
  const saveQuote = useSaveQuote();
  const c = wb.quote.current;
  const [lines, setLines] = useState<DraftLine[]>(() => draftOf(c));
  const [discount, setDiscount] = useState<number | string>(c ? c.totals.discountFen / 100 : 0);
  const [discountReason, setDiscountReason] = useState(c?.discountReason ?? '');
  const [estimated, setEstimated] = useState(c?.estimatedCompletion ?? '');
  const warrantyParts = [{ value: '', label: t('ui.bench.quote.wholeUnit') }, ...wb.warrantyParts.map((p) => ({ value: p.id, label: p.name }))];
  const save = (submit: boolean) =>
    saveQuote({ lines: saveLinesOf(lines), discountFen: yuan(discount), discountReason, estimatedCompletion: estimated || null, submit }).then((ok) => ok && onSaved());
  return (
    <Stack gap="xs" mt="xs">
      <DraftLines lines={lines} onChange={setLines} warrantyParts={warrantyParts} />
      <LineAdders category={wb.category} onAdd={(line) => setLines([...lines, line])} />
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
  );
}
