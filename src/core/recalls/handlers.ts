import type { recallProcedures } from '../../shared/recalls/procedures';
import type { Handlers } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { shopClock } from '../shop/clock';
import { statement } from '../db/statements';
import { registerRecallKind } from './pulled';
import { activeRecalls, ticketRecalls } from './store';
import { setRecallLinesProvider } from '../documents/intake';
import { t } from '../../shared/i18n/translate';

registerRecallKind();
// The intake receipt names the recall work the counter accepted (a withdrawn campaign by its code).
setRecallLinesProvider((ctx, ticketId, locale) =>
  ticketRecalls(ctx.sqlite, ticketId).map((r) =>
    t(locale, 'documents.recall.line', {
      code: r.code,
      title: r.campaign ? (locale === 'zh-CN' ? r.campaign.titleZh : r.campaign.titleEn) : '',
      action: r.campaign ? t(locale, `recalls.action.${r.campaign.action}`) : '',
    }),
  ),
);

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
