import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Approval } from './types';

/** Runs a refused call again with a manager's approval; throws when the manager's PIN is refused too. */
export type Retry = (approval: Approval) => Promise<void>;

interface Bench {
  ticketId: string;
  /** A call was refused for want of a manager: ask for one, then run `retry` with their approval. */
  askManager(retry: Retry): void;
}

const BenchContext = createContext<Bench | null>(null);

export function useBenchContext(): Bench {
  const bench = useContext(BenchContext);
  if (!bench) throw new Error('a bench card outside <BenchProvider>');
  return bench;
}

/** The open ticket of the bench and the manager approval its cards may need; `pending` is the call waiting for it. */
export function BenchProvider({ ticketId, children }: { ticketId: string; children: (pending: Retry | null, close: () => void) => ReactNode }) {
  const [pending, setPending] = useState<Retry | null>(null);
  const bench: Bench = { ticketId, askManager: (retry) => setPending(() => retry) };
  return <BenchContext.Provider value={bench}>{children(pending, () => setPending(null))}</BenchContext.Provider>;
}
