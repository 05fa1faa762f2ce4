/** Print job rows ↔ API shape, and the PDF file store (last rendering per job, pruned by age). */
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { PrintJob } from '../../shared/printing/schemas';
import { docPrintSettings, type DocumentsSettings, type PageFormat } from '../../shared/documents/settings';
import type { Locale } from '../../shared/i18n/types';
import type { DB } from '../db/schema';
import type { PrintJobsTable } from './tables';

/** PDFs older than this are dropped (print.pdf renders them again on demand); the job rows stay forever. */
export const PDF_KEEP_DAYS = 14;

export type JobRow = Selectable<PrintJobsTable> & { requested_by_name: string | null; has_pdf: number };

export function jobQuery(db: Kysely<DB>) {
  return db
    .selectFrom('print_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.requested_by')
    .selectAll('j')
    .select((eb) => [
      'u.display_name as requested_by_name',
      eb.exists(eb.selectFrom('print_files as f').select('f.job_id').whereRef('f.job_id', '=', 'j.id')).$castTo<number>().as('has_pdf'),
    ]);
}

export async function getJob(db: Kysely<DB>, id: string): Promise<JobRow> {
  const row = await jobQuery(db).where('j.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'documents.errors.jobNotFound', details: { jobId: id } });
  return row as JobRow;
}

export function toJob(row: JobRow, documents: DocumentsSettings): PrintJob {
  const s = docPrintSettings(documents, row.doc_type);
  return {
    id: row.id,
    docType: row.doc_type,
    entityId: row.entity_id,
    title: row.title,
    format: row.format as PageFormat,
    language: row.language as Locale,
    copies: row.copies,
    reprint: row.reprint === 1,
    status: row.status as PrintJob['status'],
    error: row.error,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name ?? '',
    requestedAt: row.requested_at,
    completedAt: row.completed_at,
    attempts: row.attempts,
    autoPrint: s.autoPrint,
    printer: s.printer,
    hasPdf: Boolean(row.has_pdf),
  };
}

export async function storePdf(db: Kysely<DB>, jobId: string, pdf: Buffer, at: string): Promise<void> {
  await db
    .insertInto('print_files')
    .values({ job_id: jobId, pdf, rendered_at: at })
    .onConflict((oc) => oc.column('job_id').doUpdateSet({ pdf, rendered_at: at }))
    .execute();
}

/** Keeps the file store from growing without end: ~70 KB a document adds up over a year of tickets. */
export async function pruneOldPdfs(db: Kysely<DB>, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - PDF_KEEP_DAYS * 86_400_000).toISOString();
  await db.deleteFrom('print_files').where('rendered_at', '<', cutoff).execute();
}

/** A document counts as printed before once any job for it reached the paper, a file or a browser. */
export async function printedBefore(db: Kysely<DB>, docType: string, entityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('print_jobs')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('doc_type', '=', docType)
    .where('status', 'in', ['printed', 'saved', 'opened'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
