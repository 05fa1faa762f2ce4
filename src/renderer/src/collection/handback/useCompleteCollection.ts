import { useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import type { Procedures } from '../../../../shared/api/procedures';
import type { CollectInputRaw, CollectionView } from '../../../../shared/collection/schemas';
import { useCallMutation } from '../../data/calls';
import { useErrorToast } from '../../hooks/useErrorToast';
import { printDocument, showPdf, type OpenedJob } from '../../printing/printService';

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
      // The receipt opens by itself, as the intake receipt does (one tab per key press); the card waits in its viewer.
      printDocument(d, view.ticket.id)
        .then((j) => (d === 'repair_receipt' ? showPdf(j) : j))
        .then(
          (j) => setDocs((x) => ({ ...x, [d]: j })),
          (e) => toast(e),
        );
    }
  };
  /** A document's job once its PDF was opened or saved from the viewer (the log's status with it). */
  const shown = (d: HandbackDoc) => (j: OpenedJob) => setDocs((x) => ({ ...x, [d]: j }));
  return { run, done, docs, shown, busy: complete.isPending, handbackDocs };
}
