import type { PrintJob } from '../../../shared/printing/schemas';
import { api } from '../api/client';
import { RemoteError } from '../../../shared/api/remote-error';

export interface OpenedJob {
  job: PrintJob;
  /** A blob: URL of the PDF, shown in the page's viewer; null when the shop does not auto-print this type. */
  url: string | null;
}

/** The PDF of a job as a blob: URL (the caller revokes it when the viewer closes). */
export async function jobPdfUrl(jobId: string): Promise<string> {
  const pdf = await api.call('print.pdf', { jobId });
  const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * Prints a document through the print service: the backend renders the job; when the shop set
 * the type to print by itself (autoPrint) or the person asked (reprint), the PDF is fetched and
 * shown in the page's viewer (the browser's print button prints it), and the job is reported opened.
 */
export async function printDocument(docType: string, entityId: string, opts: { reprint?: boolean; open?: boolean } = {}): Promise<OpenedJob> {
  const job = await api.call('print.request', { docType, entityId, ...(opts.reprint ? { reprint: true } : {}) });
  if (job.status === 'failed' || !(opts.open ?? job.autoPrint)) return { job, url: null };
  // Electron: main prints it silently to the shop's printer for this type (or saves the PDF) and reports back.
  if (typeof window !== 'undefined' && window.fixpoint && !opts.open) {
    const r = await window.fixpoint.call('print.device', { jobId: job.id, printer: job.printer, copies: job.copies });
    if (!r.ok) throw new RemoteError(r.error);
    return { job: r.data as PrintJob, url: null };
  }
  try {
    const url = await jobPdfUrl(job.id);
    const done = await api.call('print.complete', { jobId: job.id, outcome: 'opened' });
    return { job: done, url };
  } catch (e) {
    // The failure to tell is the PDF's; one to record it as well goes to the console only.
    await api.call('print.complete', { jobId: job.id, outcome: 'failed', error: e instanceof Error ? e.message : String(e) }).catch((recordErr: unknown) => console.warn('[fixpoint] print failure not recorded', recordErr));
    throw e;
  }
}
