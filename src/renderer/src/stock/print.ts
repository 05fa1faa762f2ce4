import type { Locale } from '../../../shared/i18n/types';
import { api } from '../api/client';

/**
 * Prints through the print service: the backend renders the PDF as a job; here (a browser or
 * the Electron window) it is opened for the system print dialog.
 */
export async function printDocument(docType: string, entityId: string, opts: { language?: Locale } = {}): Promise<void> {
  const job = await api.call('print.request', { docType, entityId, ...(opts.language ? { language: opts.language } : {}) });
  const pdf = await api.call('print.pdf', { jobId: job.id });
  const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  window.open(url, '_blank');
  // A failure to record it is told like any other: the print queue would show the job still open.
  await api.call('print.complete', { jobId: job.id, outcome: 'opened' });
}
