import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { User } from '../../src/shared/auth/schemas';
import type { Shop } from '../../src/shared/shop/schemas';
import { SessionContext } from '../../src/renderer/src/app/session';

export const user = (role: User['role']): User => ({
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

/** A component inside the signed-in shell of `role` (a shop enrolled with head office or not), on a router. */
export function signedIn(role: User['role'], enrolled = false, children: ReactNode) {
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
