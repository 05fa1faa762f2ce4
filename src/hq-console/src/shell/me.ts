import { createContext, useContext } from 'react';
import type { HqMe } from '../../../shared/hq-console/contract';

export const MeContext = createContext<HqMe | null>(null);

/** The signed-in person (inside the shell). */
export function useMe(): HqMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the shell');
  return me;
}
