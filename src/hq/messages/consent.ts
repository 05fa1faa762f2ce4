/**
 * Whether head office may text a customer (issue 20 point 3): the latest answer the shop synced
 * (message_consents) unless the customer opted out on the status page since — an opt-out head
 * office honours at once and publishes to the shop (`status.optOut`, id = the customer's id),
 * which records it as the customer's latest answer at its next sync.
 */
import type { HqContext } from '../context';
import { syncedRowsWhere } from '../synced';
import { writeItems } from '../publish';
import { OPT_OUT_KIND, optOutDataSchema, type OptOutData } from '../../shared/messaging/pulled';
import type { MessageLocale } from '../../shared/messaging/rules';

type Row = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export async function mayMessage(ctx: HqContext, shopId: string, customerId: string): Promise<boolean> {
  return (await messageLocaleOf(ctx, shopId, customerId)) !== null;
}

/** The language to text the customer in, or null when head office may not text them. */
export async function messageLocaleOf(ctx: HqContext, shopId: string, customerId: string): Promise<MessageLocale | null> {
  const consents = (await syncedRowsWhere(ctx.db, ctx.store.dialect, shopId, 'message_consents', 'customer_id', customerId))
    .sort((a, b) => (str(a.recorded_at) + str(a.id) < str(b.recorded_at) + str(b.id) ? -1 : 1));
  const latest = consents.at(-1);
  if (!latest || Number(latest.consent) !== 1) return null; // never asked, refused or withdrawn
  const locale: MessageLocale = latest.locale === 'en' ? 'en' : 'zh-CN';
  const out = await ctx.db.selectFrom('hq_items').select('data').where('kind', '=', OPT_OUT_KIND).where('scope', '=', shopId).where('id', '=', customerId).where('deleted', '=', 0).executeTakeFirst();
  const opted = out?.data ? optOutDataSchema.safeParse(JSON.parse(out.data)) : null;
  if (!opted?.success) return locale;
  // once the shop has the opt-out among its answers, the shop's latest answer decides (a "yes" at
  // the counter afterwards starts messages again); until then the opt-out wins
  const applied = consents.some((c) => c.source === 'status_page' && str(c.recorded_at) === opted.data.at);
  return applied || opted.data.at < str(latest.recorded_at) ? locale : null;
}

export async function optOut(ctx: HqContext, shopId: string, customerId: string, ticketId: string): Promise<void> {
  const at = ctx.nowIso();
  const data: OptOutData = { customerId, ticketId, at };
  await ctx.db.transaction().execute((trx) => writeItems(trx, OPT_OUT_KIND, shopId, [{ id: customerId, data: JSON.stringify(data) }], at));
}
