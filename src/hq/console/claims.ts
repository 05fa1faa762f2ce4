/**
 * The claims section of the console: the review queue over the claim rows every shop synced
 * (hq_rows), a claim's detail (lines, serials, the ticket's device, the quote lines' 三包 decision,
 * 三包 outcomes, photos' captions and thumbnails), head office's decisions (hq_claim_decisions,
 * audited, published to the claim's shop as `warranty.claimDecision` in the same transaction),
 * payment batches and the reconciliation of claimed, approved and paid per shop and month.
 *
 * Where a claim stands is derived: the shop's synced record says what the shop did (draft,
 * submitted, and after applying a decision its decided_at / paid_at equal to head office's
 * instant — an identity, never a comparison of clocks), head office's last decision what it did.
 */
import type { Kysely, Transaction } from 'kysely';
import { HqError } from '../errors';
import { jsonField, type HqDB } from '../db';
import type { HqService } from '../service';
import { writeItems } from '../publish';
import { audit, actorIds, type Actor } from './audit';
import { uuidv7Generator, type IdGenerator } from '../../shared/util/ids';
import type { z } from 'zod';
import type { Locale } from '../../shared/i18n/types';
import type {
  ClaimDecisionData,
  ClaimDecisionKind,
  HqClaimDecision,
  HqClaimDetail,
  HqClaimLine,
  HqClaimRow,
  PaymentBatch,
  ReconciliationRow,
  ReviewState,
  claimDecideSchema,
  claimsQueueSchema,
  paymentBatchSchema,
  reconciliationSchema,
} from '../../shared/hq-console/claims';

export const CLAIM_DECISION_KIND = 'warranty.claimDecision';
type Row = Record<string, unknown>;
type Db = Kysely<HqDB> | Transaction<HqDB>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);
const parse = (data: string | null): Row => (data ? (JSON.parse(data) as Row) : {});
const jsonArray = (v: unknown): unknown[] => {
  try {
    const a = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
    return Array.isArray(a) ? a : [];
  } catch {
    return [];
  }
};

/** A quote line's 三包 reasons as the shop wrote them, in each language ({ "zh-CN": [...], en: [...] }, or one list). */
function reasonsIn(v: unknown, locale: Locale): string[] {
  let r: unknown;
  try {
    r = typeof v === 'string' ? JSON.parse(v) : v;
  } catch {
    return [];
  }
  const list = Array.isArray(r) ? r : r && typeof r === 'object' ? ((r as Record<string, unknown>)[locale] ?? (r as Record<string, unknown>)['zh-CN']) : [];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

const generators = new WeakMap<HqService, IdGenerator>();
function newId(s: HqService): string {
  let g = generators.get(s);
  if (!g) generators.set(s, (g = uuidv7Generator({ now: () => s.now() })));
  return g();
}

interface ClaimRecord {
  shopId: string;
  id: string;
  data: Row;
}

export async function shopsById(db: Db): Promise<Map<string, { code: string; name: string }>> {
  const rows = await db.selectFrom('hq_shops').select(['id', 'code', 'name']).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** Rows of one table by id for one shop, in chunks. */
export async function rowsById(db: Db, shopId: string, table: string, ids: readonly string[]): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  const unique = [...new Set(ids.filter(Boolean))];
  for (let i = 0; i < unique.length; i += 500) {
    const part = unique.slice(i, i + 500);
    const rows = await db.selectFrom('hq_rows').select(['row_id', 'data']).where('shop_id', '=', shopId).where('table_name', '=', table).where('deleted', '=', 0).where('row_id', 'in', part).execute();
    for (const r of rows) out.set(r.row_id, parse(r.data));
  }
  return out;
}

function toDecision(r: Selectable): HqClaimDecision {
  return {
    id: r.id,
    decision: r.decision as ClaimDecisionKind,
    reason: r.reason,
    correctBy: r.correct_by,
    approvedFen: r.approved_fen === null ? null : Number(r.approved_fen),
    paidFen: r.paid_fen === null ? null : Number(r.paid_fen),
    reference: r.batch_id ?? '',
    at: r.decided_at,
    by: r.decided_by_name,
  };
}
type Selectable = HqDB['hq_claim_decisions'];

async function decisionsOf(db: Db, claims: readonly ClaimRecord[]): Promise<Map<string, HqClaimDecision[]>> {
  const out = new Map<string, HqClaimDecision[]>();
  const ids = [...new Set(claims.map((c) => c.id))];
  const batches = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('hq_claim_decisions').selectAll().where('claim_id', 'in', ids.slice(i, i + 500)).orderBy('id').execute();
    const batchIds = [...new Set(rows.map((r) => r.batch_id).filter((b): b is string => !!b && !batches.has(b)))];
    if (batchIds.length) for (const b of await db.selectFrom('hq_payment_batches').select(['id', 'reference']).where('id', 'in', batchIds).execute()) batches.set(b.id, b.reference);
    for (const r of rows) {
      const k = `${r.shop_id}/${r.claim_id}`;
      const d = toDecision(r);
      d.reference = r.batch_id ? (batches.get(r.batch_id) ?? '') : '';
      out.set(k, [...(out.get(k) ?? []), d]);
    }
  }
  return out;
}

/** Where a claim stands (see the file's comment). */
export function reviewState(data: Row, last: HqClaimDecision | null): { state: ReviewState; shopApplied: boolean } {
  const status = str(data.status);
  const applied = last ? (last.decision === 'paid' ? str(data.paid_at) === last.at : str(data.decided_at) === last.at) : true;
  if (status === 'draft') return { state: 'draft', shopApplied: applied };
  if (!last) return { state: status === 'submitted' ? 'submitted' : 'shop_decided', shopApplied: true };
  if ((last.decision === 'rejected' || last.decision === 'returned') && status === 'submitted' && applied) return { state: 'resubmitted', shopApplied: true };
  return { state: last.decision, shopApplied: applied };
}

async function toRows(s: HqService, db: Db, claims: ClaimRecord[]): Promise<{ rows: HqClaimRow[]; decisions: Map<string, HqClaimDecision[]> }> {
  const shops = await shopsById(db);
  const decisions = await decisionsOf(db, claims);
  const byShop = new Map<string, ClaimRecord[]>();
  for (const c of claims) byShop.set(c.shopId, [...(byShop.get(c.shopId) ?? []), c]);
  const tickets = new Map<string, Row>();
  const devices = new Map<string, Row>();
  for (const [shopId, list] of byShop) {
    const t = await rowsById(db, shopId, 'tickets', list.map((c) => str(c.data.ticket_id)));
    for (const [k, v] of t) tickets.set(`${shopId}/${k}`, v);
    const d = await rowsById(db, shopId, 'devices', [...t.values()].map((x) => str(x.device_id)));
    for (const [k, v] of d) devices.set(`${shopId}/${k}`, v);
  }
  const rows = claims.map((c): HqClaimRow => {
    const list = decisions.get(`${c.shopId}/${c.id}`) ?? [];
    const last = list[list.length - 1] ?? null;
    const { state, shopApplied } = reviewState(c.data, last);
    const ticket = tickets.get(`${c.shopId}/${str(c.data.ticket_id)}`);
    const device = ticket ? devices.get(`${c.shopId}/${str(ticket.device_id)}`) : undefined;
    const approval = [...list].reverse().find((d) => d.decision === 'approved' || d.decision === 'paid');
    const shop = shops.get(c.shopId);
    return {
      shopId: c.shopId,
      shopCode: shop?.code ?? '',
      shopName: shop?.name ?? '',
      claimId: c.id,
      number: str(c.data.number),
      ticketNumber: str(ticket?.number),
      device: device ? `${str(device.brand)} ${str(device.model)}`.trim() : '',
      payer: str(c.data.payer),
      period: str(c.data.period),
      shopStatus: str(c.data.status),
      state,
      claimedFen: num(c.data.claimed_fen),
      approvedFen: state === 'approved' || state === 'paid' ? (approval?.approvedFen ?? null) : state === 'shop_decided' ? numOrNull(c.data.approved_fen) : null,
      paidFen: state === 'paid' ? (last?.paidFen ?? null) : state === 'shop_decided' ? numOrNull(c.data.paid_fen) : null,
      submittedAt: strOrNull(c.data.submitted_at),
      shopApplied,
      correctBy: state === 'returned' ? (last?.correctBy ?? null) : null,
      lastDecision: last,
    };
  });
  return { rows, decisions };
}

async function claimRecords(s: HqService, db: Db, f: { shopId?: string | undefined; period?: string | undefined; payer?: string | undefined; claimId?: string | undefined }): Promise<ClaimRecord[]> {
  let q = db.selectFrom('hq_rows').select(['shop_id', 'row_id', 'data']).where('table_name', '=', 'warranty_claims').where('deleted', '=', 0);
  if (f.shopId) q = q.where('shop_id', '=', f.shopId);
  if (f.claimId) q = q.where('row_id', '=', f.claimId);
  if (f.period) q = q.where(jsonField(s.store.dialect, 'period'), '=', f.period);
  if (f.payer) q = q.where(jsonField(s.store.dialect, 'payer'), '=', f.payer);
  const rows = await q.orderBy('row_id', 'desc').execute();
  return rows.map((r) => ({ shopId: r.shop_id, id: r.row_id, data: parse(r.data) }));
}

/** Order of the queue: what waits for head office first (resubmitted, then submitted), then the rest; newest first within. */
const ORDER: Record<ReviewState, number> = { resubmitted: 0, submitted: 1, returned: 2, approved: 3, rejected: 4, paid: 5, shop_decided: 6, draft: 7 };

export async function claimsQueue(s: HqService, input: z.output<typeof claimsQueueSchema>): Promise<HqClaimRow[]> {
  const records = await claimRecords(s, s.db, input);
  const { rows } = await toRows(s, s.db, records);
  return rows
    .filter((r) => (input.state ? r.state === input.state : r.state !== 'draft'))
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.claimId < b.claimId ? 1 : -1))
    .slice(0, input.limit);
}

export async function claimDetail(s: HqService, shopId: string, claimId: string, db: Db = s.db, locale: Locale = 'zh-CN'): Promise<HqClaimDetail> {
  const [record] = await claimRecords(s, db, { shopId, claimId });
  if (!record) throw new HqError('NO_CLAIM', 404, `no claim ${claimId} at shop ${shopId}`, { claimId: claimId.slice(0, 60) });
  const { rows, decisions } = await toRows(s, db, [record]);
  const row = rows[0]!;
  const d = record.data;
  const dialect = s.store.dialect;
  const byField = (table: string, field: string, value: string) =>
    db.selectFrom('hq_rows').select(['row_id', 'data']).where('shop_id', '=', shopId).where('table_name', '=', table).where('deleted', '=', 0).where(jsonField(dialect, field), '=', value).orderBy('row_id').execute();
  const lineRows = (await byField('warranty_claim_lines', 'claim_id', claimId)).map((r) => parse(r.data)).sort((a, b) => num(a.position) - num(b.position));
  const quoteLines = await rowsById(db, shopId, 'quote_lines', lineRows.map((l) => str(l.quote_line_id)));
  const lines = lineRows.map((l): HqClaimLine => {
    const q = quoteLines.get(str(l.quote_line_id));
    return {
      position: num(l.position),
      kind: str(l.kind),
      sku: strOrNull(l.sku),
      description: str(l.description),
      qty: num(l.qty),
      unitPriceFen: num(l.unit_price_fen),
      amountFen: num(l.amount_fen),
      newSerials: jsonArray(l.new_serials_json).filter((x): x is string => typeof x === 'string'),
      removedSerial: strOrNull(l.removed_serial),
      coverage: q ? strOrNull(q.coverage) : null,
      warrantyStatus: q ? strOrNull(q.status) : null,
      warrantyPart: q ? strOrNull(q.warranty_part) : null,
      endDate: q ? strOrNull(q.end_date) : null,
      reasons: q ? reasonsIn(q.reasons_json, locale) : [],
    };
  });
  const ticketId = str(d.ticket_id);
  const ticket = (await rowsById(db, shopId, 'tickets', [ticketId])).get(ticketId);
  const device = ticket ? (await rowsById(db, shopId, 'devices', [str(ticket.device_id)])).get(str(ticket.device_id)) : undefined;
  const diagnoses = ticketId ? (await byField('diagnoses', 'ticket_id', ticketId)).map((r) => parse(r.data)) : [];
  const sanbao = ticketId ? (await byField('sanbao_outcomes', 'ticket_id', ticketId)).map((r) => parse(r.data)) : [];
  const photos = ticketId ? (await byField('attachments', 'ticket_id', ticketId)).map((r): Row & { id: string } => ({ ...parse(r.data), id: r.row_id })) : [];
  const thumb = (v: unknown) => (v && typeof v === 'object' && '$b' in v ? `data:image/jpeg;base64,${str((v as Row).$b)}` : null);
  return {
    ...row,
    note: str(d.note),
    rejectReason: str(d.reject_reason),
    lines,
    ticket: ticket ? { number: str(ticket.number), receivedAt: strOrNull(ticket.received_at), fault: str(ticket.fault_text), serviceType: strOrNull(ticket.service_type) } : null,
    deviceInfo: device
      ? { category: str(device.category), brand: str(device.brand), model: str(device.model), imei: strOrNull(device.imei), imei2: strOrNull(device.imei2), serial: strOrNull(device.serial), purchaseDate: strOrNull(device.purchase_date), invoiceDate: strOrNull(device.invoice_date) }
      : null,
    diagnosis: diagnoses.length ? str(diagnoses[diagnoses.length - 1]!.cause) : null,
    sanbao: sanbao.map((o) => ({
      option: str(o.option),
      purchasePriceFen: num(o.purchase_price_fen),
      daysUsed: num(o.days_used),
      depreciationFen: num(o.depreciation_fen),
      refundFen: num(o.refund_fen),
      oldSerial: strOrNull(o.old_imei) ?? strOrNull(o.old_serial),
      newSerial: strOrNull(o.new_imei) ?? strOrNull(o.new_serial),
      note: str(o.note),
    })),
    photos: photos.map((p) => ({ id: p.id, name: str(p.name), caption: str(p.caption), thumb: thumb(p.thumb) })),
    decisions: decisions.get(`${shopId}/${claimId}`) ?? [],
  };
}

const actorName = (a: Actor) => actorIds(a).actor_name;

async function record(
  s: HqService,
  trx: Transaction<HqDB>,
  actor: Actor,
  shopId: string,
  claimId: string,
  d: { decision: ClaimDecisionKind; reason: string; correctBy: string | null; approvedFen: number | null; paidFen: number | null; batchId: string | null; reference: string },
  at: string,
): Promise<void> {
  const ids = actorIds(actor);
  await trx
    .insertInto('hq_claim_decisions')
    .values({ id: newId(s), shop_id: shopId, claim_id: claimId, decision: d.decision, reason: d.reason, correct_by: d.correctBy, approved_fen: d.approvedFen, paid_fen: d.paidFen, batch_id: d.batchId, decided_at: at, decided_by: ids.actor, decided_by_name: ids.actor_name })
    .execute();
  const data: ClaimDecisionData = { decision: d.decision, reason: d.reason, correctBy: d.correctBy, approvedFen: d.approvedFen, paidFen: d.paidFen, decidedAt: at, reviewer: actorName(actor).slice(0, 60), reference: d.reference };
  await writeItems(trx, CLAIM_DECISION_KIND, shopId, [{ id: claimId, data: JSON.stringify(data) }], at);
}

const REVIEWABLE: readonly ReviewState[] = ['submitted', 'resubmitted'];

export async function decideClaim(s: HqService, actor: Actor, input: z.output<typeof claimDecideSchema>, locale: Locale = 'zh-CN'): Promise<HqClaimDetail> {
  await s.db.transaction().execute(async (trx) => {
    const c = await claimDetail(s, input.shopId, input.claimId, trx);
    if (!REVIEWABLE.includes(c.state)) throw new HqError('CLAIM_STATE', 409, `claim ${c.number} is ${c.state}`, { number: c.number, state: c.state });
    const approvedFen = input.decision === 'approved' ? (input.approvedFen ?? c.claimedFen) : null;
    if (approvedFen !== null && approvedFen > c.claimedFen) {
      throw new HqError('VALIDATION', 400, 'approved over claimed', { reason: 'approvedFen', fields: { approvedFen: 'collection.validation.approvedOverClaimed' } });
    }
    const at = s.nowIso();
    const correctBy = input.decision === 'returned' ? input.correctBy : null;
    await record(s, trx, actor, input.shopId, input.claimId, { decision: input.decision, reason: input.reason, correctBy, approvedFen, paidFen: null, batchId: null, reference: '' }, at);
    await audit(s, actor, `claim.${input.decision}`, c.number, { shop: c.shopCode, claimedFen: c.claimedFen, approvedFen, reason: input.reason, correctBy }, trx);
  });
  return claimDetail(s, input.shopId, input.claimId, s.db, locale);
}

export async function payBatch(s: HqService, actor: Actor, input: z.output<typeof paymentBatchSchema>): Promise<{ batch: PaymentBatch; claims: HqClaimRow[] }> {
  const batchId = newId(s);
  const at = s.nowIso();
  const ids = actorIds(actor);
  const total = input.payments.reduce((a, p) => a + p.paidFen, 0);
  const claimIds = input.payments.map((p) => p.claimId);
  if (new Set(claimIds).size !== claimIds.length) throw new HqError('VALIDATION', 400, 'a claim twice in one batch', { reason: 'payments' });
  await s.db.transaction().execute(async (trx) => {
    const records = (await claimRecords(s, trx, { shopId: input.shopId })).filter((c) => claimIds.includes(c.id));
    const { rows } = await toRows(s, trx, records);
    const byId = new Map(rows.map((r) => [r.claimId, r]));
    await trx
      .insertInto('hq_payment_batches')
      .values({ id: batchId, shop_id: input.shopId, period: input.period, reference: input.reference, total_fen: total, claim_count: input.payments.length, created_at: at, created_by: ids.actor, created_by_name: ids.actor_name })
      .execute();
    for (const p of input.payments) {
      const c = byId.get(p.claimId);
      if (!c) throw new HqError('NO_CLAIM', 404, `no claim ${p.claimId} at shop ${input.shopId}`, { claimId: p.claimId.slice(0, 60) });
      if (c.state !== 'approved' || c.period !== input.period) throw new HqError('CLAIM_STATE', 409, `claim ${c.number} is ${c.state} in ${c.period}`, { number: c.number, state: c.state });
      await record(s, trx, actor, input.shopId, p.claimId, { decision: 'paid', reason: '', correctBy: null, approvedFen: c.approvedFen, paidFen: p.paidFen, batchId, reference: input.reference }, at);
    }
    await audit(s, actor, 'claim.payBatch', input.reference, { shopId: input.shopId, period: input.period, totalFen: total, claims: input.payments.length }, trx);
  });
  const records = (await claimRecords(s, s.db, { shopId: input.shopId })).filter((c) => claimIds.includes(c.id));
  return { batch: { id: batchId, shopId: input.shopId, period: input.period, reference: input.reference, totalFen: total, claims: input.payments.length, at, by: ids.actor_name }, claims: (await toRows(s, s.db, records)).rows };
}

/** Claimed, approved and paid per shop and month (claims the shops have submitted), and the batches paid. */
export async function reconcile(s: HqService, input: z.output<typeof reconciliationSchema>): Promise<{ rows: ReconciliationRow[]; batches: PaymentBatch[] }> {
  const records = await claimRecords(s, s.db, input);
  const { rows } = await toRows(s, s.db, records);
  const out = new Map<string, ReconciliationRow>();
  for (const r of rows) {
    if (r.state === 'draft') continue;
    const k = `${r.shopId}/${r.period}`;
    const g = out.get(k) ?? { shopId: r.shopId, shopCode: r.shopCode, shopName: r.shopName, period: r.period, claims: 0, claimedFen: 0, approvedFen: 0, paidFen: 0, unpaidFen: 0, differenceFen: 0 };
    g.claims++;
    g.claimedFen += r.claimedFen;
    g.approvedFen += r.approvedFen ?? 0;
    g.paidFen += r.paidFen ?? 0;
    g.unpaidFen = g.approvedFen - g.paidFen;
    g.differenceFen = g.claimedFen - g.paidFen;
    out.set(k, g);
  }
  let q = s.db.selectFrom('hq_payment_batches').selectAll().orderBy('id', 'desc');
  if (input.shopId) q = q.where('shop_id', '=', input.shopId);
  if (input.period) q = q.where('period', '=', input.period);
  const batches = (await q.limit(200).execute()).map((b): PaymentBatch => ({ id: b.id, shopId: b.shop_id, period: b.period, reference: b.reference, totalFen: Number(b.total_fen), claims: b.claim_count, at: b.created_at, by: b.created_by_name }));
  return { rows: [...out.values()].sort((a, b) => (a.period === b.period ? a.shopCode.localeCompare(b.shopCode) : a.period < b.period ? 1 : -1)), batches };
}
