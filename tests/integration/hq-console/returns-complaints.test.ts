import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, EscalatedComplaint } from '../../../src/shared/hq-console/contract';
import type { HqShipmentDetail, HqShipmentRow, ShopReturns } from '../../../src/shared/hq-console/returns';
import type { OldPart, Shipment } from '../../../src/shared/stock/schemas';
import type { Complaint } from '../../../src/shared/reports/care';
import type { Role } from '../../../src/shared/api/roles';
import { AppError } from '../../../src/shared/api/errors';
import { addDaysToDate, localDate } from '../../../src/shared/time/local-date';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { PASSWORD } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';
import { claimsShop } from './claims-fixture';

/**
 * Returned old parts and escalated complaints at head office, over real HTTP against a real
 * enrolled shop that syncs, with one clock for both moved on by hand:
 * - the shop ships two old parts back; head office lists the shipment in transit, receives one
 *   line, the shop pulls it (line confirmed, shipment still open), two weeks later the shipment
 *   is listed late, head office receives the last line and the shop's shipment closes;
 * - a complaint the shop let slip goes to the manager, then to head office; head office answers
 *   with a deadline, the shop's complaint shows both, head office sees that the shop has it and,
 *   after the deadline, that it is still open.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(['sqlite', 'postgres'] as HqDialect[])('returned parts and escalated complaints at head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('ship → receive a line → late → receive the last → closed; escalate → respond → shown at the shop → past the deadline', async () => {
    const clock = new ManualClock();
    // Each step signs in afresh (the clock moves past session lifetimes): room for that many sign-ins.
    const hq = await openTestHq(dialect, { now: () => clock.now(), http: { rateLimits: { signIn: 1000, console: 5000 } } });
    try {
      const shop = await claimsShop(hq, undefined, clock);
      const claim = await shop.warrantyClaim(); // its old mainboard goes to the bin
      // Shop sessions end after an hour idle: a fresh one for each step after the clock moves.
      const call = async <T = any>(role: Role, name: string, input: unknown): Promise<T> => {
        const { token } = await shop.backend.call('auth.login' as never, { username: role, password: PASSWORD } as never) as { token: string };
        return shop.backend.call(name as never, input as never, { token }) as Promise<T>;
      };
      await call('counter', 'oldParts.add', { ticket: claim.ticketNumber, serial: 'BAD-BAT-1', description: '旧电池' });
      const bin = await call<OldPart[]>('counter', 'oldParts.list', { status: 'in_bin' });
      expect(bin.map((o) => o.serial).sort()).toEqual(['BAD-BAT-1', 'BAD-MB-1']);
      const today = localDate(clock.now(), 'Asia/Shanghai');
      const shipped = await call<Shipment>('counter', 'shipments.create', { oldPartIds: bin.map((o) => o.id), carrier: '顺丰速运', trackingNo: 'SF1234567890', shippedOn: today });
      await shop.sync();

      const { base, token } = await consoleHq(hq);
      await addUser(token, 'zhao', 'claims_reviewer');
      await addUser(token, 'wu', 'service_manager');
      await addUser(token, 'li', 'analyst');
      // Console sessions end too: sign in for each step.
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const ref = { shopId: shop.hqShopId, shipmentId: shipped.id };
      const list = async (view: string) => (await (await as('zhao')).call<{ shipments: HqShipmentRow[] }>('returns.list', { view })).body.shipments;

      // in transit: the shipment as the shop synced it, due two weeks after its shipping date
      const transit = await list('transit');
      expect(transit).toHaveLength(1);
      expect(transit[0]).toMatchObject({ shopCode: shop.code, number: shipped.number, carrier: '顺丰速运', trackingNo: 'SF1234567890', shippedOn: today, dueOn: addDaysToDate(today, 14), shopStatus: 'shipped', lines: 2, received: 0, late: false, shopApplied: true });
      expect(await list('late')).toEqual([]);
      expect(await list('received')).toEqual([]);
      // the network at a glance: each shop's open returns
      const glance = (await (await as('zhao')).call<{ shops: ShopReturns[] }>('returns.list', { view: 'received' })).body.shops;
      expect(glance).toEqual([{ shopId: shop.hqShopId, shopCode: shop.code, shopName: `${shop.code}店`, transit: 1, late: 0, openLines: 2 }]);
      const reviewer = await as('zhao');
      const detail = (await reviewer.call<HqShipmentDetail>('returns.detail', ref)).body;
      const board = detail.items.find((l) => l.serial === 'BAD-MB-1')!;
      const battery = detail.items.find((l) => l.serial === 'BAD-BAT-1')!;
      expect(board).toMatchObject({ ticketNumber: claim.ticketNumber, replacedBySerial: 'M60-MB-SN1', shopStatus: 'shipped', receivedAt: null, source: 'device' });
      expect(battery).toMatchObject({ description: '旧电池', ticketNumber: claim.ticketNumber });

      // who may: a service manager follows the returns but does not receive; an analyst neither
      const manager = await as('wu');
      expect((await manager.call('returns.list', {})).status).toBe(200);
      expect((await manager.call('returns.receive', { ...ref, oldPartIds: [board.oldPartId] })).status).toBe(403);
      expect((await (await as('li')).call('returns.list', {})).status).toBe(403);
      expect((await token.call('returns.receive', { ...ref, oldPartIds: [board.oldPartId] })).status).toBe(403);

      // bad input is refused with words: no line, a line of no such shipment, no such shipment
      const none = await reviewer.call('returns.receive', { ...ref, oldPartIds: [] });
      expect(none.status).toBe(400);
      const foreign = await reviewer.call('returns.receive', { ...ref, oldPartIds: ['not-a-line'] });
      expect(foreign.status).toBe(409);
      expect(foreign.body.error).toMatchObject({ code: 'NOT_IN_SHIPMENT', message: `This old part is not in return shipment ${shipped.number}` });
      const zh = await new ConsoleClient(base, { locale: 'zh-CN' });
      await zh.signIn('zhao', PASSWORDS.other);
      expect((await zh.call('returns.detail', { shopId: shop.hqShopId, shipmentId: 'nope' })).body.error).toMatchObject({ code: 'NO_SHIPMENT', message: '总部没有这张旧件返还单（门店可能尚未同步）' });

      // one line received, with a note
      const one = await reviewer.call<HqShipmentDetail>('returns.receive', { ...ref, oldPartIds: [board.oldPartId], note: '序列号核对无误' });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ received: 1, lines: 2, shopApplied: false });
      const got = one.body.items.find((l) => l.oldPartId === board.oldPartId)!;
      expect(got).toMatchObject({ receivedBy: 'zhao', note: '序列号核对无误', shopApplied: false });
      expect(got.receivedAt).toBe(clock.now().toISOString());

      // the shop pulls: that line confirmed at head office's instant, the shipment still open
      await shop.sync();
      const lines = await call<OldPart[]>('counter', 'oldParts.list', { shipmentId: shipped.id });
      expect(lines.map((l) => [l.serial, l.status, l.confirmedAt]).sort()).toEqual([
        ['BAD-BAT-1', 'shipped', null],
        ['BAD-MB-1', 'confirmed', got.receivedAt],
      ]);
      expect((await call<Shipment[]>('counter', 'shipments.list', {}))[0]).toMatchObject({ status: 'shipped', lines: 2, confirmed: 1 });
      // an enrolled shop does not confirm receipt itself
      const own = await call('counter', 'shipments.confirm', { shipmentId: shipped.id }).catch((e: unknown) => e);
      expect(own).toBeInstanceOf(AppError);
      expect((own as AppError).key).toBe('stock.errors.shipmentReceivedByHq');
      await shop.sync(); // the confirmed line goes up
      expect((await (await as('zhao')).call<HqShipmentDetail>('returns.detail', ref)).body).toMatchObject({ received: 1, shopApplied: true });

      // ---- complaints: the shop misses its deadlines; the manager, then head office, is alerted
      const opened = await call<Complaint>('counter', 'complaints.open', { ticketId: claim.ticketId, channel: 'phone', category: 'delay', severity: 'high', description: '客户 13800138000 投诉维修太慢' });
      const quiet = await call<Complaint>('counter', 'complaints.open', { channel: 'phone', category: 'price', description: '嫌贵' });
      await call('manager', 'complaints.respond', { id: quiet.id, note: '已回电' }); // answered in time: never escalated
      clock.advance(25 * HOUR);
      await call('manager', 'complaints.checkEscalations', {});
      clock.advance(25 * HOUR);
      await call('manager', 'complaints.checkEscalations', {});
      await shop.sync();
      const escalated = async (who = 'wu') => (await (await as(who)).call<{ complaints: EscalatedComplaint[] }>('complaints.escalated', { view: 'escalated' })).body.complaints;
      const listed = (await escalated()).find((c) => c.id === opened.id)!;
      expect(listed).toMatchObject({ shopId: shop.hqShopId, number: opened.number, escalation: 'head_office', hqResponses: [], hqDeadline: null, pastHqDeadline: false });
      expect(listed.description).not.toContain('13800138000');

      const cref = { shopId: shop.hqShopId, complaintId: opened.id };
      const hqToday = localDate(clock.now(), 'Asia/Shanghai');
      const sm = await as('wu');
      const zhSm = new ConsoleClient(base, { locale: 'zh-CN' });
      expect((await zhSm.signIn('wu', PASSWORDS.other)).status).toBe(200);
      // a deadline already past, no date, no words; not escalated; no such complaint
      const past = await zhSm.call('complaints.respond', { ...cref, response: '请尽快处理', deadline: addDaysToDate(hqToday, -1) });
      expect(past.status).toBe(400);
      expect(past.body.error!.details.fields).toEqual({ deadline: 'ui.hq.complaints.validation.deadlinePast' });
      expect((await sm.call('complaints.respond', { ...cref, response: '请尽快处理', deadline: '2026-02-30' })).status).toBe(400);
      expect((await sm.call('complaints.respond', { ...cref, response: ' ', deadline: hqToday })).status).toBe(400);
      const notUp = await sm.call('complaints.respond', { shopId: shop.hqShopId, complaintId: quiet.id, response: '好', deadline: hqToday });
      expect(notUp.status).toBe(409);
      expect(notUp.body.error!.code).toBe('COMPLAINT_STATE');
      expect((await sm.call('complaints.respond', { shopId: shop.hqShopId, complaintId: 'nope', response: '好', deadline: hqToday })).status).toBe(404);
      // only a service manager answers for head office
      expect((await (await as('zhao')).call('complaints.respond', { ...cref, response: '好', deadline: hqToday })).status).toBe(403);
      expect((await token.call('complaints.respond', { ...cref, response: '好', deadline: hqToday })).status).toBe(403);

      const deadline = addDaysToDate(hqToday, 3);
      const responded = await sm.call<EscalatedComplaint>('complaints.respond', { ...cref, response: '总部已联系客户致歉，请门店三天内完成维修并回访客户', deadline });
      expect(responded.status).toBe(200);
      expect(responded.body).toMatchObject({ id: opened.id, hqDeadline: deadline, pastHqDeadline: false });
      expect(responded.body.hqResponses.map((r) => [r.by, r.deadline, r.shopReceived])).toEqual([['wu', deadline, false]]);

      // the shop pulls: its complaint shows head office's words and deadline, and its timeline keeps them
      await shop.sync();
      const atShop = await call<Complaint>('manager', 'complaints.get', { id: opened.id });
      expect(atShop.headOffice).toEqual({ response: '总部已联系客户致歉，请门店三天内完成维修并回访客户', deadline, respondedAt: responded.body.hqResponses[0]!.at, responder: 'wu', pastDeadline: false });
      const notes = atShop.events.filter((e) => e.kind === 'note');
      expect(notes.map((e) => [e.note, e.data.hqResponseId])).toEqual([['总部已联系客户致歉，请门店三天内完成维修并回访客户', responded.body.hqResponses[0]!.id]]);
      await shop.sync(); // pulling the same page again adds nothing; the note goes up
      expect((await call<Complaint>('manager', 'complaints.get', { id: opened.id })).events.filter((e) => e.kind === 'note')).toHaveLength(1);
      expect((await escalated()).find((c) => c.id === opened.id)!.hqResponses[0]!.shopReceived).toBe(true);

      // ---- two weeks on: the shipment is late; the complaint is past head office's deadline
      clock.advance(14 * DAY);
      const late = await list('late');
      expect(late.map((r) => [r.number, r.received, r.lines, r.late, r.daysLate])).toEqual([[shipped.number, 1, 2, true, 2]]); // 50 hours + 14 days after shipping: due on day 14, two days late
      const byShop = (await (await as('wu')).call<{ shops: ShopReturns[] }>('returns.list', { view: 'late', shopId: shop.hqShopId })).body.shops;
      expect(byShop.map((x) => [x.shopCode, x.transit, x.late, x.openLines])).toEqual([[shop.code, 1, 1, 1]]);
      expect((await list('transit')).map((r) => r.number)).toEqual([shipped.number]);
      const stale = (await escalated()).find((c) => c.id === opened.id)!;
      expect(stale.pastHqDeadline).toBe(true);
      await shop.sync();
      expect((await call<Complaint>('manager', 'complaints.get', { id: opened.id })).headOffice!.pastDeadline).toBe(true);

      // the last line arrives: the shipment is received in full, no longer late; the shop's closes
      // two reviewers at once (the same lines): one receipt each line, one audit entry
      const [a, b] = await Promise.all([as('zhao'), as('zhao')]);
      const both = await Promise.all([a, b].map((c) => c.call<HqShipmentDetail>('returns.receive', { ...ref, oldPartIds: [battery.oldPartId, board.oldPartId] })));
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      const last = both[1]!;
      expect(last.body).toMatchObject({ received: 2, late: false });
      expect(await hq.service.db.selectFrom('hq_part_receipts').select('old_part_id').where('shop_id', '=', shop.hqShopId).execute()).toHaveLength(2);
      // the line received before keeps its first receipt
      expect(last.body.items.find((l) => l.oldPartId === board.oldPartId)!.receivedAt).toBe(got.receivedAt);
      await shop.sync();
      expect((await call<Shipment[]>('counter', 'shipments.list', {}))[0]).toMatchObject({ status: 'closed', confirmed: 2 });
      await shop.sync();
      expect(await list('late')).toEqual([]);
      expect(await list('transit')).toEqual([]);
      expect((await list('received'))[0]).toMatchObject({ number: shipped.number, received: 2, shopApplied: true, shopStatus: 'closed' });

      // ---- a shop that confirmed a return itself before it joined: received, never late, not received again
      let before: { confirmed: Shipment; open: Shipment } | null = null;
      const legacy = await claimsShop(hq, undefined, clock, async (own, boardId) => {
        const ship = async (serial: string) => {
          await own('manager', 'stock.faultyReturn', { partId: boardId, qty: 1, serials: [serial], reason: '开箱不良' });
          const [bin] = await own<OldPart[]>('counter', 'oldParts.list', { status: 'in_bin' });
          return own<Shipment>('counter', 'shipments.create', { oldPartIds: [bin!.id], carrier: '中通快递', trackingNo: `ZT-${serial}`, shippedOn: addDaysToDate(localDate(clock.now(), 'Asia/Shanghai'), -30) });
        };
        const confirmed = await ship('M60-MB-SN5');
        await own('counter', 'shipments.confirm', { shipmentId: confirmed.id });
        before = { confirmed, open: await ship('M60-MB-SN4') };
      });
      await legacy.sync();
      const { confirmed: old, open: pending } = before!;
      const lateNow = await list('late');
      expect(lateNow.map((r) => [r.shopCode, r.number])).toEqual([[legacy.code, pending.number]]);
      const mine = (await list('received')).find((r) => r.shipmentId === old.id)!;
      expect(mine).toMatchObject({ received: 1, lines: 1, late: false, shopApplied: true, shopStatus: 'closed' });
      const oldRef = { shopId: legacy.hqShopId, shipmentId: old.id };
      const oldDetail = (await (await as('zhao')).call<HqShipmentDetail>('returns.detail', oldRef)).body;
      expect(oldDetail.items.map((l) => [l.serial, l.byShop, l.receivedBy, l.source])).toEqual([['M60-MB-SN5', true, null, 'stock']]);
      const again = await (await as('zhao')).call<HqShipmentDetail>('returns.receive', { ...oldRef, oldPartIds: [oldDetail.items[0]!.oldPartId] });
      expect(again.body.items[0]).toMatchObject({ byShop: true, receivedBy: null });
      await legacy.backend.close();

      // every receipt and response in the audit log, with who
      const entries = (await token.call<{ entries: AuditEntry[] }>('audit.list', {})).body.entries;
      expect(entries.filter((e) => e.action === 'returns.receive' || e.action === 'complaint.hqRespond').map((e) => [e.action, e.actorName, e.target]).reverse()).toEqual([
        ['returns.receive', 'zhao', shipped.number],
        ['complaint.hqRespond', 'wu', opened.number],
        ['returns.receive', 'zhao', shipped.number],
      ]); // (the legacy shop's line confirmed by itself: nothing received, nothing audited)
      await shop.backend.close();
    } finally {
      await hq.close();
    }
  }, 240_000);
});
