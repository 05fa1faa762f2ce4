import type { PrintJob } from '../../../shared/printing/schemas';
import type { Locale } from '../../../shared/i18n/types';
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
 * Prints a document through the print service: the backend renders the job. In Electron, main
 * prints it to the shop's printer for this type and reports what the printer said. In a browser,
 * when the shop set the type to print by itself (autoPrint) or the person asked (`open`), the PDF
 * is fetched for the page's viewer — and the job stays queued: a browser cannot print by itself,
 * so the log says "opened" or "saved" only once a tab really opened or the file was saved
 * (`recordShown`), never because a PDF was fetched.
 */
export async function printDocument(
  docType: string,
  entityId: string,
  opts: { reprint?: boolean; open?: boolean; language?: Locale } = {},
): Promise<OpenedJob> {
  const job = await api.call('print.request', {
    docType,
    entityId,
    ...(opts.reprint ? { reprint: true } : {}),
    ...(opts.language ? { language: opts.language } : {}),
  });
  if (job.status === 'failed' || !(opts.open ?? job.autoPrint)) return { job, url: null };
  if (typeof window !== 'undefined' && window.fixpoint && !opts.open) {
    const r = await window.fixpoint.call('print.device', { jobId: job.id, printer: job.printer, copies: job.copies });
    if (!r.ok) throw new RemoteError(r.error);
    return { job: r.data as PrintJob, url: null };
  }
  try {
    return { job, url: await jobPdfUrl(job.id) };
  } catch (e) {
    // The failure to tell is the PDF's; one to record it as well goes to the console only.
    await api.call('print.complete', { jobId: job.id, outcome: 'failed', error: e instanceof Error ? e.message : String(e) }).catch((recordErr: unknown) => console.warn('[fixpoint] print failure not recorded', recordErr));
    throw e;
  }
}

/** Records what really happened to a job's PDF in this browser; a job already finished keeps its status. */
export async function recordShown(job: PrintJob, outcome: 'opened' | 'saved'): Promise<PrintJob> {
  if (job.status !== 'queued' && job.status !== 'failed') return job;
  return api.call('print.complete', { jobId: job.id, outcome });
}

/**
 * Opens the PDF in a tab (the browser's viewer prints it) and, when the tab opened, records it;
 * a blocked pop-up records nothing and the page keeps offering its button.
 */
export async function showPdf(opened: OpenedJob): Promise<OpenedJob> {
  if (!opened.url || window.open(opened.url, '_blank') === null) return opened;
  return { ...opened, job: await recordShown(opened.job, 'opened') };
}

/** Renders a document and opens it at once (a person pressed "print"): the quote, a report, a daily close. */
export async function printAndShow(docType: string, entityId: string, opts: { reprint?: boolean; language?: Locale } = {}): Promise<OpenedJob> {
  return showPdf(await printDocument(docType, entityId, { ...opts, open: true }));
}
