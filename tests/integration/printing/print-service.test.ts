import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import { MANAGERS } from '../../../src/shared/api/roles';
import { registerDocument } from '../../../src/core/documents/registry';
import { buildIntakeReceipt } from '../../../src/shared/documents/intake-receipt';
import { sampleIntakeReceipt } from '../../../src/shared/documents/samples';
import { makeBackend, setupShop } from '../../helpers/backend';
import { pdfPages, pdfText, scan, squash, writePdf } from '../documents/pdf-tools';

/**
 * A document type that exists only in this test: its "entities" are a map, so the print
 * service is tested on its own, without any capability's tables.
 */
const entities = new Map<string, string>([['T-1', 'TS01-2611-0001'], ['T-2', 'TS01-2611-0002'], ['T-3', 'TS01-2611-0003']]);
let brokenLayout = false;
const unregister: (() => void)[] = [];

let backend: Backend;
let tokens: Record<Role, string>;

beforeAll(async () => {
  unregister.push(
    registerDocument('test_ticket', {
      titleKey: 'documents.title.intake_receipt',
      formats: ['a5', 'receipt80', 'a4'],
      roles: ['counter', 'manager', 'admin'],
      load: (_ctx, id, { locale }) => {
        const number = entities.get(id);
        return number ? { ...sampleIntakeReceipt(locale), ticketNumber: number } : null;
      },
      build: (model, opts) => {
        if (brokenLayout) throw new Error('layout exploded');
        return buildIntakeReceipt(model, opts);
      },
      reference: (m) => m.ticketNumber,
    }),
    registerDocument('test_manager_only', {
      titleKey: 'documents.title.daily_close',
      formats: ['a4'],
      roles: MANAGERS,
      load: () => sampleIntakeReceipt('zh-CN'),
      build: buildIntakeReceipt,
    }),
  );
  ({ backend } = makeBackend());
  tokens = await setupShop(backend);
});
afterAll(async () => {
  unregister.forEach((u) => u());
  await backend.close();
});
afterEach(() => {
  brokenLayout = false;
});

async function pdfOf(jobId: string, token = tokens.counter) {
  const res = await backend.call('print.pdf', { jobId }, { token });
  expect(res.mimeType).toBe('application/pdf');
  const bytes = Buffer.from(res.base64, 'base64');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return writePdf(bytes, res.fileName);
}

describe('print service', () => {
  it('renders a job, keeps its PDF, logs it and flags a second print as a reprint', async () => {
    const job = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-1' }, { token: tokens.counter });
    expect(job).toMatchObject({
      docType: 'test_ticket',
      entityId: 'T-1',
      status: 'queued',
      reprint: false,
      attempts: 1,
      format: 'a4', // an unknown type prints on the fallback paper unless the shop sets one
      copies: 1,
      autoPrint: false,
      language: 'zh-CN',
      requestedByName: 'counter',
      hasPdf: true,
      title: '维修受理单 TS01-2611-0001',
    });
    const file = await pdfOf(job.id);
    const text = squash(pdfText(file));
    expect(text).toContain('TS01-2611-0001');
    expect(text).not.toContain('重印');
    expect(scan(file)).toEqual(['CODE-128:TS01-2611-0001', 'QR-Code:TS01-2611-0001']);

    const done = await backend.call('print.complete', { jobId: job.id, outcome: 'printed' }, { token: tokens.counter });
    expect(done).toMatchObject({ status: 'printed', error: null });
    expect(done.completedAt).not.toBeNull();

    // The same document again is a reprint, whether or not the client said so.
    const again = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-1' }, { token: tokens.counter });
    expect(again.reprint).toBe(true);
    expect(squash(pdfText(await pdfOf(again.id)))).toContain('重印');

    const log = await backend.call('print.queue', { entityId: 'T-1', limit: 10 }, { token: tokens.counter });
    expect(log.map((j) => [j.id, j.reprint, j.status])).toEqual([
      [again.id, true, 'queued'],
      [job.id, false, 'printed'],
    ]);
    // a technician may not print this document, so the queue does not show its jobs either
    expect(await backend.call('print.queue', { entityId: 'T-1', limit: 10 }, { token: tokens.technician })).toEqual([]);
    // the log is synced to head office
    const outbox = backend.services.sqlite.prepare(`SELECT count(*) n FROM outbox WHERE table_name = 'print_jobs' AND row_id = ?`).get(job.id) as { n: number };
    expect(outbox.n).toBeGreaterThanOrEqual(2);
  });

  it('follows the shop setting for paper, copies and auto-print; a request may pick other paper or language', async () => {
    const shop = await backend.call('shop.get', {}, { token: tokens.manager });
    await backend.call(
      'shop.update',
      { documents: { ...shop.settings.documents, types: { test_ticket: { format: 'receipt80', autoPrint: true, copies: 2, printer: 'XP-80C' } } } },
      { token: tokens.manager },
    );
    const job = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-2' }, { token: tokens.counter });
    expect(job).toMatchObject({ format: 'receipt80', copies: 2, autoPrint: true, printer: 'XP-80C' });
    const roll = pdfPages(await pdfOf(job.id));
    expect(roll.width).toBeCloseTo(226.77, 1);
    expect(roll.pages).toBe(1);

    const a5en = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-2', format: 'a5', language: 'en' }, { token: tokens.counter });
    expect(a5en).toMatchObject({ format: 'a5', language: 'en', title: 'Intake Receipt TS01-2611-0002' });
    const file = await pdfOf(a5en.id);
    expect(squash(pdfText(file))).toContain('IntakeReceipt');
    expect(pdfPages(file).width).toBeCloseTo(419.5, 0);
    // other settings survive a patch that does not name them
    await backend.call('shop.update', { sessionIdleMinutes: 45 }, { token: tokens.manager });
    expect((await backend.call('shop.get', {}, { token: tokens.manager })).settings.documents.types.test_ticket?.format).toBe('receipt80');
  });

  it('refuses paper the document cannot use with a field error', async () => {
    const res = await backend.callWire('print.request', { docType: 'test_ticket', entityId: 'T-1', format: 'label50x30' }, { token: tokens.counter, locale: 'en' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'format', message: expect.stringContaining('50×30 mm label') }] } } });
  });

  it('keeps a failed print in the queue, retries it and records the outcome', async () => {
    brokenLayout = true;
    const job = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-3' }, { token: tokens.counter, locale: 'en' });
    expect(job.status).toBe('failed');
    expect(job.error).toContain('layout exploded');
    expect(job.hasPdf).toBe(false);
    const failed = await backend.call('print.queue', { status: 'failed', limit: 50 }, { token: tokens.counter });
    expect(failed.map((j) => j.id)).toContain(job.id);

    brokenLayout = false;
    const retried = await backend.call('print.retry', { jobId: job.id }, { token: tokens.counter });
    expect(retried).toMatchObject({ status: 'queued', error: null, attempts: 2, hasPdf: true });

    // the printer itself can fail too: the client says so, then retries
    const paperOut = await backend.call('print.complete', { jobId: job.id, outcome: 'failed', error: 'Out of paper' }, { token: tokens.counter });
    expect(paperOut).toMatchObject({ status: 'failed', error: 'Out of paper' });
    expect((await backend.call('print.retry', { jobId: job.id }, { token: tokens.counter })).attempts).toBe(3);
    expect((await backend.call('print.complete', { jobId: job.id, outcome: 'saved' }, { token: tokens.counter })).status).toBe('saved');

    const again = await backend.callWire('print.retry', { jobId: job.id }, { token: tokens.counter, locale: 'en' });
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringContaining('Saved as PDF') } });
    const twice = await backend.callWire('print.complete', { jobId: job.id, outcome: 'printed' }, { token: tokens.counter, locale: 'zh-CN' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringContaining('已存为 PDF') } });
  });

  it('answers an unknown document type or entity with a typed, translated error and logs nothing', async () => {
    const count = () => (backend.services.sqlite.prepare('SELECT count(*) n FROM print_jobs').get() as { n: number }).n;
    const before = count();
    expect(await backend.callWire('print.request', { docType: 'no_such_doc', entityId: 'x' }, { token: tokens.counter, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unknown document type: no_such_doc' },
    });
    expect(await backend.callWire('print.request', { docType: 'no_such_doc', entityId: 'x' }, { token: tokens.counter, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未知的单据类型：no_such_doc' },
    });
    expect(await backend.callWire('print.request', { docType: 'test_ticket', entityId: 'T-404' }, { token: tokens.counter, locale: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('未找到要打印的记录'), details: { entityId: 'T-404' } },
    });
    expect(await backend.callWire('print.pdf', { jobId: 'nope' }, { token: tokens.counter, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Print job not found' },
    });
    expect(count()).toBe(before);
  });

  it('refuses a role the document does not allow, before rendering anything', async () => {
    for (const role of ['counter', 'technician'] as const) {
      const res = await backend.callWire('print.request', { docType: 'test_manager_only', entityId: 'x' }, { token: tokens[role], locale: 'en' });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(role) } });
    }
    const tech = await backend.callWire('print.request', { docType: 'test_ticket', entityId: 'T-1' }, { token: tokens.technician, locale: 'en' });
    expect(tech).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await backend.callWire('print.request', { docType: 'test_manager_only', entityId: 'x' }, { token: tokens.manager })).ok).toBe(true);
    expect(await backend.callWire('print.queue', { limit: 5 }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('renders a pruned PDF again on demand', async () => {
    const job = await backend.call('print.request', { docType: 'test_ticket', entityId: 'T-2' }, { token: tokens.counter });
    backend.services.sqlite.prepare('DELETE FROM print_files WHERE job_id = ?').run(job.id);
    const [listed] = await backend.call('print.queue', { entityId: 'T-2', limit: 1 }, { token: tokens.counter });
    expect(listed).toMatchObject({ id: job.id, hasPdf: false });
    expect(squash(pdfText(await pdfOf(job.id)))).toContain('TS01-2611-0002');
  });
});
