import type { collectionProcedures } from '../../shared/collection/procedures';
import type { Handlers } from '../api/context';
import { ticketBasics } from '../bench/common';
import { complete, identityMatches } from './collect';
import { lookup } from './view';
import { exportClaims, listClaims, setClaimStatus } from './claims';
import { closeDay, dailyCloseView, listCloses } from './daily-close';
import { recordCash } from './till';
import { counterQueues } from './queues';
import { registerCollectionDocuments } from './documents';
import { registerClaimDecisionKind } from './pulled';
import { listPayments, refund, voidPayment } from './payments';

registerCollectionDocuments();
registerClaimDecisionKind();

export const collectionHandlers: Handlers<typeof collectionProcedures> = {
  'collection.queues': (input, ctx) => counterQueues(ctx, input.uncollectedDays),
  'collection.lookup': (input, ctx) => lookup(ctx, input.ref, { discountBp: input.discountBp, discountFen: input.discountFen }),
  'collection.checkIdentity': (input, ctx) => ({ ok: identityMatches(ctx, ticketBasics(ctx, input.ticketId), input.identity) }),
  'collection.complete': (input, ctx) => complete(ctx, input),
  'payments.list': (input, ctx) => {
    const ticketId = input.ticketId ? ticketBasics(ctx, input.ticketId).id : undefined;
    return listPayments(ctx, { ticketId, date: input.date, limit: input.limit });
  },
  'payments.refund': (input, ctx) => refund(ctx, input),
  'payments.void': (input, ctx) => voidPayment(ctx, input),
  'claims.list': (input, ctx) => listClaims(ctx, input),
  'claims.setStatus': (input, ctx) => setClaimStatus(ctx, input),
  'claims.export': (input, ctx) => exportClaims(ctx, input),
  'dailyClose.get': (input, ctx) => dailyCloseView(ctx, input),
  'dailyClose.close': (input, ctx) => closeDay(ctx, input),
  'dailyClose.recordCash': (input, ctx) => recordCash(ctx, input),
  'dailyClose.list': (input, ctx) => listCloses(ctx, input.limit),
};
