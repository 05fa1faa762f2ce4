/**
 * Whether a customer receives text messages about their repairs (issue 20 point 3, 个人信息保护法):
 * asked at intake (the customer may refuse), changed at the counter, withdrawn from the status
 * page. Each answer is a row (migration 17); the latest counts, none means never asked.
 */
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import { registerPulledKind } from '../sync/pulled';
import { OPT_OUT_KIND, optOutDataSchema } from '../../shared/messaging/pulled';
import type { MessageLocale } from '../../shared/messaging/rules';

export type ConsentSource = 'intake' | 'counter' | 'status_page';

export function recordMessageConsent(
  ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>,
  a: { customerId: string; ticketId?: string | null; consent: boolean; source: ConsentSource; at?: string; locale?: MessageLocale },
): void {
  prepared(ctx.sqlite, `INSERT INTO message_consents (id, customer_id, ticket_id, consent, source, recorded_at, recorded_by, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    ctx.newId(),
    a.customerId,
    a.ticketId ?? null,
    a.consent ? 1 : 0,
    a.source,
    a.at ?? ctx.nowIso(),
    ctx.session?.userId ?? null,
    a.locale ?? 'zh-CN',
  );
}

export interface MessageConsent {
  /** null: never asked (nothing is sent). */
  consent: boolean | null;
  source: ConsentSource | null;
  at: string | null;
  locale: MessageLocale;
}

export function messageConsentOf(ctx: Pick<Ctx, 'sqlite'>, customerId: string): MessageConsent {
  const r = statement<{ consent: number; source: ConsentSource; recorded_at: string; locale: MessageLocale }, [string]>(
    ctx.sqlite,
    `SELECT consent, source, recorded_at, locale FROM message_consents WHERE customer_id = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
  ).get(customerId);
  return r ? { consent: r.consent === 1, source: r.source, at: r.recorded_at, locale: r.locale } : { consent: null, source: null, at: null, locale: 'zh-CN' };
}

let registered = false;

/** An opt-out made on the status page (pulled as status.optOut) becomes the customer's latest answer. */
export function registerOptOutKind(): void {
  if (registered) return;
  registered = true;
  registerPulledKind(OPT_OUT_KIND, {
    async apply(_trx, rows, pull) {
      for (const r of rows) {
        if (r.deleted) continue;
        const d = optOutDataSchema.parse(r.data);
        if (!statement<{ id: string }>(pull.sqlite, `SELECT id FROM customers WHERE id = ?`).get(d.customerId)) continue;
        const ticket = statement<{ id: string }>(pull.sqlite, `SELECT id FROM tickets WHERE id = ?`).get(d.ticketId);
        recordMessageConsent({ sqlite: pull.sqlite, newId: pull.newId, nowIso: pull.nowIso, session: null }, { customerId: d.customerId, ticketId: ticket?.id ?? null, consent: false, source: 'status_page', at: d.at, locale: messageConsentOf(pull, d.customerId).locale });
      }
    },
  });
}
