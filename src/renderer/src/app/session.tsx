import { createContext, useContext } from 'react';
import type { User } from '../../../shared/auth/schemas';
import type { Shop } from '../../../shared/shop/schemas';

export interface SessionValue {
  user: User;
  shop: Shop | null;
  /** Reloads the shop after a settings change (header name, time zone). */
  refreshShop(): Promise<void>;
  /** Ends the session and shows the sign-in screen. */
  signOut(): Promise<void>;
  /** Ends the session and shows the PIN quick-switch screen (shared counter PCs). */
  switchUser(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a signed-in shell');
  return v;
}

export function isManager(user: Pick<User, 'role'>): boolean {
  return user.role === 'manager' || user.role === 'admin';
}
