import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../src/shared/bench/schemas';
import { benchShop, newTicket, oldPhone, type BenchShop } from './helpers';

/**
 * A quote's price-list lines are read in the reader's language: the English name of the price
 * item for an English screen, the shop's name for a Chinese one, while the quote keeps the
 * shop's name as it was quoted (what a maker's claim and the signed papers carry).
 */
let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

describe('quote lines in the reader\'s language', () => {
  it('labour by its English name for an English reader, the shop\'s name stored; a free line as typed', async () => {
    const id = await newTicket(s, oldPhone());
    await s.backend.call('bench.claim', { ticketId: id }, s.as('technician'));
    await s.backend.call('bench.diagnose', { ticketId: id, cause: '屏幕碎裂', findings: [] }, s.as('technician'));
    const custom = { kind: 'custom' as const, description: '排线加固', unitPriceFen: 2000, reason: '价目表无此项' };
    await s.backend.call('bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, custom] }, s.as('technician'));
    const read = async (locale: 'zh-CN' | 'en') =>
      ((await s.backend.call('bench.workbench', { ticketId: id }, { ...s.as('technician'), locale })) as Workbench).quote.current!.lines.map((l) => l.description);
    expect(await read('en')).toEqual(['Screen replacement labor', '排线加固']);
    expect(await read('zh-CN')).toEqual(['更换屏幕工时', '排线加固']);
    const stored = s.backend.services.sqlite.prepare(`SELECT description FROM quote_lines ORDER BY position`).pluck().all();
    expect(stored).toEqual(['更换屏幕工时', '排线加固']);
  });
});
