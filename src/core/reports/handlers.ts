import type { reportProcedures } from '../../shared/reports/procedures';
import type { BackendServices, Handlers } from '../api/context';
import { onTicketEvent } from '../tickets/events';
import { emitAfterSync } from '../api/event-queue';
import {
  acceptComplaint,
  followUpOnCollection,
  getComplaint,
  listComplaints,
  listFollowUps,
  noteComplaint,
  openComplaint,
  recordFollowUp,
  reopenTicketForRework,
  resolveComplaint,
  respondComplaint,
  runEscalations,
} from './care';
import { verifyReportFacts } from './facts';
import { verifyReportRollups } from './rollups';
import { dashboard, exportReport, registerReportDocuments, reportOptions } from './output';
import { drill, runReport, shopInfo } from './report';
import { foldRollupDays } from './rollup-days';
import { statement } from '../db/statements';
import { registerSurveyKind } from './survey-answers';
import { registerComplaintResponseKind } from './hq-responses';

registerReportDocuments();
registerSurveyKind();
registerComplaintResponseKind();
onTicketEvent(followUpOnCollection);

export const reportHandlers: Handlers<typeof reportProcedures> = {
  async 'reports.run'(input, ctx) {
    return runReport(ctx, input);
  },
  async 'reports.dashboard'(_input, ctx) {
    return dashboard(ctx);
  },
  async 'reports.tickets'(input, ctx) {
    return drill(ctx, input);
  },
  async 'reports.export'(input, ctx) {
    return exportReport(ctx, input);
  },
  async 'reports.options'(_input, ctx) {
    return reportOptions(ctx);
  },
  async 'reports.verifyFacts'(_input, ctx) {
    const facts = verifyReportFacts(ctx.sqlite);
    return { checked: facts.checked, mismatches: [...facts.mismatches, ...verifyReportRollups(ctx.sqlite)] };
  },
  async 'followUps.list'(input, ctx) {
    return listFollowUps(ctx, input);
  },
  async 'followUps.record'(input, ctx) {
    return recordFollowUp(ctx, input);
  },
  async 'complaints.open'(input, ctx) {
    return openComplaint(ctx, input);
  },
  async 'complaints.list'(input, ctx) {
    return listComplaints(ctx, input);
  },
  async 'complaints.get'(input, ctx) {
    return getComplaint(ctx, input.id);
  },
  async 'complaints.respond'(input, ctx) {
    return respondComplaint(ctx, input.id, input.note);
  },
  async 'complaints.resolve'(input, ctx) {
    return resolveComplaint(ctx, input.id, input.note);
  },
  async 'complaints.accept'(input, ctx) {
    return acceptComplaint(ctx, input.id, input.accepted, input.note);
  },
  async 'complaints.note'(input, ctx) {
    return noteComplaint(ctx, input.id, input.note);
  },
  async 'complaints.reopenTicket'(input, ctx) {
    return reopenTicketForRework(ctx, input.id, input.note);
  },
  async 'complaints.checkEscalations'(_input, ctx) {
    return runEscalations(ctx);
  },
};

/** How often the backend runs the escalation check by itself. */
export const ESCALATION_INTERVAL_MS = 10 * 60_000;

/**
 * The escalation timer of a backend: runs the check in its own transaction every ten minutes
 * (and once shortly after start), and folds the reports' past days; never keeps the process
 * alive. Returns a stop function.
 */
export function attachEscalationTimer(services: BackendServices, intervalMs = ESCALATION_INTERVAL_MS): () => void {
  const tick = () => {
    try {
      if (!services.sqlite.open) return;
      if (!statement<1, []>(services.sqlite, `SELECT 1 FROM shop LIMIT 1`).get()) return;
      emitAfterSync(services.emit, (emit) =>
        services.sqlite.transaction(() =>
          runEscalations({ sqlite: services.sqlite, newId: services.newId, nowIso: () => services.clock.now().toISOString(), session: null, emit }),
        )(),
      );
      // Two weeks of past days folded per tick: a shop upgraded with years of hourly rows catches
      // up over a few hours without holding the writer for long; then one day a day.
      foldRollupDays(services.sqlite, shopInfo(services.sqlite).timeZone, services.clock.now(), 14);
    } catch (e) {
      console.error('[fixpoint] escalation check failed', e);
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
