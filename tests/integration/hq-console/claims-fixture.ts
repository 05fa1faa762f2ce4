/**
 * An enrolled shop that makes warranty claims: the bench test shop's price list and parts (set up
 * before enrollment, after which head office owns them), enrolled at `hq`, syncing in-process.
 * `warrantyClaim()` repairs an in-warranty phone (labor and a serialized mainboard the maker pays,
 * a rush fee the customer pays), hands it back and submits the maker's claim.
 */
import type { Backend } from '../../../src/core';
import { openBackend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import type { Claim } from '../../../src/shared/collection/schemas';
import { syncEngineOf, type SyncEngine } from '../../../src/core/sync/engine';
import { setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { fastTempDir, injectTransport, type TestHq } from '../../helpers/hq';
import { newTicket, type BenchShop } from '../bench/helpers';

export interface ClaimsShop {
  backend: Backend;
  engine: SyncEngine;
  hqShopId: string;
  code: string;
  clock: ManualClock;
  as(role: Role): { token: string };
  call<T = any>(role: Role, name: string, input: unknown): Promise<T>;
  warrantyClaim(): Promise<Claim>;
  /** A paid screen repair (¥450.00 for the customer) approved on the phone and through QC: the ticket is ready. */
  repairToReady(ticketId: string): Promise<void>;
  sync(): Promise<void>;
}

let n = 0;

/**
 * `clock`: the shop's, shared with head office when a test moves time on both; `beforeEnroll`:
 * what the shop did before it joined head office (its mainboard part's id given).
 */
export async function claimsShop(
  hq: TestHq,
  code = `CL${process.pid % 1000}${++n}`.slice(0, 8),
  clock = new ManualClock(),
  beforeEnroll?: (call: <T = any>(role: Role, name: string, input: unknown) => Promise<T>, boardId: string) => Promise<void>,
): Promise<ClaimsShop> {
  const backend = openBackend({ dataDir: fastTempDir('fixpoint-claims-'), clock, checkOutputs: true, escalations: { autoStart: false }, sync: { autoStart: false, transport: injectTransport(hq.app), backoffBaseMs: 30_000 } });
  const tokens = await setupShop(backend);
  const as = (role: Role) => ({ token: tokens[role] });
  const call = <T = any>(role: Role, name: string, input: unknown) => backend.call(name as never, input as never, as(role)) as Promise<T>;
  const labor = await call('admin', 'priceList.save', { code: 'LAB-SCREEN', kind: 'labor', nameZh: '更换屏幕工时', nameEn: 'Screen replacement labor', category: 'phone', priceFen: 8000 });
  const rush = await call('admin', 'priceList.save', { code: 'FEE-RUSH', kind: 'fee', nameZh: '加急费', nameEn: 'Rush fee', priceFen: 3000 });
  const board = await call('admin', 'parts.save', { part: { sku: 'M60-MB', nameZh: 'Mate 60 主板', category: '主板', listPrice: 300000, serialized: true, cost: 150000 } });
  await call('admin', 'stock.receive', { partId: board.id, qty: 5, unitCost: 150000, supplier: '总部', serials: [1, 2, 3, 4, 5].map((i) => `M60-MB-SN${i}`) });
  if (beforeEnroll) await beforeEnroll(call, board.id);
  const created = await hq.service.createShop({ code, name: `${code}店` });
  const engine = syncEngineOf(backend.services);
  await call('admin', 'sync.enroll', { url: 'http://hq.test', code: created.enrollmentCode });
  await engine.runNow();
  const bench = { backend, as } as unknown as BenchShop;
  let serial = 0;
  const status = (id: string) => (backend.services.sqlite.prepare(`SELECT status FROM tickets WHERE id = ?`).get(id) as { status: string }).status;
  return {
    backend,
    engine,
    hqShopId: created.shop.id,
    code,
    clock,
    as,
    call,
    sync: async () => void (await engine.runNow()),
    async repairToReady(id: string) {
      await call('technician', 'bench.claim', { ticketId: id });
      await call('technician', 'bench.diagnose', { ticketId: id, cause: '屏幕总成损坏', findings: [] });
      const wb = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'custom', description: '更换屏幕总成', unitPriceFen: 45000, reason: '屏幕碎裂' }], submit: true });
      await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意' } });
      await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
      const w = await call('technician', 'bench.workbench', { ticketId: id });
      await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(w.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
    },
    async warrantyClaim() {
      const id = await newTicket(bench, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true } as never);
      await call('technician', 'bench.claim', { ticketId: id });
      await call('technician', 'bench.diagnose', { ticketId: id, cause: '主板供电芯片损坏', findings: [] });
      const wb = await call('technician', 'bench.quote.save', {
        ticketId: id,
        lines: [{ kind: 'labor', priceItemId: labor.id }, { kind: 'part', partId: board.id }, { kind: 'custom', description: '加急处理', unitPriceFen: 3000, reason: '客户要求当天取' }],
        submit: true,
      });
      void rush;
      if (status(id) === 'awaiting_approval') await call('counter', 'bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意加急费' } });
      if (status(id) !== 'repairing') await call('technician', 'bench.transition', { ticketId: id, to: 'repairing' });
      await call('technician', 'bench.issuePart', { ticketId: id, partId: board.id, serials: [`M60-MB-SN${++serial}`], removed: { serial: `BAD-MB-${serial}`, description: '旧主板' } });
      await call('technician', 'bench.transition', { ticketId: id, to: 'qc' });
      const w2 = await call('technician', 'bench.workbench', { ticketId: id });
      await call('technician', 'bench.qc', { ticketId: id, items: Object.fromEntries(w2.qcChecklist.map((k: string) => [k, 'pass'])), data: 'preserved' });
      const v = await call('counter', 'collection.lookup', { ref: id });
      const due = v.settlement.totalFen as number;
      await call('counter', 'collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: '8000' }, tenders: due > 0 ? [{ tender: 'alipay', amountFen: due, reference: 'ALI-1' }] : [] });
      const [claim] = await call<Claim[]>('counter', 'claims.list', { ticketId: id });
      return call<Claim>('manager', 'claims.setStatus', { claimId: claim!.id, status: 'submitted' });
    },
  };
}
