// @vitest-environment happy-dom
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DraftLines } from '../../src/renderer/src/bench/ticket/DraftLines';
import type { DraftLine } from '../../src/renderer/src/bench/ticket/draft';
import { t } from '../../src/shared/i18n/translate';
import { renderUi } from './render';

const z = (key: string) => t('zh-CN', key);

const labour: DraftLine = { kind: 'labor', priceItemId: 'p1', label: '更换屏幕工时', qty: 1, unitPriceFen: 8000, reason: '', warrantyPart: null };
const custom: DraftLine = { kind: 'custom', label: '排线加固', qty: 1, unitPriceFen: 12050, reason: '价目表无此项', warrantyPart: null };

/** The quote's lines as the technician edits them, the lines kept by the test as the editor keeps them. */
function Editor({ start, seen }: { start: DraftLine[]; seen: DraftLine[][] }) {
  const [lines, setLines] = useState(start);
  return (
    <DraftLines
      lines={lines}
      onChange={(next) => {
        seen.push(next);
        setLines(next);
      }}
      warrantyParts={[{ value: '', label: '整机' }, { value: 'screen', label: '屏幕' }]}
    />
  );
}

describe('the quote lines being edited', () => {
  it('a quantity changes the line amount: 3 × ¥80.00 is ¥240.00', async () => {
    const seen: DraftLine[][] = [];
    renderUi(<Editor start={[labour]} seen={seen} />);
    const row = screen.getByText('更换屏幕工时').closest('tr')!;
    expect(within(row).getByText('¥80.00')).toBeTruthy();
    const qty = within(row).getByRole('textbox', { name: z('ui.bench.quote.qty') });
    await userEvent.clear(qty);
    await userEvent.type(qty, '3');
    expect(within(row).getByText('¥240.00')).toBeTruthy();
    expect(seen.at(-1)![0]!.qty).toBe(3);
  });

  it('a custom line marked covered asks why, and the reason is kept on the line', async () => {
    const seen: DraftLine[][] = [];
    renderUi(<Editor start={[labour, custom]} seen={seen} />);
    expect(screen.queryByRole('textbox', { name: z('ui.bench.quote.coverReason') })).toBeNull();
    await userEvent.click(screen.getByTestId('line-covered-1'));
    const reason = screen.getByRole('textbox', { name: z('ui.bench.quote.coverReason') });
    // an empty reason is marked at the field: core refuses a covered line without one
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(reason, '厂家通报的排线缺陷');
    expect(seen.at(-1)![1]).toMatchObject({ covered: true, coverReason: '厂家通报的排线缺陷' });
    expect(seen.at(-1)![0]).toEqual(labour);
  });

  it('removing a line keeps the others as they were', async () => {
    const seen: DraftLine[][] = [];
    renderUi(<Editor start={[labour, custom]} seen={seen} />);
    const row = screen.getByText('更换屏幕工时').closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: z('ui.bench.quote.remove') }));
    expect(seen.at(-1)).toEqual([custom]);
    expect(screen.queryByText('更换屏幕工时')).toBeNull();
  });
});
