/**
 * Sends the queued customer messages whose time has come (issue 20 points 3 and 4) through head
 * office's gateway, one attempt each per run: delivered, refused for good, or tried again later
 * on the backoff of core/messaging/send-with-retry.ts. A final result (sent or not delivered) is
 * published to the ticket's shop as `customer.message`, which puts it on the ticket's timeline.
 */
import type { HqContext } from '../context';
import { writeItems } from '../publish';
import { deliver } from '../../core/messaging/send-with-retry';
import { smsOf } from './gateway';
import { CUSTOMER_MESSAGE_KIND, type CustomerMessageData } from '../../shared/messaging/pulled';
import type { MessageKind } from '../../shared/messaging/rules';

/**
 * The provider template a planned message goes with, kept beside its variables (plan.ts chose it
 * with the text's language: an English text needs the kind's English template); never sent as a variable.
 */
export const TEMPLATE_PARAM = '@template';

export async function sendDueMessages(ctx: HqContext, limit = 200): Promise<{ sent: number; failed: number; retry: number }> {
  const now = ctx.nowIso();
  // a process that died while sending left its rows claimed: after ten minutes they go again
  await ctx.db.updateTable('hq_messages').set({ status: 'queued' }).where('status', '=', 'sending').where('updated_at', '<', new Date(ctx.now().getTime() - 10 * 60_000).toISOString()).execute();
  const due = await ctx.db.selectFrom('hq_messages').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit).execute();
  const out = { sent: 0, failed: 0, retry: 0 };
  const gateway = smsOf(ctx);
  for (const m of due) {
    // claimed first: another head-office process on the same database sends it at most once
    const claimed = await ctx.db.updateTable('hq_messages').set({ status: 'sending', updated_at: ctx.nowIso() }).where('id', '=', m.id).where('status', '=', 'queued').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempt = Number(m.attempts) + 1;
    const { [TEMPLATE_PARAM]: template, ...params } = JSON.parse(m.params_json) as Record<string, string>;
    const d = await deliver(gateway, { to: m.to_phone, templateCode: template ?? ctx.opts.smsTemplates?.[m.kind] ?? m.kind, params, text: m.text }, attempt, { now: () => ctx.now() });
    const at = ctx.nowIso();
    if (d.state === 'retry') {
      out.retry++;
      await ctx.db.updateTable('hq_messages').set({ status: 'queued', attempts: attempt, next_attempt_at: d.retryAt, error: `${d.code}: ${d.message}`.slice(0, 300), updated_at: at }).where('id', '=', m.id).execute();
      continue;
    }
    const status = d.state === 'delivered' ? 'sent' : 'not_delivered';
    const error = d.state === 'failed' ? `${d.code}: ${d.message}`.slice(0, 300) : null;
    if (d.state === 'delivered') out.sent++;
    else out.failed++;
    const data: CustomerMessageData = { ticketId: m.ticket_id, kind: m.kind as MessageKind, text: m.text, to: m.to_phone, result: status, attempts: attempt, at: d.at, error };
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('hq_messages').set({ status, attempts: attempt, next_attempt_at: null, provider_id: d.state === 'delivered' ? d.providerId : null, error, updated_at: at }).where('id', '=', m.id).execute();
      await writeItems(trx, CUSTOMER_MESSAGE_KIND, m.shop_id, [{ id: m.id, data: JSON.stringify(data) }], at);
    });
  }
  return out;
}
