/**
 * Whether a customer receives text messages about their repairs (issue 20 point 3, 个人信息保护法):
 * asked at intake (the customer may refuse), changed at the counter, withdrawn from the status
 * page. Each answer is a row (migration 17); the latest counts, none means never asked.
 */
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';

export type ConsentSource = 'intake' | 'counter' | 'status_page';

export function recordMessageConsent(
  ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>,
  a: { customerId: string; ticketId?: string | null; consent: boolean; source: ConsentSource; at?: string },
): void {
  prepared(ctx.sqlite, `INSERT INTO message_consents (id, customer_id, ticket_id, consent, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    ctx.newId(),
    a.customerId,
    a.ticketId ?? null,
    a.consent ? 1 : 0,
    a.source,
    a.at ?? ctx.nowIso(),
    ctx.session?.userId ?? null,
  );
}

export interface MessageConsent {
  /** null: never asked (nothing is sent). */
  consent: boolean | null;
  source: ConsentSource | null;
  at: string | null;
}

export function messageConsentOf(ctx: Pick<Ctx, 'sqlite'>, customerId: string): MessageConsent {
  const r = statement<{ consent: number; source: ConsentSource; recorded_at: string }, [string]>(
    ctx.sqlite,
    `SELECT consent, source, recorded_at FROM message_consents WHERE customer_id = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
  ).get(customerId);
  return r ? { consent: r.consent === 1, source: r.source, at: r.recorded_at } : { consent: null, source: null, at: null };
}
