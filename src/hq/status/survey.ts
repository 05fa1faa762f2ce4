/**
 * The follow-up survey at head office (issue 20 point 5): offered on the page of a collected
 * ticket while its link is open, answered once per ticket; the answer and the item the shop pulls
 * are written in one transaction (on SQLite through `trx` only).
 */
import crypto from 'node:crypto';
import type { HqContext } from '../context';
import { writeItems } from '../publish';
import { SURVEY_KIND, type SurveyData } from '../../shared/status/survey';
import type { StatusPageFacts } from './load';

export interface SurveyState {
  answered: { score: number; answeredAt: string } | null;
}

export async function surveyState(ctx: HqContext, facts: StatusPageFacts): Promise<SurveyState | null> {
  if (facts.ticket.status !== 'collected') return null;
  const row = await ctx.db.selectFrom('hq_surveys').select(['score', 'answered_at']).where('shop_id', '=', facts.shopId).where('ticket_id', '=', facts.ticketId).executeTakeFirst();
  return { answered: row ? { score: Number(row.score), answeredAt: row.answered_at } : null };
}

/** Records the answer; 'answered' when the ticket has one already (a second tab, a reload). */
export async function answerSurvey(ctx: HqContext, facts: StatusPageFacts, input: { score: number; comment: string; clientAddress: string }): Promise<'ok' | 'answered' | 'closed'> {
  if (facts.ticket.status !== 'collected') return 'closed';
  return ctx.db.transaction().execute(async (trx) => {
    const had = await trx.selectFrom('hq_surveys').select('id').where('shop_id', '=', facts.shopId).where('ticket_id', '=', facts.ticketId).executeTakeFirst();
    if (had) return 'answered';
    const id = crypto.randomUUID();
    const at = ctx.nowIso();
    await trx
      .insertInto('hq_surveys')
      .values({ id, shop_id: facts.shopId, link_id: facts.linkId, ticket_id: facts.ticketId, score: input.score, comment: input.comment, client_address: input.clientAddress.slice(0, 64), answered_at: at })
      .execute();
    const data: SurveyData = { ticketId: facts.ticketId, score: input.score, comment: input.comment, answeredAt: at };
    await writeItems(trx, SURVEY_KIND, facts.shopId, [{ id, data: JSON.stringify(data) }], at);
    return 'ok';
  });
}
