import { useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Procedures } from '../../../../shared/api/procedures';
import type { CollectInputRaw, CollectionView } from '../../../../shared/collection/schemas';
import { useCallMutation } from '../../data/calls';
import { useErrorToast } from '../../hooks/useErrorToast';
import { printDocument, type OpenedJob } from '../../printing/printService';

type Done = OutputOf<Procedures['collection.complete']>;
export type HandbackDoc = 'repair_receipt' | 'warranty_card';

/**
 * Settles and hands the device back (`collection.complete`), then prints what goes with it: the
 * receipt, and the warranty card unless the unit was returned (a returned unit stays with the shop).
 * A failure is thrown to the form, which shows its field errors.
 */
export function useCompleteCollection(view: CollectionView) {
  const { toast } = useErrorToast();
  const [done, setDone] = useState<Done | null>(null);
  const [docs, setDocs] = useState<Partial<Record<HandbackDoc, OpenedJob>>>({});
  const complete = useCallMutation('collection.complete');
  const handbackDocs: readonly HandbackDoc[] = view.ticket.outcome === 'refunded' ? ['repair_receipt'] : ['repair_receipt', 'warranty_card'];
  const run = async (input: CollectInputRaw) => {
    setDone(await complete.mutateAsync(input));
    for (const d of handbackDocs) {
      printDocument(d, view.ticket.id).then(
        (j) => setDocs((x) => ({ ...x, [d]: j })),
        (e) => toast(e),
      );
    }
  };
  return { run, done, docs, busy: complete.isPending, handbackDocs };
}
