import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';

/**
 * A shop ready to quote on day one (issue 19 point 2), kept by its manager: the starter price
 * list of the categories it repairs, the catalog import template that imports as it is, and
 * both refused to the counter. Expected figures are the brief's: a phone shop quotes a screen's
 * labour and charges a diagnosis fee when a quote is declined.
 */
let backend: Backend;
let tokens: Awaited<ReturnType<typeof setupShop>>;
beforeEach(async () => {
  backend = makeBackend({ clock: new ManualClock() }).backend;
  tokens = await setupShop(backend);
});
afterEach(async () => {
  await backend.close();
});
const as = (role: 'counter' | 'manager' | 'technician') => ({ token: tokens[role] });

describe('the starter price list and the catalog template, kept by the manager', () => {
  it('adds labour per chosen category, one diagnosis fee and a rush fee; a second run adds nothing and keeps an edited price', async () => {
    const r = await backend.call('priceList.starter', { categories: ['phone', 'refrigerator'] }, as('manager'));
    const codes = r.items.map((i) => i.code);
    expect(r.created).toBe(r.items.length);
    expect(r.items.filter((i) => i.category === 'phone' && i.kind === 'labor').length).toBeGreaterThan(0);
    expect(r.items.filter((i) => i.diagnosisFee)).toHaveLength(1);
    expect(codes).toContain('FEE-RUSH');
    expect(codes).toContain('FEE-VISIT'); // a refrigerator is repaired where it stands
    expect(r.items.some((i) => i.category === 'laptop')).toBe(false);
    const screen = r.items.find((i) => i.code === 'LAB-PHONE-SCREEN')!;
    const { id, code, kind, nameZh, nameEn, diagnosisFee, active } = screen;
    await backend.call('priceList.save', { id, code, kind, nameZh, nameEn, category: 'phone', diagnosisFee, active, priceFen: 9900 }, as('manager'));
    const again = await backend.call('priceList.starter', { categories: ['phone'] }, as('manager'));
    expect(again.created).toBe(0);
    expect(again.items.find((i) => i.code === 'LAB-PHONE-SCREEN')!.priceFen).toBe(9900);
  });

  it('refuses the counter and a technician, and an empty choice in words', async () => {
    await expect(backend.call('priceList.starter', { categories: ['phone'] }, as('counter'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backend.call('parts.importTemplate', { format: 'xlsx' }, as('technician'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backend.call('priceList.starter', { categories: [] }, as('manager'))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await backend.call('priceList.list', {}, as('counter'))).length).toBe(0);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    for (const language of ['zh-CN', 'en'] as const) {
      it(`the ${format} template in ${language} imports as it is: two example parts, no error`, async () => {
        const tpl = await backend.call('parts.importTemplate', { format, language }, as('manager'));
        expect(tpl.fileName.endsWith(`.${format}`)).toBe(true);
        const report = await backend.call('parts.import', { fileName: tpl.fileName, contentBase64: tpl.base64, acceptGoodRows: false }, as('manager'));
        expect(report).toMatchObject({ totalRows: 2, goodRows: 2, errors: [], committed: true, created: 2 });
      });
    }
  }
});
