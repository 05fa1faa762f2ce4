// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '../../src/shared/auth/schemas';
import type { PartRow } from '../../src/shared/stock/schemas';
import { t } from '../../src/shared/i18n/translate';
import { SessionContext } from '../../src/renderer/src/app/session';
import { MovementModal } from '../../src/renderer/src/stock/MovementModal';
import { renderUi } from './render';

const z = (key: string) => t('zh-CN', key);
const battery: PartRow = {
  id: 'p1', sku: 'BAT-P60', barcode: '', nameZh: 'P60 电池', nameEn: 'P60 battery', category: 'phone', models: ['P60'], grade: 'original', kind: 'part',
  serialized: false, warrantyDays: 90, listPrice: 19900, cost: 9000, active: true, source: 'local', updatedAt: '2026-12-01T00:00:00Z',
  stock: { onHand: 2, reserved: 0, available: 2, avgCost: 9000, value: 18000, bin: 'A1', reorderPoint: 1, reorderQty: 5 }, matchedSerial: null,
};
const manager = { id: 'u1', username: 'boss', displayName: '王店长', role: 'manager' } as User;

/** Goods in, checked by `stock.receive`'s own schema before anything is sent: nothing reaches a backend here. */
function renderReceive() {
  let done = 0;
  renderUi(
    <SessionContext.Provider value={{ user: manager, shop: null, refreshShop: async () => undefined, signOut: async () => undefined, switchUser: async () => undefined }}>
      <MovementModal mode="receive" part={battery} serialsInStock={[]} onClose={() => undefined} onDone={() => done++} />
    </SessionContext.Provider>,
  );
  return { form: within(screen.getByTestId('movement-form-receive')), done: () => done };
}

describe('the goods-in form, ruled by the contract', () => {
  it('opens with one unit at the part’s average cost (¥90.00)', () => {
    const { form } = renderReceive();
    expect((form.getByRole('textbox', { name: z('ui.stock.form.qty') }) as HTMLInputElement).value).toBe('1');
    expect((form.getByRole('textbox', { name: z('ui.stock.form.unitCost') }) as HTMLInputElement).value).toBe('90');
  });

  it('a missing supplier is refused at its field, in the words the server uses, and nothing is recorded', async () => {
    const { form, done } = renderReceive();
    await userEvent.click(form.getByTestId('movement-submit'));
    const supplier = form.getByRole('textbox', { name: new RegExp(z('ui.stock.form.supplier')) });
    expect(supplier.getAttribute('aria-invalid')).toBe('true');
    expect(form.getByText(t('zh-CN', 'validation.required'))).toBeTruthy();
    expect(done()).toBe(0);
  });

  it('a cost that is no amount is named as such', async () => {
    const { form } = renderReceive();
    const cost = form.getByRole('textbox', { name: z('ui.stock.form.unitCost') });
    await userEvent.clear(cost);
    await userEvent.type(cost, '12.345');
    await userEvent.click(form.getByTestId('movement-submit'));
    expect(form.getByText(z('ui.stock.form.badMoney'))).toBeTruthy();
  });
});
