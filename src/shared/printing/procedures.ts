import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { printJobSchema, printOutcomeSchema, printPdfSchema, printRequestSchema, printStatusSchema } from './schemas';

const jobId = z.string().min(1).max(100);

/**
 * The print service: every document prints through a job. The backend renders the PDF; the
 * client that holds the printer (Electron) or the browser prints or opens it and reports back.
 */
export const printingProcedures = {
  'print.request': procedure({
    summary:
      'Renders a document (docType + entityId) to PDF as a new print job, on the paper and in the copies the shop set for that type. Reprints are marked. Answers the job with autoPrint for the client.',
    input: printRequestSchema,
    output: printJobSchema,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'print.pdf': procedure({
    summary: 'The PDF of a print job, base64 (a browser opens it, Electron prints it).',
    input: z.object({ jobId }).strict(),
    output: printPdfSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'print.queue': procedure({
    summary: 'Print jobs, newest first: the visible queue (status queued / failed) and the print log.',
    input: z
      .object({
        status: printStatusSchema.optional(),
        entityId: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        /** Job id to page after (older than). */
        before: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.array(printJobSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'print.retry': procedure({
    summary: 'Renders a queued or failed job again (current data, same paper) and puts it back in the queue.',
    input: z.object({ jobId }).strict(),
    output: printJobSchema,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'print.complete': procedure({
    summary: 'The client reports what it did with a job: printed, saved as PDF, opened in a browser, or failed (with the error).',
    input: z.object({ jobId, outcome: printOutcomeSchema, error: z.string().trim().max(500).optional() }).strict(),
    output: printJobSchema,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
};
