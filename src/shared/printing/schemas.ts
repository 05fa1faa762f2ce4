import { z } from 'zod';
import { localeSchema } from '../shop/schemas';
import { docTypeSchema, pageFormatSchema } from '../documents/settings';

/**
 * queued: rendered, waiting for a client to print it; printed / saved / opened: what the
 * client reported doing with it; failed: rendering or the printer failed (error says why).
 */
export const PRINT_STATUSES = ['queued', 'printed', 'failed', 'saved', 'opened'] as const;
export const printStatusSchema = z.enum(PRINT_STATUSES);
export type PrintStatus = z.infer<typeof printStatusSchema>;

export const PRINT_OUTCOMES = ['printed', 'failed', 'saved', 'opened'] as const;
export const printOutcomeSchema = z.enum(PRINT_OUTCOMES);

export const printJobSchema = z.object({
  id: z.string(),
  docType: z.string(),
  entityId: z.string(),
  /** The document's name and reference in the job's language, e.g. '维修受理单 TS01-2611-0001'. */
  title: z.string(),
  format: pageFormatSchema,
  language: localeSchema,
  copies: z.number().int(),
  reprint: z.boolean(),
  status: printStatusSchema,
  error: z.string().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  attempts: z.number().int(),
  /** From the shop's current settings for this document type: print without asking. */
  autoPrint: z.boolean(),
  /** OS printer name for Electron; empty = the system default / ask. */
  printer: z.string(),
  /** Whether the PDF bytes are still kept (old files are pruned; print.pdf renders them again). */
  hasPdf: z.boolean(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printRequestSchema = z
  .object({
    docType: docTypeSchema,
    entityId: z.string().min(1).max(100),
    /** Forces the reprint mark; a document printed before for the same entity is marked anyway. */
    reprint: z.boolean().optional(),
    /** Overrides the shop's paper for this type (must be one the document supports). */
    format: pageFormatSchema.optional(),
    /** Overrides the shop's language (a foreign customer). */
    language: localeSchema.optional(),
  })
  .strict();

export const printPdfSchema = z.object({
  jobId: z.string().min(1).max(100),
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.string(),
});
