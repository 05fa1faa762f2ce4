// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CollectionView } from '../../src/shared/collection/schemas';
import type { User } from '../../src/shared/auth/schemas';
import { t } from '../../src/shared/i18n/translate';
import { SessionContext } from '../../src/renderer/src/app/session';
import { SettleStep } from '../../src/renderer/src/collection/handback/SettleStep';
import { TendersStep } from '../../src/renderer/src/collection/handback/TendersStep';
import { useHandback } from '../../src/renderer/src/collection/handback/useHandback';
import { renderUi } from './render';

const z = (key: string, p?: Record<string, string | number>) => t('zh-CN', key, p);
const payers = { customer: 35000, maker: 0, shop: 0, extended_warranty: 0, insurer: 0 };

/** A ready ticket whose customer owes ¥350.00 (no deposit, nothing paid, prices without tax). */
const view: CollectionView = {
  ticket: {
    id: 't1', number: 'SZ01-2612-0001', status: 'ready', outcome: 'repaired', receivedAt: '2026-12-01T02:00:00Z', readyAt: '2026-12-02T02:00:00Z',
    fault: '屏幕碎', cause: '外力', technician: '李工', customerName: '王先生', phonesMasked: ['138****0001'],
    device: { category: 'phone', brand: 'Huawei', model: 'P60', imei: null, serial: null, colour: '' }, passcodeGiven: false, accessories: [],
  },
  lines: [{ kind: 'part', sku: 'SCR-P60', description: '屏幕总成', qty: 1, unitPriceFen: 35000, amountFen: 35000, payers }],
  quote: { version: 1, declined: false, covered: false, payers },
  parts: [],
  warranty: { unitEnd: null, repairWarrantyDays: 90, repairWarrantyUntil: '2027-03-02', reasons: [] },
  sanbao: null,
  loaner: { out: false, sku: null, serial: null, depositFen: 0 },
  payments: [],
  settlement: { customerDueFen: 35000, discountFen: 0, chargeFen: 35000, tax: { grossFen: 35000, netFen: 35000, taxFen: 0, rateBp: 0, pricesIncludeTax: true }, totalFen: 35000, depositFen: 0, paidFen: 0, dueNowFen: 35000 },
  discountManagerAboveBp: 1000,
  today: '2026-12-02',
  dayClosed: false,
  blockers: [],
  collection: null,
};
const counter = { id: 'u1', username: 'counter', displayName: '前台', role: 'counter' } as User;

function Payment() {
  const h = useHandback(view);
  return (
    <>
      <SettleStep h={h} />
      <TendersStep h={h} />
    </>
  );
}

function renderPayment() {
  return renderUi(
    <SessionContext.Provider value={{ user: counter, shop: null, refreshShop: async () => undefined, signOut: async () => undefined, switchUser: async () => undefined }}>
      <Payment />
    </SessionContext.Provider>,
  );
}

const amountOf = (row: number) => within(screen.getByTestId(`collection-tender-${row}`)).getByRole('textbox', { name: z('ui.collection.tenderAmount') });

describe('the payment split at hand-back', () => {
  it('starts with the whole amount due in cash, and gives change on what was handed over: ¥400.00 for ¥350.00 is ¥50.00', async () => {
    renderPayment();
    expect(screen.getByTestId('collection-due').textContent).toBe('¥350.00');
    expect((amountOf(0) as HTMLInputElement).value).toBe('350');
    await userEvent.type(screen.getByTestId('collection-received-0'), '400');
    expect(screen.getByText(`${z('ui.collection.tendered', { amount: '¥350.00' })} · ${z('ui.collection.change')} ¥50.00`)).toBeTruthy();
  });

  it('a second tender is offered what the first leaves: ¥200.00 cash, then WeChat Pay for ¥150.00', async () => {
    renderPayment();
    await userEvent.clear(amountOf(0));
    await userEvent.type(amountOf(0), '200');
    await userEvent.click(screen.getByTestId('collection-add-tender'));
    expect((amountOf(1) as HTMLInputElement).value).toBe('150');
    const second = screen.getByTestId('collection-tender-1');
    expect((within(second).getByRole('combobox', { name: z('ui.collection.tender') }) as HTMLInputElement).value).toBe(z('collection.tender.wechat'));
    expect(screen.getByText(z('ui.collection.tendered', { amount: '¥350.00' }))).toBeTruthy();
  });

  it('a discount of 10 % takes ¥35.00 off what is due', async () => {
    renderPayment();
    await userEvent.type(screen.getByTestId('collection-discount'), '10');
    expect(screen.getByTestId('collection-due').textContent).toBe('¥315.00');
  });
});
