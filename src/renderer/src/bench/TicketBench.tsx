import { useEffect, useRef } from 'react';
import { Stack } from '@mantine/core';
import { useWorkbench } from './ticket/actions';
import { AuthorizationCard } from './ticket/AuthorizationCard';
import { AuthorizationSummary } from './ticket/AuthorizationSummary';
import { BenchHeader } from './ticket/BenchHeader';
import { BenchProvider } from './ticket/BenchContext';
import { DiagnosisCard } from './ticket/DiagnosisCard';
import { ManagerPinModal } from './ticket/ManagerPinModal';
import { QcCard } from './ticket/QcCard';
import { QuoteCard } from './ticket/QuoteCard';
import { ReceivedCard } from './ticket/ReceivedCard';
import { RepairCard } from './ticket/RepairCard';
import { SanbaoCard } from './ticket/SanbaoCard';
import { TimeCard } from './ticket/TimeCard';
import { EDITABLE } from './ticket/types';
import { focusOpened } from './ticket/focus';

/**
 * A ticket at the bench: moves, time, diagnosis, quote builder with the warranty decision per
 * line, the customer's authorization (signature, phone, paper), repair work, QC and 三包 — one
 * card each, shown while the ticket's status has a use for it. Mount it with a ticket id.
 */
export function TicketBench({ ticketId, number }: { ticketId: string; number?: string }) {
  const wb = useWorkbench(ticketId);
  // Once per opened ticket, when its workbench first shows (the component is keyed by the ticket).
  const focused = useRef(false);
  useEffect(() => {
    if (!wb || focused.current) return;
    focused.current = true;
    focusOpened(wb);
  }, [wb]);
  if (!wb) return null;
  const status = wb.status;
  const q = wb.quote;
  return (
    <BenchProvider ticketId={ticketId}>
      {(pending, close) => (
        <Stack gap="sm" data-testid="ticket-bench">
          <BenchHeader wb={wb} number={number} />
          <ReceivedCard wb={wb} />
          <TimeCard wb={wb} />
          {['received', ...EDITABLE].includes(status) || wb.diagnosis ? <DiagnosisCard wb={wb} /> : null}
          {status !== 'received' ? <QuoteCard wb={wb} /> : null}
          {q.current && ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'].includes(status) ? <AuthorizationCard wb={wb} /> : q.authorization ? <AuthorizationSummary wb={wb} /> : null}
          {['repairing', 'awaiting_parts', 'qc', 'ready'].includes(status) ? <RepairCard wb={wb} /> : null}
          {status === 'qc' || wb.qc.length > 0 ? <QcCard wb={wb} /> : null}
          {EDITABLE.includes(status) || wb.sanbao ? <SanbaoCard wb={wb} /> : null}
          <ManagerPinModal pending={pending} onClose={close} />
        </Stack>
      )}
    </BenchProvider>
  );
}
