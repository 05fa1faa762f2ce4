/**
 * Head office's responses to complaints the shops escalated to it: recorded (hq_complaint_responses,
 * audited) and published to the complaint's shop as `complaints.hqResponse` in the same
 * transaction. The list of escalated complaints (figures.ts) carries them, with whether the shop
 * has each one — its synced timeline holds a note event naming the response — and whether the
 * complaint is still open past head office's deadline.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { HqError } from '../errors';
import { jsonField, type HqDB } from '../db';
import type { HqService } from '../service';
import { writeItems } from '../publish';
import { audit, actorIds, type Actor } from './audit';
import { uuidv7Generator, type IdGenerator } from '../../shared/util/ids';
import { localDate } from '../../shared/time/local-date';
import { COMPLAINT_RESPONSE_KIND, HQ_TIME_ZONE, deadlineOk, pastHqDeadline, type ComplaintResponseData, type HqComplaintResponse, type complaintRespondSchema } from '../../shared/hq-console/complaints';

type Db = Kysely<HqDB> | Transaction<HqDB>;
type Row = Record<string, unknown>;
export const hqToday = (s: HqService) => localDate(s.now(), HQ_TIME_ZONE);

const generators = new WeakMap<HqService, IdGenerator>();
function newId(s: HqService): string {
  let g = generators.get(s);
  if (!g) generators.set(s, (g = uuidv7Generator({ now: () => s.now() })));
  return g();
}

const parse = (data: string | null): Row => {
  try {
    return data ? (JSON.parse(data) as Row) : {};
  } catch {
    return {};
  }
};

/** Response ids the shop's synced complaint_events hold, per complaint. */
async function receivedAtShop(s: HqService, db: Db, shopId: string, complaintIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < complaintIds.length; i += 500) {
    const rows = await db
      .selectFrom('hq_rows')
      .select(['data'])
      .where('shop_id', '=', shopId)
      .where('table_name', '=', 'complaint_events')
      .where('deleted', '=', 0)
      .where(jsonField(s.store.dialect, 'complaint_id'), 'in', complaintIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const d = parse(parse(r.data).data_json as string | null);
      if (typeof d.hqResponseId === 'string') out.add(d.hqResponseId);
    }
  }
  return out;
}

/** Head office's responses to the given complaints (by shop/complaint), oldest first. */
export async function responsesOf(s: HqService, list: readonly { shopId: string; id: string }[], db: Db = s.db): Promise<Map<string, HqComplaintResponse[]>> {
  const out = new Map<string, HqComplaintResponse[]>();
  const byShop = new Map<string, string[]>();
  for (const c of list) byShop.set(c.shopId, [...(byShop.get(c.shopId) ?? []), c.id]);
  for (const [shopId, ids] of byShop) {
    const received = await receivedAtShop(s, db, shopId, ids);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('hq_complaint_responses').selectAll().where('shop_id', '=', shopId).where('complaint_id', 'in', ids.slice(i, i + 500)).orderBy('id').execute();
      for (const r of rows) {
        const k = `${shopId}/${r.complaint_id}`;
        out.set(k, [...(out.get(k) ?? []), { id: r.id, response: r.response, deadline: r.deadline, at: r.responded_at, by: r.responded_by_name, shopReceived: received.has(r.id) }]);
      }
    }
  }
  return out;
}

/** The responses' part of an escalated complaint: the list, the deadline that stands, past it or not. */
export function responseFields(status: string, responses: HqComplaintResponse[], today: string) {
  const hqDeadline = responses.length ? responses[responses.length - 1]!.deadline : null;
  return { hqResponses: responses, hqDeadline, pastHqDeadline: pastHqDeadline(status, hqDeadline, today) };
}

/**
 * Head office responds to a complaint escalated to it: only one the shop escalated to head office
 * and has not settled; the deadline is today or later (head office's calendar).
 */
export async function respondComplaint(s: HqService, actor: Actor, input: z.output<typeof complaintRespondSchema>): Promise<void> {
  const today = hqToday(s);
  if (!deadlineOk(input.deadline, today)) {
    throw new HqError('VALIDATION', 400, 'deadline before today', { reason: 'deadline', fields: { deadline: 'ui.hq.complaints.validation.deadlinePast' } });
  }
  await s.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('hq_rows').select(['data']).where('shop_id', '=', input.shopId).where('table_name', '=', 'complaints').where('row_id', '=', input.complaintId).where('deleted', '=', 0).executeTakeFirst();
    if (!row) throw new HqError('NO_COMPLAINT', 404, `no complaint ${input.complaintId} at shop ${input.shopId}`, { complaintId: input.complaintId.slice(0, 60) });
    const c = parse(row.data);
    const number = typeof c.number === 'string' ? c.number : '';
    const open = c.status === 'open' || c.status === 'responded';
    if (c.escalation !== 'head_office' || !open) throw new HqError('COMPLAINT_STATE', 409, `complaint ${number} is ${String(c.status)}, escalation ${String(c.escalation)}`, { number, status: String(c.status) });
    const ids = actorIds(actor);
    const at = s.nowIso();
    const id = newId(s);
    await trx.insertInto('hq_complaint_responses').values({ id, shop_id: input.shopId, complaint_id: input.complaintId, response: input.response, deadline: input.deadline, responded_at: at, responded_by: ids.actor, responded_by_name: ids.actor_name }).execute();
    const data: ComplaintResponseData = { responseId: id, response: input.response, deadline: input.deadline, respondedAt: at, responder: ids.actor_name.slice(0, 60) };
    await writeItems(trx, COMPLAINT_RESPONSE_KIND, input.shopId, [{ id: input.complaintId, data: JSON.stringify(data) }], at);
    await audit(s, actor, 'complaint.hqRespond', number, { shopId: input.shopId, deadline: input.deadline }, trx);
  });
}
