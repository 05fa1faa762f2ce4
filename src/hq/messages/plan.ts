/**
 * Which messages are due for an enrolled shop's tickets (issue 20 point 3), planned at head office
 * from the rows the shop synced: its open tickets (and those collected lately, for the thank-you
 * and the survey), each ticket's status events, the customer's latest consent and the messages
 * already planned. The rules — consent, opt-out, one message per event, reminders, quiet hours —
 * are shared/messaging/rules.ts; this file only reads and writes. Planned messages are queued
 * rows with their text, unique per ticket and event, so two head-office processes planning at
 * once still send once. A cursor per shop (hq_message_plans, HQ migration 015) keeps a run from
 * reading shops that pushed nothing since and have nothing falling due by time.
 */
import crypto from 'node:crypto';
import type { HqContext } from '../context';
import { syncedRow, syncedRowsWhere, syncedShopSettings } from '../synced';
import { sha256 } from '../hash';
import { DEFAULT_MESSAGE_RULES, dueMessages, nextDueAt, type MessageKind, type MessageRules } from '../../shared/messaging/rules';
import { MESSAGE_TEMPLATE_KIND, messageTemplateDataSchema, type MessageTemplateData } from '../../shared/messaging/pulled';
import { messageChannel, messageText, messageVars, type MessageFacts } from '../../shared/messaging/render';
import { TEMPLATE_PARAM } from './send';
import { statusUrl } from '../../shared/status/link';
import { messageLocaleOf } from './consent';

type Row = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const DAY = 86_400_000;
/** Tickets in these states may have a message due; collected ones only for the survey's days after. */
const OPEN = ['received', 'awaiting_approval', 'awaiting_parts', 'ready'];

/** What a planning run did: messages planned, and how much it read (the planner's cursor keeps unchanged shops unread). */
export interface PlanRun {
  planned: number;
  /** Shops whose tickets were read: those that pushed since the last run, or had a message fall due by time. */
  shopsScanned: number;
  ticketsRead: number;
}

export async function planMessages(ctx: HqContext): Promise<PlanRun> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const dialect = ctx.store.dialect;
  const run: PlanRun = { planned: 0, shopsScanned: 0, ticketsRead: 0 };
  // The cursor: a shop is read again only when it pushed since (last_seq moved: a new ticket, status,
  // consent, phone, setting…) or when a message of its tickets falls due by time alone. The shop's
  // last_seq is read before its rows, so a push landing meanwhile is planned again next run.
  const shops = (
    await ctx.db
      .selectFrom('hq_shops as s')
      .leftJoin('hq_message_plans as p', 'p.shop_id', 's.id')
      .select(['s.id', 's.last_seq', 'p.planned_seq', 'p.next_due_at'])
      .where('s.revoked_at', 'is', null)
      .where('s.token_hash', 'is not', null)
      .execute()
  ).filter((s) => s.planned_seq === null || Number(s.planned_seq) !== Number(s.last_seq) || (s.next_due_at !== null && s.next_due_at <= nowIso));
  if (shops.length === 0) return run;
  const templates = await publishedTemplates(ctx);
  for (const { id: shopId, last_seq: lastSeq } of shops) {
    run.shopsScanned++;
    const rowsOf = (table: string, field: string, value: string) => syncedRowsWhere(ctx.db, dialect, shopId, table, field, value);
    const settings = await syncedShopSettings(ctx.db, shopId);
    const rules: MessageRules = { ...DEFAULT_MESSAGE_RULES, timeZone: str(settings.timeZone) || DEFAULT_MESSAGE_RULES.timeZone };
    const tickets: Row[] = [];
    for (const status of [...OPEN, 'collected']) tickets.push(...(await rowsOf('tickets', 'status', status)));
    run.ticketsRead += tickets.length;
    let nextDue: Date | null = null;
    for (const ticket of tickets) {
      const ticketId = str(ticket.id);
      if (ticket.status === 'collected' && now.getTime() - Date.parse(str(ticket.status_at)) > (rules.surveyAfterDays + 2) * DAY) continue;
      const locale = await messageLocaleOf(ctx, shopId, str(ticket.customer_id));
      if (!locale) continue; // never asked, refused, withdrawn or opted out
      const events = (await rowsOf('ticket_events', 'ticket_id', ticketId)).filter((e) => e.to_status).sort((a, b) => (str(a.id) < str(b.id) ? -1 : 1));
      const sent = await ctx.db.selectFrom('hq_messages').select('dedupe_key').where('shop_id', '=', shopId).where('ticket_id', '=', ticketId).execute();
      const collectedAt = ticket.status === 'collected' ? str(events.filter((e) => e.to_status === 'collected').at(-1)?.at) || str(ticket.status_at) : null;
      const ticketFacts = { statuses: events.map((e) => ({ eventId: str(e.id), to: str(e.to_status), at: str(e.at) })), consent: true, optedOut: false, collectedAt, sentKeys: new Set(sent.map((s) => s.dedupe_key)) };
      const later = nextDueAt(ticketFacts, rules, now);
      if (later && (!nextDue || later < nextDue)) nextDue = later;
      const due = dueMessages(ticketFacts, rules, now);
      if (due.length === 0) continue;
      const phones = (await rowsOf('customer_phones', 'customer_id', str(ticket.customer_id))).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
      const to = str(phones.find((p) => p.kind === 'mobile')?.e164) || str(phones[0]?.e164);
      if (!to) continue;
      const device = await syncedRow(ctx.db, shopId, 'devices', str(ticket.device_id));
      const link = await messageLink(ctx, shopId, await rowsOf('status_links', 'ticket_id', ticketId));
      const quotes = (await rowsOf('quotes', 'ticket_id', ticketId)).sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0));
      const collection = collectedAt ? (await rowsOf('collections', 'ticket_id', ticketId)).sort((a, b) => (str(a.id) < str(b.id) ? 1 : -1))[0] : undefined;
      const facts: MessageFacts = {
        shop: str(settings.name),
        number: str(ticket.number),
        device: `${str(device?.brand)} ${str(device?.model)}`.trim(),
        link,
        phone: str(settings.phone) || str(settings.hotline),
        totalFen: quotes[0] ? Number(quotes[0].customer_total_fen ?? 0) : null,
        warrantyUntil: str(collection?.warranty_until) || null,
      };
      for (const m of due) {
        const channel = messageChannel(m.kind, locale, ctx.opts.smsTemplates);
        const vars = messageVars(facts, m, channel.locale);
        const at = now.toISOString();
        const inserted = await ctx.db
          .insertInto('hq_messages')
          .values({ id: crypto.randomUUID(), shop_id: shopId, ticket_id: ticketId, kind: m.kind, dedupe_key: m.key, to_phone: to, text: messageText(m.kind, channel.locale, vars, templates[m.kind]), params_json: JSON.stringify({ ...vars, [TEMPLATE_PARAM]: channel.templateCode }), status: 'queued', attempts: 0, next_attempt_at: m.sendAt, provider_id: null, error: null, created_at: at, updated_at: at })
          .onConflict((oc) => oc.columns(['shop_id', 'ticket_id', 'dedupe_key']).doNothing())
          .executeTakeFirst();
        run.planned += Number(inserted.numInsertedOrUpdatedRows ?? 0);
      }
    }
    // Only once the shop is planned through: a run that failed midway reads it again next time.
    const plan = { planned_seq: Number(lastSeq), next_due_at: nextDue?.toISOString() ?? null, planned_at: nowIso };
    await ctx.db
      .insertInto('hq_message_plans')
      .values({ shop_id: shopId, ...plan })
      .onConflict((oc) => oc.column('shop_id').doUpdateSet(plan))
      .execute();
  }
  return run;
}

/**
 * The link a message carries: to the ticket's live status page, under a secret head office mints
 * for messages (it never holds the shop's own secret, only its hash) and keeps as its SHA-256.
 * Empty without a public address (HQ_PUBLIC_URL) or a live link.
 */
async function messageLink(ctx: HqContext, shopId: string, links: Row[]): Promise<string> {
  const base = ctx.opts.publicUrl;
  const live = links.filter((l) => !l.revoked_at).sort((a, b) => (str(a.created_at) < str(b.created_at) ? 1 : -1))[0];
  if (!base || !live) return '';
  const secret = crypto.randomBytes(16).toString('base64url');
  await ctx.db.insertInto('hq_message_links').values({ id: sha256(secret), link_id: str(live.id), shop_id: shopId, created_at: ctx.nowIso() }).execute();
  return statusUrl(base, secret);
}

/** The Chinese text of each template head office published (messages.template), by kind. */
async function publishedTemplates(ctx: HqContext): Promise<Partial<Record<MessageKind, MessageTemplateData>>> {
  const rows = await ctx.db.selectFrom('hq_items').select(['id', 'data']).where('kind', '=', MESSAGE_TEMPLATE_KIND).where('scope', '=', '*').where('deleted', '=', 0).execute();
  const out: Partial<Record<MessageKind, MessageTemplateData>> = {};
  for (const r of rows) {
    const d = messageTemplateDataSchema.safeParse(JSON.parse(r.data ?? 'null'));
    if (d.success) out[d.data.kind] = d.data;
  }
  return out;
}
