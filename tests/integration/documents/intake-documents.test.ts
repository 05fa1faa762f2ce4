import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { intakeInput } from '../intake/helpers';
import { pdfPages, pdfText, scan, squash, writePdf } from './pdf-tools';

let backend: Backend;
let tokens: Record<Role, string>;
let ticket: { id: string; number: string };

beforeAll(async () => {
  ({ backend } = makeBackend({ clock: new ManualClock() }));
  tokens = await setupShop(backend);
  await backend.call('shop.update', { address: '深圳市福田区华强北路 1008 号', phone: '0755-8300 1234', hotline: '400-800-1234' }, { token: tokens.manager });
  const r = await backend.call('tickets.intake', intakeInput(), { token: tokens.counter });
  ticket = { id: r.ticket!.id, number: r.ticket!.number };
});
afterAll(async () => backend.close());

async function pdfFile(jobId: string) {
  const res = await backend.call('print.pdf', { jobId }, { token: tokens.counter });
  return writePdf(Buffer.from(res.base64, 'base64'), res.fileName);
}

describe('intake receipt and device label from a real intake', () => {
  it('prints the intake receipt on A5 by default, in two copies, printed on save', async () => {
    const job = await backend.call('print.request', { docType: 'intake_receipt', entityId: ticket.id }, { token: tokens.counter });
    expect(job).toMatchObject({ format: 'a5', copies: 2, autoPrint: true, status: 'queued', title: `维修受理单 ${ticket.number}` });
    const file = await pdfFile(job.id);
    const text = squash(pdfText(file));
    for (const s of ['测试维修中心', '400-800-1234', ticket.number, '138****8000', '屏幕碎裂，触摸失灵', '华为Mate60Pro', '保护壳', '¥50.00', '已提供', '客户已知悉', '2026-11-30', '服务条款', '维修过程中设备数据可能丢失', '客户签名', '接待人员counter'])
      expect(text).toContain(squash(s));
    expect(text).not.toContain('246810'); // the passcode never reaches paper
    expect(text).not.toContain('13800138000');
    expect(pdfPages(file).pages).toBe(1);
    expect(scan(file)).toEqual([`CODE-128:${ticket.number}`, `QR-Code:${ticket.number}`]);
  });

  it('prints it in English on the 80 mm roll, and by ticket number as well as by id', async () => {
    const job = await backend.call('print.request', { docType: 'intake_receipt', entityId: ticket.number, format: 'receipt80', language: 'en' }, { token: tokens.counter });
    const file = await pdfFile(job.id);
    const text = squash(pdfText(file));
    for (const s of ['Intake Receipt', ticket.number, '138****8000', 'Carry-in', 'Case', 'Terms of service']) expect(text).toContain(squash(s));
    expect(pdfPages(file).width).toBeCloseTo(226.77, 1);
    expect(scan(file)).toEqual([`CODE-128:${ticket.number}`, `QR-Code:${ticket.number}`]);
  });

  it('prints the device label on 50×30 mm; technicians may print labels but not receipts', async () => {
    const job = await backend.call('print.request', { docType: 'device_label', entityId: ticket.id }, { token: tokens.technician });
    expect(job).toMatchObject({ format: 'label50x30', copies: 1, autoPrint: true });
    const file = await pdfFile(job.id);
    expect(pdfPages(file)).toMatchObject({ pages: 1 });
    expect(squash(pdfText(file))).toContain('王小明');
    expect(scan(file)).toEqual([`CODE-128:${ticket.number}`]);
    const refused = await backend.callWire('print.request', { docType: 'intake_receipt', entityId: ticket.id }, { token: tokens.technician, locale: 'en' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers a ticket that does not exist with a translated NOT_FOUND', async () => {
    const res = await backend.callWire('print.request', { docType: 'intake_receipt', entityId: 'TS01-2611-9999' }, { token: tokens.counter, locale: 'en' });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Nothing to print: intake_receipt TS01-2611-9999 was not found' } });
  });
});
