// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { User } from '../../src/shared/auth/schemas';
import type { Shop } from '../../src/shared/shop/schemas';
import { SessionContext } from '../../src/renderer/src/app/session';
import { PriceList } from '../../src/renderer/src/bench/PriceList';
import { Queue } from '../../src/renderer/src/bench/BenchQueue';
import { t } from '../../src/shared/i18n/translate';
import { renderUi } from './render';

const z = (key: string) => t('zh-CN', key);
const en = (key: string) => t('en', key);

const user = (role: User['role']): User => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  disabled: false,
  hasPin: false,
  lockedUntil: null,
  createdAt: '2026-11-23T02:00:00.000Z',
  managedByHq: false,
});
const shop = (enrolled: boolean) => ({ settings: { enrolled, timeZone: 'Asia/Shanghai' } }) as unknown as Shop;

/** Where the app is: the test reads the address a button took it to. */
function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

function signedIn(role: User['role'], enrolled = false, children: React.ReactNode) {
  return (
    <MemoryRouter initialEntries={['/bench']}>
      <SessionContext.Provider value={{ user: user(role), shop: shop(enrolled), refreshShop: async () => {}, signOut: async () => {}, switchUser: async () => {} }}>
        <Routes>
          <Route path="*" element={<>{children}<Where /></>} />
        </Routes>
      </SessionContext.Provider>
    </MemoryRouter>
  );
}

const emptyPriceList: [readonly unknown[], unknown] = [['priceList.list', { includeInactive: true }], []];

describe('an empty list says what to do, and who can', () => {
  it('an empty price list tells a counter clerk that only a manager or the admin adds items, with no form to fill', () => {
    renderUi(signedIn('counter', false, <PriceList />), { cache: [emptyPriceList] });
    expect(screen.getByTestId('price-list-empty').textContent).toContain(z('ui.bench.price.empty'));
    expect(screen.getByTestId('empty-next').textContent).toBe('只有店长或管理员可以添加收费项目，请联系店长。');
    expect(screen.queryByText(z('ui.bench.price.add'))).toBeNull();
  });

  it('the admin of a shop not enrolled is sent to the form below it', () => {
    renderUi(signedIn('admin', false, <PriceList />), { cache: [emptyPriceList], locale: 'en' });
    expect(screen.getByTestId('empty-next').textContent).toBe('Add labor items and fees under “New item” below; quotes can then use them.');
    expect(screen.getByText(en('ui.bench.price.add'))).toBeTruthy();
  });

  it('an enrolled shop\'s empty price list waits for head office, for everyone', () => {
    renderUi(signedIn('admin', true, <PriceList />), { cache: [emptyPriceList] });
    expect(screen.getByTestId('empty-next').textContent).toBe('价目表由总部下发，下次同步后出现。');
  });

  it('a technician with an empty queue of their own is offered the unassigned tickets, one click away', async () => {
    renderUi(signedIn('technician', false, <Queue who="mine" selected={null} onSelect={() => {}} onScan={() => {}} />), {
      cache: [[['bench.queue', { who: 'me' }], []]],
    });
    expect(screen.getByTestId('bench-queue-empty').textContent).toContain('没有分给你的工单');
    await userEvent.click(screen.getByTestId('empty-action'));
    expect(screen.getByTestId('where').textContent).toBe('/bench/queue/unassigned');
  });
});
