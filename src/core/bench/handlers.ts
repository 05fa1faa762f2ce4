import type { benchProcedures } from '../../shared/bench/procedures';
import type { Handlers } from '../api/context';
import { appendEvent } from '../tickets/events';
import { authorize, decline, recordIntakeConsent } from './authorizations';
import { ticketBasics } from './common';
import { addStarterPriceList, listPriceItems, savePriceItem } from './pricelist';
import { coverageFacts, latestQuoteRow, loadQuote, quoteState } from './quotes';
import { saveQuote } from './quote-save';
import { transition } from './transition';
import { benchQueue, callList, timeLogs, workbench } from './views';
import {
  addNote,
  assign,
  awaitParts,
  claim,
  decideSanbao,
  enterTime,
  issuePart,
  recordDiagnosis,
  resumeRepair,
  sanbaoOptions,
  setPriority,
  startTimer,
  stopTimer,
  submitQc,
} from './work';
import { registerBenchDocuments } from './documents';
import { registerPriceListKind } from './pulled';
import { registerRemoteDecisionKind } from './remote-decisions';

registerBenchDocuments();
registerPriceListKind();
registerRemoteDecisionKind();

export const benchHandlers: Handlers<typeof benchProcedures> = {
  'bench.queue': (input, ctx) => benchQueue(ctx, input),
  'bench.workbench': (input, ctx) => workbench(ctx, input.ticketId),
  async 'bench.claim'(input, ctx) {
    claim(ctx, input.ticketId);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.assign'(input, ctx) {
    assign(ctx, input.ticketId, input.technicianId);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.setPriority'(input, ctx) {
    setPriority(ctx, input.ticketId, input.priority);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.transition'(input, ctx) {
    const t = ticketBasics(ctx, input.ticketId);
    if (t.status === 'awaiting_parts' && input.to === 'repairing') {
      resumeRepair(ctx, t.id, input.note);
    } else {
      // A covered repair needs no price approval; the consent signed at intake is recorded against the quote.
      if (t.status === 'diagnosing' && input.to === 'repairing') {
        const cov = coverageFacts(ctx, t.id);
        const q = latestQuoteRow(ctx, t.id);
        if (cov.fullyCovered && q && !cov.authorizationCovers) recordIntakeConsent(ctx, t.id, q.id);
      }
      const outcome = input.outcome ?? (t.status === 'received' && input.to === 'ready' ? 'not_repaired' : undefined);
      transition(ctx, t.id, input.to, { note: input.note, outcome });
    }
    return workbench(ctx, t.id);
  },
  async 'bench.diagnose'(input, ctx) {
    recordDiagnosis(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.time.start'(input, ctx) {
    startTimer(ctx, input.ticketId);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.time.stop'(_input, ctx) {
    return { stoppedOn: stopTimer(ctx) };
  },
  async 'bench.time.enter'(input, ctx) {
    enterTime(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  'bench.time.list': (input, ctx) => timeLogs(ctx, input, input.limit),
  'priceList.list': (input, ctx) => listPriceItems(ctx.sqlite, input),
  'priceList.save': (input, ctx) => savePriceItem(ctx, input),
  'priceList.starter': (input, ctx) => addStarterPriceList(ctx, input.categories),
  async 'bench.quote.save'(input, ctx) {
    await saveQuote(
      ctx,
      input,
      (to, data) => transition(ctx, input.ticketId, to, { data }),
      (quoteId) => recordIntakeConsent(ctx, ticketBasics(ctx, input.ticketId).id, quoteId),
    );
    return workbench(ctx, input.ticketId);
  },
  async 'bench.quote.get'(input, ctx) {
    const state = quoteState(ctx, input.ticketId);
    return { state, quote: input.quoteId ? loadQuote(ctx, input.quoteId, true) : state.current };
  },
  async 'bench.authorize'(input, ctx) {
    authorize(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.decline'(input, ctx) {
    await decline(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.issuePart'(input, ctx) {
    await issuePart(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.awaitParts'(input, ctx) {
    awaitParts(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.note'(input, ctx) {
    addNote(ctx, input.ticketId, input.note);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.qc'(input, ctx) {
    await submitQc(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  async 'bench.sanbao.options'(input, ctx) {
    const r = await sanbaoOptions(ctx, input.ticketId, input.purchasePriceFen ?? null, input.exchange);
    return { today: r.today, invoiceDate: r.invoiceDate, excludedDays: r.excludedDays, depreciationPpmPerDay: r.policy.depreciationPpmPerDay, options: r.options };
  },
  async 'bench.sanbao.decide'(input, ctx) {
    await decideSanbao(ctx, input);
    return workbench(ctx, input.ticketId);
  },
  'bench.callList': (input, ctx) => callList(ctx, input.limit),
  async 'bench.logCall'(input, ctx) {
    const t = ticketBasics(ctx, input.ticketId);
    appendEvent(ctx, { ticketId: t.id, kind: 'note', note: input.note, data: { kind: 'call', result: input.result } });
    ctx.emit({ name: 'bench.called', payload: { id: t.id } });
    return { ok: true as const };
  },
};
