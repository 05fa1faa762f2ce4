import type { statusProcedures } from '../../shared/status/procedures';
import type { Ctx, Handlers } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { statement } from '../db/statements';
import { currentStatusLink, hqBaseUrl, issueStatusLink, revokeStatusLinks } from './links';


function requireTicket(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): string {
  const row = statement<{ id: string }, [string, string]>(ctx.sqlite, `SELECT id FROM tickets WHERE id = ? OR number = ?`).get(ticketId, ticketId);
  if (!row) throw new AppError('NOT_FOUND', { key: 'status.error.unknownTicket', params: { ref: ticketId.slice(0, 40) } });
  return row.id;
}

export const statusHandlers: Handlers<typeof statusProcedures> = {
  async 'status.link'(input, ctx) {
    return currentStatusLink(ctx.sqlite, requireTicket(ctx, input.ticketId));
  },
  async 'status.renew'(input, ctx) {
    const id = requireTicket(ctx, input.ticketId);
    if (!hqBaseUrl(ctx.sqlite)) throw new AppError('RULE', { key: 'status.error.notEnrolled' });
    return issueStatusLink(ctx, id);
  },
  async 'status.revoke'(input, ctx) {
    return { revoked: revokeStatusLinks(ctx, requireTicket(ctx, input.ticketId)) };
  },
};
