import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock, testDate } from '../../helpers/clock';
import { imei, intakeInput } from '../intake/helpers';

export interface BenchShop {
  backend: Backend;
  tokens: Record<Role, string>;
  clock: ManualClock;
  as(role: Role): { token: string };
  parts: { screen: string; battery: string; board: string };
  prices: { labor: string; diagFee: string; rush: string };
  cleanup(): Promise<void>;
}

/** A shop with users, a small price list, three parts in stock (one serialized), ready for tickets. */
export async function benchShop(): Promise<BenchShop> {
  const clock = new ManualClock();
  const { backend } = makeBackend({ clock });
  const tokens = await setupShop(backend);
  const as = (role: Role) => ({ token: tokens[role] });
  const labor = await backend.call('priceList.save', { code: 'LAB-SCREEN', kind: 'labor', nameZh: '更换屏幕工时', nameEn: 'Screen replacement labor', category: 'phone', priceFen: 8000 }, as('admin'));
  const diagFee = await backend.call('priceList.save', { code: 'FEE-DIAG', kind: 'fee', nameZh: '检测费', nameEn: 'Diagnosis fee', category: '', priceFen: 5000, diagnosisFee: true }, as('admin'));
  const rush = await backend.call('priceList.save', { code: 'FEE-RUSH', kind: 'fee', nameZh: '加急费', nameEn: 'Rush fee', priceFen: 3000 }, as('admin'));
  const part = async (sku: string, nameZh: string, listPrice: number, qty: number, serialized = false, category = '屏幕') => {
    const p = await backend.call('parts.save', { part: { sku, nameZh, category, listPrice, serialized, cost: Math.round(listPrice / 2) } }, as('admin'));
    if (qty > 0) await backend.call('stock.receive', { partId: p.id, qty, unitCost: Math.round(listPrice / 2), supplier: '总部', serials: serialized ? Array.from({ length: qty }, (_, i) => `${sku}-SN${i + 1}`) : [] }, as('admin'));
    return p.id;
  };
  const parts = { screen: await part('M60-LCD', 'Mate 60 屏幕', 150000, 2), battery: await part('M60-BAT', 'Mate 60 电池', 29900, 0, false, '电池'), board: await part('M60-MB', 'Mate 60 主板', 300000, 1, true, '主板') };
  return {
    backend,
    tokens,
    clock,
    as,
    parts,
    prices: { labor: labor.id, diagFee: diagFee.id, rush: rush.id },
    cleanup: () => backend.close(),
  };
}

/** A new ticket: by default a phone bought long ago (out of warranty: the customer pays). */
export async function newTicket(s: BenchShop, over: Parameters<typeof intakeInput>[0] = {}): Promise<string> {
  const r = await s.backend.call('tickets.intake', intakeInput({ promisedDate: testDate(17), ...over }), s.as('counter'));
  return r.ticket!.id;
}

/** A phone bought in 2023: out of its one-year warranty, the customer pays. */
export const oldPhone = () => ({
  device: { category: 'phone' as const, brand: '华为', model: 'Mate 60', imei: imei(), colour: '黑', purchaseDate: '2023-01-05', proof: { kind: 'invoice' as const, invoiceNo: 'I-1', invoiceDate: '2023-01-05', seller: '店' } },
});
