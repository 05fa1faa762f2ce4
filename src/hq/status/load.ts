/**
 * The facts of one status page, read from the rows the shop synced (hq_rows): the link by its
 * hash, then its ticket, status events, bench row, customer and shop settings, each by key or on
 * an index (migration.ts), the same kysely queries on SQLite and PostgreSQL. Null for anything
 * that does not open a page — no such link, a revoked shop — and the caller answers every such
 * case alike.
 */
import type { HqContext } from '../context';
import { syncedRow, syncedRowsWhere, syncedShopSettings } from '../synced';
import { sha256 } from '../hash';
import type { StatusFacts } from '../../shared/status/card';
import { TICKET_STATUSES, type TicketStatus } from '../../shared/tickets/statuses';

type Row = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const status = (v: unknown): TicketStatus | null => ((TICKET_STATUSES as readonly unknown[]).includes(v) ? (v as TicketStatus) : null);

export interface StatusPageFacts extends StatusFacts {
  shopId: string;
  linkId: string;
  ticketId: string;
  /** The first phone on the ticket's customer (E.164): where the approval code goes; never shown. */
  phoneE164: string;
  customerId: string;
}

export async function loadStatusFacts(ctx: HqContext, secret: string): Promise<StatusPageFacts | null> {
  // the shop stored the secret's SHA-256 as the link's id (core/status/links.ts)
  // …or a message's link, which head office minted and knows by its SHA-256 too (messages/links.ts)
  const hashed = sha256(secret);
  const viaMessage = await ctx.db.selectFrom('hq_message_links').select('link_id').where('id', '=', hashed).executeTakeFirst();
  const linkId = viaMessage?.link_id ?? hashed;
  const link = await ctx.db.selectFrom('hq_rows').select(['shop_id', 'data']).where('table_name', '=', 'status_links').where('row_id', '=', linkId).where('deleted', '=', 0).executeTakeFirst();
  if (!link) return null;
  const shopId = link.shop_id;
  const linkRow = JSON.parse(link.data ?? '{}') as Row;
  const shop = await ctx.db.selectFrom('hq_shops').select(['revoked_at', 'last_push_at', 'last_seen_at']).where('id', '=', shopId).executeTakeFirst();
  if (!shop || shop.revoked_at) return null;

  const byKey = (table: string, id: string) => syncedRow(ctx.db, shopId, table, id);
  const byParent = (table: 'ticket_events' | 'customer_phones', field: string, id: string) => syncedRowsWhere(ctx.db, ctx.store.dialect, shopId, table, field, id);

  const ticketId = str(linkRow.ticket_id);
  const ticket = await byKey('tickets', ticketId);
  const ticketStatus = status(ticket?.status);
  if (!ticket || !ticketStatus) return null;
  const [events, bench, customer, phones, settings] = await Promise.all([
    byParent('ticket_events', 'ticket_id', ticketId),
    byKey('bench_tickets', ticketId),
    byKey('customers', str(ticket.customer_id)),
    byParent('customer_phones', 'customer_id', str(ticket.customer_id)),
    syncedShopSettings(ctx.db, shopId),
  ]);
  // Event ids are UUIDv7: their order is the order they happened in.
  events.sort((a, b) => (str(a.id) < str(b.id) ? -1 : 1));
  phones.sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  return {
    shopId,
    linkId,
    ticketId,
    phoneE164: str(phones[0]?.e164),
    customerId: str(ticket.customer_id),
    ticket: { number: str(ticket.number), status: ticketStatus, receivedAt: str(ticket.received_at), promisedDate: str(ticket.promised_date) },
    events: events.filter((e) => e.to_status).map((e) => ({ at: str(e.at), fromStatus: status(e.from_status), toStatus: status(e.to_status) })),
    partsExpected: str(bench?.parts_expected) || null,
    customer: { name: str(customer?.name), phone: str(phones[0]?.display) },
    shop: {
      name: str(settings.name),
      address: str(settings.address),
      phone: str(settings.phone),
      hotline: str(settings.hotline),
      hours: str(settings.hours),
      timeZone: str(settings.timeZone) || 'Asia/Shanghai',
    },
    link: { revokedAt: str(linkRow.revoked_at) || null },
    lastSyncAt: shop.last_push_at ?? shop.last_seen_at ?? null,
  };
}
