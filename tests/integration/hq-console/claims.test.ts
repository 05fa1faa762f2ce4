import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/shared/hq-console/contract';
import type { HqClaimDetail, HqClaimRow, PaymentBatch, ReconciliationRow } from '../../../src/shared/hq-console/claims';
import type { Claim } from '../../../src/shared/collection/schemas';
import { AppError } from '../../../src/shared/api/errors';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';
import { claimsShop } from './claims-fixture';

/**
 * Claims reviewed at head office, over real HTTP against a real enrolled shop that syncs: the
 * shop makes and submits a claim; head office rejects it, the shop pulls and sees the reason,
 * corrects and resubmits; head office sends it back for correction with a date, the shop
 * resubmits again; head office approves less than claimed, pays it in a batch, and the
 * reconciliation shows claimed, approved and paid. The shop can no longer decide its own claims.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());

describe.each(['sqlite', 'postgres'] as HqDialect[])('claims reviewed at head office on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('reject → corrected → returned → corrected → approved → paid, reconciled', async () => {
    const hq = await openTestHq(dialect);
    try {
      const shop = await claimsShop(hq);
      const other = await claimsShop(hq);
      const submitted = await shop.warrantyClaim();
      expect(submitted.status).toBe('submitted');
      await other.warrantyClaim(); // a second shop's claim, in the same queue
      await shop.sync();
      await other.sync();

      const { base, token } = await consoleHq(hq);
      await addUser(token, 'zhao', 'claims_reviewer');
      await addUser(token, 'li', 'analyst');
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const reviewer = await as('zhao');
      const queue = async (input: Record<string, unknown> = {}) => (await reviewer.call<{ claims: HqClaimRow[] }>('claims.queue', input)).body.claims;
      const ref = { shopId: shop.hqShopId, claimId: submitted.id };
      const mine = async () => (await queue({ shopId: shop.hqShopId }))[0]!;

      // the queue: both shops' submitted claims; filtered by shop, payer, period
      const all = await queue();
      expect(all.map((c) => c.state)).toEqual(['submitted', 'submitted']);
      expect((await queue({ shopId: shop.hqShopId })).map((c) => c.claimId)).toEqual([submitted.id]);
      expect(await queue({ payer: 'insurer' })).toEqual([]);
      expect(await queue({ period: '2001-01' })).toEqual([]);
      expect(await mine()).toMatchObject({ number: submitted.number, shopCode: shop.code, payer: 'maker', claimedFen: submitted.claimedFen, ticketNumber: submitted.ticketNumber, device: submitted.device });

      // the detail: lines with serials, the quote's 三包 decision, the ticket's device
      const detail = (await reviewer.call<HqClaimDetail>('claims.detail', ref)).body;
      const board = detail.lines.find((l) => l.sku === 'M60-MB')!;
      expect(board).toMatchObject({ amountFen: 300000, newSerials: ['M60-MB-SN1'], removedSerial: 'BAD-MB-1' });
      expect(board.coverage).toBeTruthy();
      expect(detail.deviceInfo).toMatchObject({ brand: submitted.device.split(' ')[0], imei: submitted.imei });
      expect(detail.diagnosis).toBe('主板供电芯片损坏');
      expect(detail.ticket!.fault).toContain('无法开机');

      // reject with a reason
      const bad = await reviewer.call('claims.decide', { ...ref, decision: 'rejected', reason: '' });
      expect(bad.status).toBe(400);
      const rejected = await reviewer.call<HqClaimDetail>('claims.decide', { ...ref, decision: 'rejected', reason: '旧件序列号与出厂记录不符' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ state: 'rejected', shopApplied: false });
      expect(rejected.body.decisions.map((d) => [d.decision, d.by])).toEqual([['rejected', 'zhao']]);
      expect((await reviewer.call('claims.decide', { ...ref, decision: 'approved' })).status).toBe(409);

      // the shop pulls: rejected with the reason; it may not approve it itself
      await shop.sync();
      const [atShop] = await shop.call<Claim[]>('manager', 'claims.list', { ticketId: submitted.ticketId });
      expect(atShop).toMatchObject({ status: 'rejected', rejectReason: '旧件序列号与出厂记录不符', review: { decision: 'rejected', reviewer: 'zhao' } });
      const own = await shop.call('manager', 'claims.setStatus', { claimId: submitted.id, status: 'approved' }).catch((e: unknown) => e);
      expect(own).toBeInstanceOf(AppError);
      expect((own as AppError).key).toBe('collection.error.claimDecidedByHq');
      await shop.sync(); // the applied status goes up
      expect(await mine()).toMatchObject({ state: 'rejected', shopApplied: true });

      // corrected and resubmitted
      await shop.call('manager', 'claims.setStatus', { claimId: submitted.id, status: 'submitted', reason: '已核对旧件序列号，附出厂记录' });
      await shop.sync();
      expect(await mine()).toMatchObject({ state: 'resubmitted' });
      expect((await queue({ state: 'resubmitted' })).map((c) => c.claimId)).toEqual([submitted.id]);
      expect((await reviewer.call<HqClaimDetail>('claims.detail', ref)).body.note).toBe('已核对旧件序列号，附出厂记录');

      // sent back for correction, with a date
      const returned = await reviewer.call<HqClaimDetail>('claims.decide', { ...ref, decision: 'returned', reason: '请补充发票照片', correctBy: '2026-12-10' });
      expect(returned.body).toMatchObject({ state: 'returned', correctBy: '2026-12-10' });
      await shop.sync();
      const [back] = await shop.call<Claim[]>('manager', 'claims.list', { ticketId: submitted.ticketId });
      expect(back).toMatchObject({ status: 'rejected', rejectReason: '请补充发票照片', review: { decision: 'returned', correctBy: '2026-12-10' } });
      await shop.call('manager', 'claims.setStatus', { claimId: submitted.id, status: 'submitted', reason: '已补充发票照片' });
      await shop.sync();
      expect(await mine()).toMatchObject({ state: 'resubmitted' });

      // approved, for less than claimed
      const approvedFen = submitted.claimedFen - 8000;
      expect((await reviewer.call('claims.decide', { ...ref, decision: 'approved', approvedFen: submitted.claimedFen + 1 })).status).toBe(400);
      const approved = await reviewer.call<HqClaimDetail>('claims.decide', { ...ref, decision: 'approved', approvedFen });
      expect(approved.body).toMatchObject({ state: 'approved', approvedFen });
      await shop.sync();
      const [ok] = await shop.call<Claim[]>('manager', 'claims.list', { ticketId: submitted.ticketId });
      expect(ok).toMatchObject({ status: 'approved', approvedFen, review: { decision: 'approved' } });

      // a payment batch: paid ¥10 less than approved
      const period = submitted.period;
      const paid = await reviewer.call<{ batch: PaymentBatch; claims: HqClaimRow[] }>('claims.payBatch', { shopId: shop.hqShopId, period, reference: 'HW-PAY-2611', payments: [{ claimId: submitted.id, paidFen: approvedFen - 1000 }] });
      expect(paid.status).toBe(200);
      expect(paid.body.claims[0]).toMatchObject({ state: 'paid', paidFen: approvedFen - 1000 });
      // twice is refused, and so is a claim not approved
      expect((await reviewer.call('claims.payBatch', { shopId: shop.hqShopId, period, reference: 'AGAIN', payments: [{ claimId: submitted.id, paidFen: 1 }] })).status).toBe(409);
      await shop.sync();
      const [done] = await shop.call<Claim[]>('manager', 'claims.list', { ticketId: submitted.ticketId });
      expect(done).toMatchObject({ status: 'paid', paidFen: approvedFen - 1000, differenceFen: submitted.claimedFen - approvedFen + 1000, review: { decision: 'paid', reference: 'HW-PAY-2611' } });

      // reconciliation: read by the analyst too
      const analyst = await as('li');
      const rec = (await analyst.call<{ rows: ReconciliationRow[]; batches: PaymentBatch[] }>('claims.reconcile', { period })).body;
      const row = rec.rows.find((r) => r.shopId === shop.hqShopId)!;
      expect(row).toMatchObject({ claims: 1, claimedFen: submitted.claimedFen, approvedFen, paidFen: approvedFen - 1000, unpaidFen: 1000, differenceFen: submitted.claimedFen - approvedFen + 1000 });
      expect(rec.rows.find((r) => r.shopId === other.hqShopId)).toMatchObject({ claims: 1, approvedFen: 0, paidFen: 0 });
      expect(rec.batches.map((b) => [b.reference, b.totalFen, b.by])).toEqual([['HW-PAY-2611', approvedFen - 1000, 'zhao']]);
      expect((await analyst.call('claims.queue', {})).status).toBe(403);
      expect((await analyst.call('claims.decide', { ...ref, decision: 'rejected', reason: 'x' })).status).toBe(403);
      // a network admin reads the queue but does not decide
      expect((await token.call('claims.queue', {})).status).toBe(200);
      expect((await token.call('claims.decide', { ...ref, decision: 'rejected', reason: 'x' })).status).toBe(403);

      // every decision in the audit log, with who
      const entries = (await token.call<{ entries: AuditEntry[] }>('audit.list', {})).body.entries;
      expect(entries.filter((e) => e.action.startsWith('claim.')).map((e) => [e.action, e.actorName]).reverse()).toEqual([
        ['claim.rejected', 'zhao'],
        ['claim.returned', 'zhao'],
        ['claim.approved', 'zhao'],
        ['claim.payBatch', 'zhao'],
      ]);
      // in the reader's language
      const zh = await as('zhao', 'zh-CN');
      const again = await zh.call('claims.decide', { ...ref, decision: 'approved' });
      expect(again.body.error!.message).toContain(submitted.number);
      await shop.backend.close();
      await other.backend.close();
    } finally {
      await hq.close();
    }
  }, 240_000);
});
