import type { Backend } from '../backend';
import type { PartInput } from '../../shared/stock/schemas';
import { firstRow, qb, rows } from '../db/query';

/**
 * The demo shop's parts: screens, batteries, charging ports, mainboards for the demo phones,
 * laptops and appliances, with stock in bins, a few serialized parts, two loaner phones, one
 * loaner out and one old part waiting in the bin. Written through the procedures, as a person would.
 */
type DemoPart = Omit<PartInput, 'barcode' | 'nameEn' | 'grade' | 'kind' | 'serialized' | 'warrantyDays' | 'cost' | 'active'> &
  Partial<PartInput> & { stock: number; unitCost: number; bin: string; reorder?: [number, number] };

const P = (sku: string, nameZh: string, nameEn: string, category: string, models: string[], listPrice: number, unitCost: number, stock: number, bin: string, extra: Partial<DemoPart> = {}): DemoPart => ({
  sku,
  nameZh,
  nameEn,
  category,
  models,
  listPrice,
  unitCost,
  stock,
  bin,
  barcode: `69${String(sku.split('').reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 1e10, 7)).padStart(10, '0')}`,
  ...extra,
});

export const DEMO_PARTS: DemoPart[] = [
  P('HW-M60P-LCD', 'Mate 60 Pro 屏幕总成', 'Mate 60 Pro display assembly', '屏幕', ['Mate 60 Pro', 'Mate 60 Pro+'], 199900, 142000, 4, 'A-01', { reorder: [2, 4], warrantyDays: 90 }),
  P('HW-M60P-BAT', 'Mate 60 Pro 电池', 'Mate 60 Pro battery', '电池', ['Mate 60 Pro'], 29900, 16500, 9, 'A-02', { reorder: [3, 10], warrantyDays: 180 }),
  P('HW-M60P-USB', 'Mate 60 Pro 尾插小板', 'Mate 60 Pro charging port board', '尾插', ['Mate 60 Pro', 'Mate 60 Pro+'], 15900, 7800, 1, 'A-03', { reorder: [2, 5] }),
  P('HW-M60P-MB', 'Mate 60 Pro 主板 12+512G', 'Mate 60 Pro mainboard 12+512G', '主板', ['Mate 60 Pro'], 329900, 256000, 2, 'S-01', { serialized: true }),
  P('HW-P60P-LCD', 'P60 Pro 屏幕总成', 'P60 Pro display assembly', '屏幕', ['P60 Pro'], 179900, 128000, 2, 'A-01', { reorder: [1, 2] }),
  P('XM-14-LCD', '小米14 屏幕总成', 'Xiaomi 14 display assembly', '屏幕', ['Xiaomi 14'], 109900, 76000, 3, 'A-04', { reorder: [1, 3] }),
  P('XM-14-BAT', '小米14 电池', 'Xiaomi 14 battery', '电池', ['Xiaomi 14'], 19900, 9800, 6, 'A-02', { reorder: [2, 6], warrantyDays: 180 }),
  P('AP-IP15-BAT', 'iPhone 15 电池', 'iPhone 15 battery', '电池', ['iPhone 15'], 68900, 41000, 5, 'A-05', { reorder: [2, 5], warrantyDays: 90 }),
  P('AP-IP15PM-LCD', 'iPhone 15 Pro Max 屏幕', 'iPhone 15 Pro Max display', '屏幕', ['iPhone 15 Pro Max'], 279900, 215000, 1, 'A-05', { reorder: [1, 2] }),
  P('AP-IP14-CAM', 'iPhone 14 后置摄像头模组', 'iPhone 14 rear camera module', '摄像头', ['iPhone 14'], 99900, 62000, 2, 'A-06', { grade: 'certified' }),
  P('HN-M6P-LCD', 'Magic6 Pro 屏幕总成', 'Magic6 Pro display assembly', '屏幕', ['Magic6 Pro'], 149900, 99000, 0, 'A-04', { reorder: [1, 2] }),
  P('LN-X1C-KB', 'ThinkPad X1 Carbon 键盘', 'ThinkPad X1 Carbon keyboard', '键盘', ['ThinkPad X1 Carbon'], 89900, 52000, 3, 'B-01', { reorder: [1, 3] }),
  P('LN-X1C-MB', 'ThinkPad X1 Carbon 主板 i7', 'ThinkPad X1 Carbon mainboard i7', '主板', ['ThinkPad X1 Carbon'], 459900, 368000, 1, 'S-02', { serialized: true }),
  P('HW-MBXP-BAT', 'MateBook X Pro 电池', 'MateBook X Pro battery', '电池', ['MateBook X Pro'], 69900, 43000, 2, 'B-02', { reorder: [1, 2], warrantyDays: 180 }),
  P('GEN-65W-PD', '65W 快充适配器', '65W USB-C charger', '配件', ['MateBook 14', 'MateBook X Pro', 'ThinkPad T14'], 19900, 8200, 12, 'B-03', { reorder: [4, 10], warrantyDays: 365 }),
  P('HX-65E7K-PNL', '海信 65E7K 屏幕面板', 'Hisense 65E7K panel', '屏幕', ['65E7K'], 329900, 248000, 1, 'C-01'),
  P('TCL-65Q10G-PSU', 'TCL 65Q10G 电源板', 'TCL 65Q10G power board', '电源板', ['65Q10G'], 59900, 31000, 2, 'C-02'),
  P('GREE-KFR35-COMP', '格力 1.5 匹变频压缩机', 'Gree 1.5 HP inverter compressor', '压缩机', ['KFR-35GW'], 189900, 132000, 1, 'D-01', { serialized: true, warrantyDays: 365 }),
  P('HAIER-BCD-COMP', '海尔冰箱压缩机', 'Haier refrigerator compressor', '压缩机', ['BCD-470WDPG', 'BCD-520WICTU1'], 149900, 98000, 1, 'D-02', { serialized: true, warrantyDays: 365 }),
  P('MIDEA-WM-MOTOR', '美的滚筒洗衣机电机', 'Midea front-loader motor', '电机', ['MG100V11F'], 79900, 46000, 2, 'D-03'),
  P('LOAN-NOVA12', '备用机 华为 nova 12', 'Loaner Huawei nova 12', '备用机', [], 0, 180000, 2, 'L-01', { kind: 'loaner', serialized: true }),
];

export async function seedStockDemo(backend: Backend, token: string): Promise<void> {
  const call = <N extends Parameters<Backend['call']>[0]>(name: N, input: Parameters<Backend['call']>[1] & object) => backend.call(name, input as never, { token });
  const ids = new Map<string, string>();
  for (const d of DEMO_PARTS) {
    const { stock, unitCost, bin, reorder, ...part } = d;
    const saved = await call('parts.save', { part: { ...part, cost: unitCost } });
    ids.set(d.sku, saved.id);
    await call('stock.setSettings', { partId: saved.id, bin, reorderPoint: reorder?.[0] ?? 0, reorderQty: reorder?.[1] ?? 0 });
    if (stock > 0) {
      const serials = part.serialized ? Array.from({ length: stock }, (_, i) => `${d.sku.split('-')[0]}${d.sku.length}${String(240001 + i * 7)}`) : [];
      await call('stock.receive', { partId: saved.id, qty: stock, unitCost, supplier: part.kind === 'loaner' ? '华为终端' : '总部备件中心', deliveryNote: `DN-2611-${String(ids.size).padStart(3, '0')}`, serials });
    }
  }
  const tickets = rows(backend.services.sqlite, qb.selectFrom('tickets').select(['id', 'number']).where('status', 'not in', ['collected', 'cancelled']).orderBy('n').limit(3));
  const [first, second] = tickets;
  if (first) {
    await call('stock.issue', {
      partId: ids.get('HW-M60P-BAT')!,
      ticket: first.id,
      qty: 1,
      removed: { serial: 'HB-OLD-5521', description: 'Mate 60 Pro 电池（鼓包）', toOldPartsBin: true },
    });
    const serial = firstRow(backend.services.sqlite, qb.selectFrom('stock_serials').select('serial').where('part_id', '=', ids.get('LOAN-NOVA12')!).where('status', '=', 'in_stock').limit(1))!.serial;
    await call('loaners.issue', { partId: ids.get('LOAN-NOVA12')!, serial, ticket: first.id, depositFen: 50000, note: '屏幕无划痕，附充电器' });
  }
  if (second) await call('stock.reserve', { partId: ids.get('HN-M6P-LCD')!, ticket: second.id, qty: 1 });
}
