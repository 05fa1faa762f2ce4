import { AppError, fieldError } from '../../shared/api/errors';
import { docPrintSettings } from '../../shared/documents/settings';
import { tr } from '../../shared/documents/translate';
import type { printingProcedures } from '../../shared/printing/procedures';
import type { PrintJob } from '../../shared/printing/schemas';
import type { Ctx, Handlers } from '../api/context';
import { layoutAndRender, loadModel, type ProduceRequest } from '../documents/produce';
import { documentDef, registeredDocTypes, type DocumentDef } from '../documents/registry';
import { registerBuiltInDocuments } from '../documents/builtin';
import { requireShop } from '../shop/settings';
import { getJob, jobQuery, printedBefore, pruneOldPdfs, storePdf, toJob, type JobRow } from './jobs';

registerBuiltInDocuments();

type P = typeof printingProcedures;

function requireDef(ctx: Ctx, docType: string): DocumentDef<unknown> {
  const def = documentDef(docType);
  if (!def) throw new AppError('NOT_FOUND', { key: 'documents.errors.unknownDocType', params: { docType }, details: { docType } });
  const me = ctx.me();
  if (!def.roles.includes(me.role)) {
    throw new AppError('FORBIDDEN', { key: 'documents.errors.roleNotAllowed', params: { role: me.role }, details: { required: def.roles } });
  }
  return def;
}

/**
 * Renders the job's document and stores the PDF. A failure of the layout or of pdfmake is not
 * the caller's fault and must not lose the request: the job is kept as failed, with the error,
 * visible in the queue for a retry. A missing entity or a bad request still fails the call.
 */
async function render(ctx: Ctx, def: DocumentDef<unknown>, row: Pick<JobRow, 'id' | 'doc_type' | 'entity_id' | 'format' | 'language' | 'reprint'>) {
  const shop = await requireShop(ctx.db);
  const now = ctx.nowIso();
  const req = produceRequest(row, now);
  const model = await loadModel(ctx, def, shop.settings, req);
  const reference = def.reference?.(model) ?? '';
  const title = `${tr(req.locale, def.titleKey)}${reference ? ` ${reference}` : ''}`;
  try {
    const pdf = await layoutAndRender(def, model, shop.settings, req);
    await storePdf(ctx.db, row.id, pdf, now);
    return { title, status: 'queued' as const, error: null };
  } catch (e) {
    console.error(`[fixpoint] rendering ${row.doc_type} ${row.entity_id} failed:`, e);
    const error = tr(req.locale, 'documents.errors.renderFailed', { error: e instanceof Error ? e.message.slice(0, 300) : String(e) });
    return { title, status: 'failed' as const, error };
  }
}

function produceRequest(row: Pick<JobRow, 'doc_type' | 'entity_id' | 'format' | 'language' | 'reprint'>, printedAt: string): ProduceRequest {
  return {
    docType: row.doc_type,
    entityId: row.entity_id,
    format: row.format as ProduceRequest['format'],
    locale: row.language as ProduceRequest['locale'],
    reprint: row.reprint === 1,
    printedAt,
  };
}

async function answer(ctx: Ctx, id: string): Promise<PrintJob> {
  const shop = await requireShop(ctx.db);
  const job = toJob(await getJob(ctx.db, id), shop.settings.documents);
  ctx.emit({ name: 'print.job', payload: job });
  return job;
}

export const printingHandlers: Handlers<P> = {
  async 'print.request'(input, ctx) {
    const def = requireDef(ctx, input.docType);
    const shop = await requireShop(ctx.db);
    const type = docPrintSettings(shop.settings.documents, input.docType);
    const format = input.format ?? (def.formats.includes(type.format) ? type.format : def.formats[0]!);
    if (!def.formats.includes(format)) {
      throw fieldError('format', 'documents.errors.formatNotSupported', { format: tr(ctx.locale, `documents.format.${format}`) });
    }
    const reprint = input.reprint === true || (await printedBefore(ctx.db, input.docType, input.entityId));
    const language = input.language ?? shop.settings.language;
    const id = ctx.newId();
    const row = { id, doc_type: input.docType, entity_id: input.entityId, format, language, reprint: reprint ? 1 : 0 };
    // The row goes in first (the file references it); the whole call is one transaction.
    await ctx.db
      .insertInto('print_jobs')
      .values({ ...row, title: '', copies: type.copies, status: 'queued', error: null, requested_by: ctx.me().userId, requested_at: ctx.nowIso(), completed_at: null, attempts: 1 })
      .execute();
    const result = await render(ctx, def, row);
    await ctx.db.updateTable('print_jobs').set(result).where('id', '=', id).execute();
    await pruneOldPdfs(ctx.db, ctx.clock.now());
    return answer(ctx, id);
  },

  async 'print.pdf'(input, ctx) {
    const job = await getJob(ctx.db, input.jobId);
    // The document's own roles, stored PDF or not: a job id is no key to a daily close.
    const def = requireDef(ctx, job.doc_type);
    const file = await ctx.db.selectFrom('print_files').select('pdf').where('job_id', '=', job.id).executeTakeFirst();
    let pdf = file?.pdf;
    if (!pdf) {
      // Pruned (or never rendered): lay it out again from today's data, without storing it.
      const shop = await requireShop(ctx.db);
      const req = produceRequest(job, ctx.nowIso());
      pdf = await layoutAndRender(def, await loadModel(ctx, def, shop.settings, req), shop.settings, req);
    }
    const safe = (job.title || job.doc_type).replace(/[\\/:*?"<>|\s]+/g, '_');
    return { jobId: job.id, fileName: `${safe}.pdf`, mimeType: 'application/pdf' as const, base64: Buffer.from(pdf).toString('base64') };
  },

  async 'print.queue'(input, ctx) {
    const shop = await requireShop(ctx.db);
    // Only the jobs of documents this role may print: the queue tells nothing of the others.
    const role = ctx.me().role;
    const readable = registeredDocTypes().filter((d) => documentDef(d)!.roles.includes(role));
    if (readable.length === 0) return [];
    let q = jobQuery(ctx.db).where('j.doc_type', 'in', readable);
    if (input.status) q = q.where('j.status', '=', input.status);
    if (input.entityId) q = q.where('j.entity_id', '=', input.entityId);
    if (input.before) q = q.where('j.id', '<', input.before);
    const rows = await q.orderBy('j.id', 'desc').limit(input.limit).execute();
    return rows.map((r) => toJob(r as JobRow, shop.settings.documents));
  },

  async 'print.retry'(input, ctx) {
    const job = await getJob(ctx.db, input.jobId);
    if (job.status !== 'failed' && job.status !== 'queued') {
      throw new AppError('RULE', { key: 'documents.errors.notRetryable', params: { status: tr(ctx.locale, `documents.status.${job.status}`) }, details: { status: job.status } });
    }
    const def = requireDef(ctx, job.doc_type);
    const result = await render(ctx, def, job);
    await ctx.db
      .updateTable('print_jobs')
      .set({ ...result, attempts: job.attempts + 1, completed_at: null })
      .where('id', '=', job.id)
      .execute();
    return answer(ctx, job.id);
  },

  async 'print.complete'(input, ctx) {
    const job = await getJob(ctx.db, input.jobId);
    requireDef(ctx, job.doc_type);
    // A failed job may still succeed later (the client retried on another printer); a finished one stays finished.
    if (job.status !== 'queued' && job.status !== 'failed') {
      throw new AppError('RULE', { key: 'documents.errors.alreadyCompleted', params: { status: tr(ctx.locale, `documents.status.${job.status}`) }, details: { status: job.status } });
    }
    await ctx.db
      .updateTable('print_jobs')
      .set({
        status: input.outcome,
        error: input.outcome === 'failed' ? input.error || null : null,
        completed_at: ctx.nowIso(),
      })
      .where('id', '=', job.id)
      .execute();
    return answer(ctx, job.id);
  },
};
