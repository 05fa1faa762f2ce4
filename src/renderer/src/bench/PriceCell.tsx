import { useState } from 'react';
import { NumberInput, UnstyledButton } from '@mantine/core';
import type { PriceItem } from '../../../shared/bench/schemas';
import { parseYuan } from '../../../shared/money';
import { useCallMutation } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { money } from '../stock/format';

/**
 * A price of the list, changed where it stands: a click turns it into a field, Enter or leaving
 * the field saves the item with the new price (everything else as it was), Escape leaves it.
 */
export function PriceCell({ item, editable }: { item: PriceItem; editable: boolean }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const [draft, setDraft] = useState<number | string | null>(null);
  const save = useCallMutation('priceList.save', { onSuccess: () => setDraft(null) });
  if (!editable) return <>{money(item.priceFen, locale)}</>;
  if (draft === null)
    return (
      <UnstyledButton title={t('ui.bench.price.editHint')} data-testid={`price-${item.code}`} onClick={() => setDraft(item.priceFen / 100)} td="underline dotted">
        {money(item.priceFen, locale)}
      </UnstyledButton>
    );
  const commit = () => {
    const fen = parseYuan(draft);
    if (fen === null || fen === item.priceFen) return setDraft(null);
    const { id, code, kind, nameZh, nameEn, diagnosisFee, active } = item;
    save.mutate({ id, code, kind, nameZh, nameEn, category: item.category as '', priceFen: fen, diagnosisFee, active }, { onError: toast });
  };
  return (
    <NumberInput
      size="xs"
      w={110}
      ml="auto"
      min={0}
      decimalScale={2}
      autoFocus
      aria-label={t('ui.bench.price.price')}
      data-testid={`price-input-${item.code}`}
      value={draft}
      disabled={save.isPending}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
