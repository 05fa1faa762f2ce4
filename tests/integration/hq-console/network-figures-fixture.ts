/**
 * Three shops' synced rows written as a push leaves them (hq_rows, the shop's sequence moved on),
 * small enough to work every figure out by hand (network-figures.test.ts lists them), and their
 * regions set through the console as a network admin would.
 */
import type { TestHq } from '../../helpers/hq';
import type { ConsoleClient } from './console-client';

export const NOW = Date.parse('2026-11-22T06:00:00.000Z');

interface Ticket {
  id: string;
  customer: string;
  category: string;
  brand: string;
  steps: [string, string][];
  promised: string;
  paid?: [fen: number, tender: string, at: string];
}

export async function writeShop(hq: TestHq, shopId: string, tickets: Ticket[], seq: number): Promise<void> {
  const rows: { table_name: string; row_id: string; data: Record<string, unknown> }[] = [];
  for (const t of tickets) {
    rows.push({ table_name: 'customers', row_id: `${t.id}-c`, data: { id: `${t.id}-c`, name: t.customer, phone: '13812345678' } });
    rows.push({ table_name: 'devices', row_id: `${t.id}-d`, data: { id: `${t.id}-d`, category: t.category, brand: t.brand, model: 'M1' } });
    rows.push({ table_name: 'tickets', row_id: t.id, data: { id: t.id, number: t.id, device_id: `${t.id}-d`, customer_id: `${t.id}-c`, service_type: 'carry_in', promised_date: t.promised, warranty_claimed: 0, fault_codes_json: '["screen"]' } });
    t.steps.forEach(([to, at], i) => rows.push({ table_name: 'ticket_events', row_id: `${t.id}-e${i}`, data: { id: `${t.id}-e${i}`, ticket_id: t.id, at, from_status: i ? t.steps[i - 1]![0] : null, to_status: to, user_id: null } }));
    if (t.paid) {
      rows.push({ table_name: 'quotes', row_id: `${t.id}-q`, data: { id: `${t.id}-q`, ticket_id: t.id, version: 1, customer_total_fen: t.paid[0], maker_fen: 0, extended_warranty_fen: 0, insurer_fen: 0, shop_fen: 0 } });
      rows.push({ table_name: 'payments', row_id: `${t.id}-p`, data: { id: `${t.id}-p`, ticket_id: t.id, amount_fen: t.paid[0], tender: t.paid[1], at: t.paid[2] } });
    }
  }
  const at = new Date(NOW).toISOString();
  const db = hq.service.db;
  for (const r of rows) {
    await db
      .insertInto('hq_rows')
      .values({ shop_id: shopId, table_name: r.table_name, row_id: r.row_id, version: seq, deleted: 0, data: JSON.stringify(r.data), updated_at: at })
      .onConflict((oc) => oc.columns(['shop_id', 'table_name', 'row_id']).doUpdateSet({ data: JSON.stringify(r.data), version: seq }))
      .execute();
  }
  // What a push leaves: the shop's sequence moved on.
  await db.updateTable('hq_shops').set({ last_seq: seq, high_version: seq, schema_version: 19, last_push_at: at }).where('id', '=', shopId).execute();
}

export const done = (r: string, ready: string, collected: string): [string, string][] => [['received', r], ['diagnosing', r], ['repairing', r], ['ready', ready], ['collected', collected]];


/** SZ01 and GZ01 in 华南, SH01 in 华东, with the tickets of the test's table. Answers the shops' ids by code. */
export async function threeShops(hq: TestHq, token: ConsoleClient): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [code, name] of [['SZ01', '深圳店'], ['GZ01', '广州店'], ['SH01', '上海店']] as const) {
    const r = await token.call<{ shop: { id: string } }>('shops.create', { code, name });
    ids[code] = r.body.shop.id;
  }
  for (const [code, region] of [['SZ01', '华南'], ['GZ01', ' 华南 '], ['SH01', '华东']] as const) {
    const r = await token.call<{ shop: { region: string } }>('shops.setRegion', { shopId: ids[code], region });
    if (r.body.shop.region !== region.trim()) throw new Error(`region of ${code}: ${r.body.shop.region}`);
  }
  await writeShop(hq, ids.SZ01!, [
    { id: 'A1', customer: '王小明', category: 'phone', brand: 'Huawei', promised: '2026-11-06', steps: done('2026-11-03T02:00:00.000Z', '2026-11-05T02:00:00.000Z', '2026-11-06T02:00:00.000Z'), paid: [20_000, 'cash', '2026-11-06T02:00:00.000Z'] },
    { id: 'A2', customer: '李四', category: 'laptop', brand: 'Lenovo', promised: '2026-11-12', steps: [['received', '2026-11-10T02:00:00.000Z'], ['repairing', '2026-11-10T03:00:00.000Z']] },
  ], 1);
  await writeShop(hq, ids.GZ01!, [{ id: 'B1', customer: 'Wang Fang', category: 'phone', brand: 'Xiaomi', promised: '2026-11-14', steps: done('2026-11-12T02:00:00.000Z', '2026-11-13T02:00:00.000Z', '2026-11-14T02:00:00.000Z'), paid: [15_000, 'wechat', '2026-11-14T02:00:00.000Z'] }], 1);
  await writeShop(hq, ids.SH01!, [
    { id: 'C0', customer: '赵六', category: 'phone', brand: 'Apple', promised: '2026-10-23', steps: done('2026-10-20T02:00:00.000Z', '2026-10-22T02:00:00.000Z', '2026-10-23T02:00:00.000Z') },
    { id: 'C1', customer: '张伟', category: 'phone', brand: 'Apple', promised: '2026-11-22', steps: done('2026-11-20T02:00:00.000Z', '2026-11-21T02:00:00.000Z', '2026-11-22T02:00:00.000Z'), paid: [30_000, 'alipay', '2026-11-22T02:00:00.000Z'] },
  ], 1);
  return ids;
}
