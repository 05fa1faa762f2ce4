import type { recallProcedures } from '../../shared/recalls/procedures';
import type { Handlers } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { shopClock } from '../shop/clock';
import { statement } from '../db/statements';
import { registerRecallKind } from './pulled';
import { activeRecalls, ticketRecalls } from './store';

registerRecallKind();

export const recallHandlers: Handlers<typeof recallProcedures> = {
  async 'recalls.active'(_input, ctx) {
    const today = shopClock(ctx.sqlite, ctx.clock.now()).today;
    return { today, recalls: activeRecalls(ctx.sqlite, today) };
  },
  async 'recalls.forTicket'(input, ctx) {
    const row = statement<{ id: string }, [string, string]>(ctx.sqlite, `SELECT id FROM tickets WHERE id = ? OR number = ?`).get(input.ticketId, input.ticketId);
    if (!row) throw new AppError('NOT_FOUND', { key: 'recalls.error.unknownTicket', params: { ref: input.ticketId.slice(0, 40) } });
    return ticketRecalls(ctx.sqlite, row.id);
  },
};
