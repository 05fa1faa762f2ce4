/**
 * Generated parts stock: a catalog of `skus` parts (screens, batteries, ports, boards,
 * compressors… for the seeded brands and models) and `movements` ledger lines over the span,
 * in time order, with the derived balances computed alongside and written once at the end.
 * Prepared statements in 100k-row transactions; the ledger's secondary indexes are built after
 * the load (faster than maintaining them row by row).
 */
import type Database from 'better-sqlite3';
import { nextAverageCost } from '../../src/shared/stock/cost';
import { CATALOG } from '../../src/core/demo/intake-data';
import type { Rng, SeedContext, SeedStep } from './context';

const PART_KINDS: [string, string, string, number, number][] = [
  // [code, 中文, English, list price fen (typical), share of issues]
  ['LCD', '屏幕总成', 'display assembly', 120000, 30],
  ['BAT', '电池', 'battery', 25000, 25],
  ['USB', '尾插小板', 'charging port board', 9000, 12],
  ['CAM', '后置摄像头', 'rear camera', 60000, 6],
  ['MB', '主板', 'mainboard', 280000, 4],
  ['SPK', '扬声器', 'speaker', 6000, 8],
  ['BC', '后盖', 'back cover', 15000, 8],
  ['KB', '键盘', 'keyboard', 50000, 3],
  ['PSU', '电源板', 'power board', 40000, 2],
  ['COMP', '压缩机', 'compressor', 150000, 2],
];
const CATEGORY_ZH: Record<string, string> = { LCD: '屏幕', BAT: '电池', USB: '尾插', CAM: '摄像头', MB: '主板', SPK: '扬声器', BC: '后盖', KB: '键盘', PSU: '电源板', COMP: '压缩机' };

const LEDGER_INDEXES = [
  'CREATE INDEX stock_movements_part ON stock_movements(part_id, n)',
  'CREATE INDEX stock_movements_ticket ON stock_movements(ticket_id) WHERE ticket_id IS NOT NULL',
  `CREATE UNIQUE INDEX stock_movements_once ON stock_movements(kind, ref_id, part_id) WHERE ref_id IS NOT NULL AND kind IN ('stocktake', 'loan_out', 'loan_in')`,
];

export interface StockSeedOptions {
  sqlite: Database.Database;
  rand: Rng;
  idAt(ms: number): string;
  startMs: number;
  endMs: number;
  skus: number;
  movements: number;
  /** Ticket ids issues may point at (none: synthetic ids). */
  ticketIds: string[];
  /**
   * Where an issue or a return at `ms` goes instead: a ticket under repair then and its device's
   * model (the part is one of that model's); null: nothing is at the bench then, the line is a
   * receipt instead.
   */
  issueTarget?(ms: number): { ticketId: string; model: string } | null;
  userIds: string[];
  log(msg: string): void;
}

/** Writes the catalog, ledger and balances; returns the part ids. */
export function seedStock(o: StockSeedOptions): string[] {
  const { sqlite, rand } = o;
  const models = Object.values(CATALOG).flatMap((lines) => lines.flatMap((l) => l.models.map((m) => ({ brand: l.brand, model: m }))));
  const partIds: string[] = [];
  const byModel = new Map<string, number[]>();
  const price: number[] = [];
  const weight: number[] = [];
  const insPart = sqlite.prepare(
    `INSERT INTO parts (id, sku, barcode, name_zh, name_en, category, models_text, grade, kind, serialized, warranty_days, list_price, cost, active, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'part', 0, ?, ?, ?, 1, 'hq', ?, ?)`,
  );
  const insSettings = sqlite.prepare(`INSERT INTO stock_settings (part_id, bin, reorder_point, reorder_qty, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const created = new Date(o.startMs).toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < o.skus; i++) {
      const m = models[i % models.length]!;
      const k = PART_KINDS[Math.floor(i / models.length) % PART_KINDS.length]!;
      const variant = Math.floor(i / (models.length * PART_KINDS.length));
      const id = o.idAt(o.startMs + i);
      const p = Math.round((k[3] * (0.6 + rand.next() * 0.8)) / 100) * 100;
      partIds.push(id);
      const same = byModel.get(m.model);
      if (same) same.push(i);
      else byModel.set(m.model, [i]);
      price.push(p);
      weight.push(k[4] * (variant === 0 ? 4 : 1) * (0.2 + rand.next()));
      const sku = `${m.brand === 'Apple' ? 'AP' : 'G'}${String(i).padStart(5, '0')}-${k[0]}${variant ? `-V${variant}` : ''}`;
      insPart.run(id, sku, `69${String(1e10 + i).slice(1)}`, `${m.model} ${k[1]}${variant ? ` V${variant}` : ''}`, `${m.model} ${k[2]}`, CATEGORY_ZH[k[0]]!, m.model, rand.chance(0.8) ? 'original' : 'certified', rand.chance(0.5) ? 90 : 180, p, Math.round(p * 0.65), created, created);
      insSettings.run(id, `${String.fromCharCode(65 + (i % 12))}-${String(Math.floor(i / 12) % 40).padStart(2, '0')}`, rand.int(0, 3), rand.int(2, 10), created);
    }
  })();
  o.log(`stock: ${o.skus.toLocaleString('en')} parts`);

  // Popular parts move far more than the long tail: pick by cumulative weight.
  const cum = new Float64Array(weight.length);
  let acc = 0;
  weight.forEach((w, i) => (cum[i] = acc += w));
  const pickPart = () => {
    const x = rand.next() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** A part for a model, by the same popularity; null when the catalog has none for it. */
  const pickFor = (model: string): number | null => {
    const ids = byModel.get(model);
    if (!ids) return null;
    let total = 0;
    for (const i of ids) total += weight[i]!;
    let x = rand.next() * total;
    for (const i of ids) if ((x -= weight[i]!) <= 0) return i;
    return ids[ids.length - 1]!;
  };

  for (const idx of ['stock_movements_part', 'stock_movements_ticket', 'stock_movements_once']) sqlite.exec(`DROP INDEX IF EXISTS ${idx}`);
  const onHand = new Int32Array(o.skus);
  const avg = new Int32Array(o.skus);
  const lastSeq = new Float64Array(o.skus);
  const ins = sqlite.prepare(
    `INSERT INTO stock_movements (n, id, part_id, kind, qty, unit_cost, avg_cost_after, on_hand_after, ticket_id, supplier, delivery_note, reason, at, user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const span = o.endMs - o.startMs;
  const BATCH = 100_000;
  const suppliers = ['总部备件中心', '华南备件仓', '原厂直供'];
  for (let start = 0; start < o.movements; start += BATCH) {
    sqlite.transaction(() => {
      const end = Math.min(o.movements, start + BATCH);
      for (let n = start; n < end; n++) {
        const ms = o.startMs + Math.floor((span * n) / o.movements);
        let i: number;
        let r: number;
        let target: { ticketId: string; model: string } | null = null;
        if (o.issueTarget) {
          r = rand.next();
          target = r >= 0.16 && r < 0.95 ? o.issueTarget(ms) : null;
          // nothing at the bench then: a delivery instead
          if (!target && r >= 0.16 && r < 0.95) r = 0;
          i = (target && pickFor(target.model)) ?? pickPart();
        } else {
          i = pickPart();
          r = rand.next();
        }
        let kind: string;
        let qty: number;
        let unitCost = avg[i]!;
        let ticket: string | null = null;
        let supplier = '';
        let note = '';
        let reason = '';
        if (onHand[i]! <= 0 || r < 0.16) {
          kind = rand.chance(0.95) ? 'receive' : 'transfer_in';
          qty = rand.int(2, 20);
          unitCost = Math.round(price[i]! * (0.55 + rand.next() * 0.2));
          supplier = kind === 'receive' ? rand.pick(suppliers) : '';
          note = `DN-${String(n).padStart(8, '0')}`;
          avg[i] = nextAverageCost(onHand[i]!, avg[i]!, qty, unitCost);
        } else if (r < 0.9) {
          kind = 'issue';
          qty = -1;
          ticket = target?.ticketId ?? (o.ticketIds.length ? rand.pick(o.ticketIds) : `T${String(n % 900_000).padStart(7, '0')}`);
        } else if (r < 0.95) {
          kind = 'return';
          qty = 1;
          ticket = target?.ticketId ?? (o.ticketIds.length ? rand.pick(o.ticketIds) : `T${String(n % 900_000).padStart(7, '0')}`);
        } else if (r < 0.98) {
          kind = 'adjust';
          qty = -1;
          reason = '损坏报废';
        } else {
          kind = 'transfer_out';
          qty = -1;
          supplier = '';
        }
        onHand[i] = onHand[i]! + qty;
        lastSeq[i] = n + 1;
        ins.run(n + 1, o.idAt(ms), partIds[i], kind, qty, unitCost, avg[i], onHand[i], ticket, supplier, note, reason, new Date(ms).toISOString(), o.userIds.length ? o.userIds[n % o.userIds.length] : null);
      }
    })();
    if ((start / BATCH) % 10 === 9) o.log(`stock: ${(start + BATCH).toLocaleString('en')} movements`);
  }
  for (const sql of LEDGER_INDEXES) sqlite.exec(sql);
  const insBal = sqlite.prepare(`INSERT INTO stock_balances (part_id, on_hand, reserved, avg_cost, last_seq) VALUES (?, ?, 0, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < o.skus; i++) if (lastSeq[i]) insBal.run(partIds[i], onHand[i], avg[i], lastSeq[i]);
  })();
  o.log(`stock: ${o.movements.toLocaleString('en')} movements, balances written`);
  return partIds;
}

/**
 * In `npm run seed` the stock history scales with the shop: 20,000 SKUs and five movements per
 * ticket, at most 5,000,000 (the benchmark's own database has exactly that). Issues and returns
 * point at tickets under repair at the time, with parts for their device's model (the bench
 * step quotes what each ticket got).
 */
export const stockSeedStep: SeedStep = {
  name: 'stock',
  run(ctx: SeedContext) {
    // Parts go to tickets at the bench: one under repair at the time (its repairing spells, swept
    // in time order as the ledger is written), a part for its device's model.
    const spells = ctx.sqlite
      .prepare(
        `SELECT x.ticket_id, x.at, x.next_at, d.model FROM (
           SELECT ticket_id, at, to_status, lead(at) OVER (PARTITION BY ticket_id ORDER BY id) AS next_at
           FROM ticket_events WHERE to_status = 'repairing' OR from_status = 'repairing') x
         JOIN tickets t ON t.id = x.ticket_id JOIN devices d ON d.id = t.device_id
         WHERE x.to_status = 'repairing' ORDER BY x.at`,
      )
      .raw()
      .all() as [string, string, string | null, string][];
    const from = Float64Array.from(spells, (s) => Date.parse(s[1]));
    const until = Float64Array.from(spells, (s) => (s[2] ? Date.parse(s[2]) : Infinity));
    let next = 0;
    const atBench: number[] = [];
    const issueTarget = (ms: number) => {
      while (next < spells.length && from[next]! <= ms) atBench.push(next++);
      while (atBench.length > 0) {
        const k = Math.floor(ctx.rand.next() * atBench.length);
        const j = atBench[k]!;
        if (until[j]! > ms) return { ticketId: spells[j]![0], model: spells[j]![3] };
        atBench[k] = atBench[atBench.length - 1]!;
        atBench.pop();
      }
      return null;
    };
    seedStock({
      sqlite: ctx.sqlite,
      rand: ctx.rand,
      idAt: ctx.idAt,
      startMs: ctx.endMs - ctx.spanDays * 86_400_000,
      endMs: ctx.endMs,
      skus: Math.min(20_000, Math.max(200, ctx.tickets)),
      movements: Math.min(5_000_000, ctx.tickets * 5),
      ticketIds: [],
      issueTarget,
      userIds: ctx.users.filter((u) => u.role !== 'admin').map((u) => u.id),
      log: ctx.log,
    });
  },
};
