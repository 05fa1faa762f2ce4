/**
 * Issue 19 point 5 at the API: the workbench carries the device as it came in (fault, condition,
 * accessories, the intake photos without their bytes, the claim and the decision, the customer's
 * phone), and an incomplete QC is refused naming each missing item as a field path.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../src/shared/bench/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from './helpers';

// A JPEG's first bytes (SOI and an APP0 marker) and some filler: what the intake screen sends as a thumbnail.
const THUMB = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]).toString('base64');
const PICTURE = Buffer.alloc(3000, 9).toString('base64');

let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

const wbOf = (id: string) => s.backend.call('bench.workbench', { ticketId: id }, s.as('technician')) as Promise<Workbench>;

describe('the device as it came in', () => {
  it('shows fault, condition, accessories, intake photos (not diagnosis photos), the claim and the customer phone', async () => {
    const id = await newTicket(s, {
      ...oldPhone(),
      customer: { name: '赵敏', phones: ['139 0013 9000'] },
      fault: { text: '进水后无法开机', codes: ['no_power'] },
      condition: { powers_on: 'fault', liquid_indicator: 'fault', cosmetic: 'ok' },
      accessories: { items: ['charger', 'other'], other: '蓝色手机壳' },
      warrantyClaimed: true,
      photos: [{ name: 'front.jpg', mime: 'image/jpeg', dataBase64: PICTURE, thumbBase64: THUMB, caption: '正面' }],
    });
    await s.backend.call('bench.claim', { ticketId: id }, s.as('technician'));
    await s.backend.call('bench.diagnose', { ticketId: id, cause: '主板进水腐蚀', photos: [{ name: 'board.jpg', mime: 'image/jpeg', dataBase64: PICTURE, caption: '主板' }] }, s.as('technician'));
    const r = (await wbOf(id)).received;
    expect(r.fault).toEqual({ text: '进水后无法开机', codes: ['no_power'] });
    expect(r.condition).toMatchObject({ powers_on: 'fault', liquid_indicator: 'fault', cosmetic: 'ok', display: 'not_checked' });
    expect(r.accessories).toEqual({ items: ['charger', 'other'], other: '蓝色手机壳' });
    // Only the counter's photo, with its thumbnail; the technician's diagnosis photo is not "as received".
    expect(r.photos.map((p) => p.caption)).toEqual(['正面']);
    expect(r.photos[0]!.thumbUrl).toBe(`data:image/jpeg;base64,${THUMB}`);
    expect(r.photos[0]).not.toHaveProperty('dataBase64');
    expect(r.warrantyClaimed).toBe(true);
    // No quote yet: the label is the claim, not a decision.
    expect(r.coverage.label).toBe('claimed');
    expect(r.customer).toEqual({ name: '赵敏', phones: ['139 0013 9000'] });
    // Quoted: the decision replaces the claim. A phone of 2023 is out of warranty: the customer pays.
    await s.backend.call('bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true }, s.as('technician'));
    const after = (await wbOf(id)).received;
    expect(after.coverage.label).toBe('paid');
    expect(after.warrantyClaimed).toBe(true);
  });
});

describe('QC refusal', () => {
  it('names every missing item as a field path, in the caller’s language, and records nothing', async () => {
    const id = await newTicket(s, oldPhone());
    const sqlite = s.backend.services.sqlite;
    // Straight to QC (the ticket's work is not what this test is about).
    sqlite.prepare(`UPDATE tickets SET status = 'qc' WHERE id = ?`).run(id);
    // A phone's checklist has ten items; two are left out.
    const items = { power: 'pass', display: 'pass', touch: 'pass', cameras: 'fail', charging: 'pass', buttons: 'pass', network: 'pass', cosmetic: 'pass' };
    for (const locale of ['zh-CN', 'en'] as const) {
      const r = await s.backend.callWire('bench.qc', { ticketId: id, items, data: 'preserved', failReason: '后摄无法对焦' }, { ...s.as('technician'), locale });
      expect(r.ok).toBe(false);
      const error = (r as unknown as { error: { code: string; details: { fields: { path: string; message: string }[] } } }).error;
      expect(error.code).toBe('VALIDATION');
      expect(error.details.fields.map((f) => f.path)).toEqual(['items.audio', 'items.biometrics']);
      expect(error.details.fields[0]!.message).toBe(locale === 'en' ? 'Every item of the QC checklist must be answered' : '质检清单须逐项填写');
    }
    expect((sqlite.prepare(`SELECT count(*) n FROM qc_results`).get() as { n: number }).n).toBe(0);
    expect((sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status).toBe('qc');
  });
});
