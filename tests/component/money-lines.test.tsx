// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LineAdders } from '../../src/renderer/src/bench/ticket/LineAdders';
import type { DraftLine } from '../../src/renderer/src/bench/ticket/draft';
import { callKey } from '../../src/renderer/src/data/calls';
import { t } from '../../src/shared/i18n/translate';
import { renderUi } from './render';
import { signedIn } from './signed-in';

const z = (key: string) => t('zh-CN', key);

/** A free line's price is typed in yuan and reaches the quote in fen, exactly (no float on the way). */
describe('money typed into a quote line', () => {
  // the category's price list as the bench had it loaded (an empty list: only free lines here)
  const cache: [readonly unknown[], unknown][] = [
    [callKey('priceList.list', { category: 'phone' }), []],
    // whether the catalog has any part (the empty state's question): it has
    [callKey('parts.search', { q: '', kind: 'part', limit: 1 }), [{ id: 'p1' }]],
  ];

  const addFree = async (price: string) => {
    const added: DraftLine[] = [];
    renderUi(signedIn('technician', false, <LineAdders category="phone" onAdd={(l) => added.push(l)} />), { cache });
    await userEvent.type(screen.getByRole('textbox', { name: z('ui.bench.quote.addCustom') }), '排线加固');
    await userEvent.type(screen.getByRole('textbox', { name: z('ui.bench.quote.price') }), price);
    await userEvent.type(screen.getByRole('textbox', { name: z('ui.bench.quote.reason') }), '价目表无此项');
    await userEvent.click(screen.getByRole('button', { name: '+' }));
    return added;
  };

  it('¥120.50 is 12050 fen', async () => {
    expect(await addFree('120.5')).toEqual([{ kind: 'custom', label: '排线加固', qty: 1, unitPriceFen: 12050, reason: '价目表无此项', warrantyPart: null }]);
  });

  it('¥0.29 is 29 fen (not 28.999…)', async () => {
    expect((await addFree('0.29'))[0]!.unitPriceFen).toBe(29);
  });

  it('no price, no line: the + stays disabled', async () => {
    renderUi(signedIn('technician', false, <LineAdders category="phone" onAdd={() => undefined} />), { cache });
    await userEvent.type(screen.getByRole('textbox', { name: z('ui.bench.quote.addCustom') }), '排线加固');
    expect((screen.getByRole('button', { name: '+' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
