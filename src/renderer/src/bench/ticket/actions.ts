import { useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api/contract';
import type { ProcedureName, Procedures } from '../../../../shared/api/procedures';
import { RemoteError } from '../../../../shared/api/remote-error';
import { api } from '../../api/client';
import { callKey, useCall, useInvalidateAfter } from '../../data/calls';
import { useErrorToast } from '../../hooks/useErrorToast';
import { useBenchContext } from './BenchContext';
import { focusNext } from './focus';
import type { Approval, Workbench } from './types';

type BenchWrite = Extract<ProcedureName, `bench.${string}`>;
type Args<N extends BenchWrite> = Omit<InputOf<Procedures[N]>, 'ticketId' | 'approval'>;

const isWorkbench = (r: unknown): r is Workbench => typeof r === 'object' && r !== null && 'ticketId' in r && 'quote' in r;
const needsManager = (e: unknown) => e instanceof RemoteError && e.code === 'FORBIDDEN' && e.details.needsManager === true;

/** The open ticket's workbench (refetched when an event or a write touches the ticket). */
export function useWorkbench(ticketId: string, enabled = true) {
  return useCall('bench.workbench', { ticketId }, { enabled }).data;
}

/**
 * One write of the bench on the open ticket: the workbench it answers replaces the cached one and
 * what it touches goes stale; a "needs a manager" refusal asks for a manager's PIN and runs it
 * again with their approval. Resolves true when the write went through at once.
 */
function useBenchAction<N extends BenchWrite>(name: N) {
  const { ticketId, askManager } = useBenchContext();
  const client = useQueryClient();
  const invalidate = useInvalidateAfter();
  const { toast } = useErrorToast();
  /** `refused`: shows a refusal at the form's fields, true when it did (then no toast). */
  return async (args: Args<N>, refused?: (e: unknown) => boolean): Promise<boolean> => {
    const call = async (approval?: Approval) => {
      const r = await api.call(name, { ticketId, ...args, ...(approval ? { approval } : {}) } as InputOf<Procedures[N]>);
      if (isWorkbench(r)) {
        client.setQueryData(callKey('bench.workbench', { ticketId }), r);
        void invalidate(name);
      } else await invalidate(name);
      const wb = isWorkbench(r) ? r : client.getQueryData<Workbench>(callKey('bench.workbench', { ticketId }));
      if (wb) focusNext(name, wb);
    };
    try {
      await call();
      return true;
    } catch (e) {
      if (needsManager(e)) askManager(call);
      else if (!refused?.(e)) toast(e);
      return false;
    }
  };
}

export const useSetPriority = () => useBenchAction('bench.setPriority');
export const useMove = () => useBenchAction('bench.transition');
export const useStartTimer = () => useBenchAction('bench.time.start');
export const useStopTimer = () => useBenchAction('bench.time.stop');
export const useEnterTime = () => useBenchAction('bench.time.enter');
export const useDiagnose = () => useBenchAction('bench.diagnose');
export const useSaveQuote = () => useBenchAction('bench.quote.save');
export const useAuthorize = () => useBenchAction('bench.authorize');
export const useDecline = () => useBenchAction('bench.decline');
export const useIssuePart = () => useBenchAction('bench.issuePart');
export const useAwaitParts = () => useBenchAction('bench.awaitParts');
export const useAddNote = () => useBenchAction('bench.note');
export const useSubmitQc = () => useBenchAction('bench.qc');
export const useDecideSanbao = () => useBenchAction('bench.sanbao.decide');
