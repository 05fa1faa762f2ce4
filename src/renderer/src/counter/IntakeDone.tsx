import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { printDocument, showPdf, type OpenedJob } from '../printing/printService';
import { PdfViewer } from '../printing/PdfViewer';
import { useOpen } from '../nav/useNav';
import { LoanerLendForm } from '../stock/LoanerLendForm';

const DOCS = ['intake_receipt', 'device_label'] as const;
type Doc = (typeof DOCS)[number];

/** After a save: the number big, the receipt and label printed (or shown), reprint, and on to the next customer. */
export function IntakeDone({ ticket, onNext }: { ticket: TicketDetail; onNext(): void }) {
  const t = useT();
  const open = useOpen();
  const { toast, message } = useErrorToast();
  const [jobs, setJobs] = useState<Partial<Record<Doc, OpenedJob>>>({});
  const [failed, setFailed] = useState<Partial<Record<Doc, string>>>({});
  const next = useRef<HTMLButtonElement>(null);
  const urls = useRef<string[]>([]);
  // A job as last known, keeping the PDF already shown when a later answer came without one.
  const setShown = (doc: Doc) => (r: OpenedJob) => setJobs((j) => ({ ...j, [doc]: r.url || !j[doc]?.url ? r : { ...r, url: j[doc]!.url } }));

  const print = async (doc: Doc, reprint: boolean) => {
    try {
      let r = await printDocument(doc, ticket.id, reprint ? { reprint: true, open: true } : {});
      if (r.url) {
        urls.current.push(r.url);
        // The receipt opens by itself for printing (the browser allows one tab per key press); the
        // label waits in its viewer, and the log says so until it is opened or saved.
        if (doc === 'intake_receipt' || reprint) r = await showPdf(r);
      }
      setShown(doc)(r);
      if (r.job.status === 'failed') setFailed((f) => ({ ...f, [doc]: r.job.error ?? '' }));
    } catch (e) {
      setFailed((f) => ({ ...f, [doc]: message(e) }));
      if (reprint) toast(e);
    }
  };

  useEffect(() => {
    next.current?.focus();
    void (async () => {
      for (const d of DOCS) await print(d, false);
    })();
    return () => urls.current.forEach((u) => URL.revokeObjectURL(u));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticket.id]);

  const receipt = jobs.intake_receipt;
  const label = jobs.device_label;
  return (
    <Stack data-testid="intake-done">
      <Paper withBorder p="lg" bg="teal.0">
        <Group justify="space-between" align="flex-end">
          <div>
            <Text c="teal.8" fw={600}>
              {t('ui.counter.done.saved')}
            </Text>
            <Title order={1} ff="monospace" fz={44} data-testid="ticket-number">
              {ticket.number}
            </Title>
            <Text c="dimmed">
              {ticket.customer.name} · {ticket.device.brand} {ticket.device.model}
            </Text>
          </div>
          <Group>
            <Button variant="default" onClick={() => open.ticket(ticket.number)}>
              {t('ui.counter.done.openTicket')}
            </Button>
            <Button ref={next} size="md" onClick={onNext} data-testid="new-intake" rightSection={<Kbd size="xs">Enter</Kbd>}>
              {t('ui.counter.done.next')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Group gap="xs">
        {DOCS.map((d) => {
          const j = jobs[d];
          return (
            <Group key={d} gap={6} data-testid={`print-${d}`}>
              <Badge variant="light" tt="none" color={failed[d] ? 'red' : j ? (j.job.status === 'queued' ? 'gray' : 'teal') : 'gray'}>
                {t(`ui.printing.doc.${d}`)} · {failed[d] ? t('ui.printing.status.failed') : j ? t(`ui.printing.status.${j.job.status}`) : t('ui.printing.working')}
              </Badge>
              <Button size="compact-sm" variant="light" onClick={() => void print(d, true)} data-testid={`reprint-${d}`}>
                {t('ui.printing.reprint')}
              </Button>
            </Group>
          );
        })}
      </Group>
      {Object.values(failed).some(Boolean) ? (
        <Alert color="red" title={t('ui.printing.failedTitle')}>
          {Object.values(failed).filter(Boolean).join(' ')} {t('ui.printing.failedHint')}
        </Alert>
      ) : null}
      {/* A loaner (备用机) for the customer, lent against a deposit on the ticket just saved. */}
      <Paper withBorder p="sm">
        <Text fw={600} mb={4}>
          {t('ui.counter.done.loaner')}
        </Text>
        <LoanerLendForm ticket={ticket.id} />
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {receipt?.url ? <PdfViewer doc={receipt} testId="receipt-viewer" onShown={setShown('intake_receipt')} /> : null}
        {label?.url ? <PdfViewer doc={label} testId="label-viewer" onShown={setShown('device_label')} /> : null}
      </SimpleGrid>
    </Stack>
  );
}
