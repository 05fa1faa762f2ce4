import { SimpleGrid } from '@mantine/core';
import type { CollectionView } from '../../../../shared/collection/schemas';
import { HandbackDone } from './HandbackDone';
import { HandbackForm } from './HandbackForm';
import { TicketSummary } from './TicketSummary';
import { useHandback } from './useHandback';
import { WorkDone } from './WorkDone';

/**
 * One ticket at the counter, from lookup to hand-back. `keys` receives what Ctrl+Enter does now
 * (settle, or once handed back the next customer), for the panel's keyboard handler.
 */
export function HandbackTicket({ view, onNext, keys }: { view: CollectionView; onNext(): void; keys: { current: () => void } }) {
  const h = useHandback(view);
  keys.current = h.done ? onNext : () => void h.submit();
  // Handed back: shown as collected with nothing blocking, also before the lookup is read again.
  const shown = h.done ? { ...view, ticket: { ...view.ticket, status: 'collected' as const }, blockers: [] } : view;
  return (
    <>
      <TicketSummary view={shown} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <WorkDone view={shown} fmt={h.fmt} />
        {h.done ? <HandbackDone h={h} onNext={onNext} /> : view.ticket.status === 'ready' ? <HandbackForm h={h} /> : null}
      </SimpleGrid>
    </>
  );
}
