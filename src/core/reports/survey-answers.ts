/**
 * The follow-up survey answered on the status page (issue 20 point 5), pulled as `status.survey`:
 * recorded as the ticket's follow-up, so nobody phones a customer who already answered. The open
 * follow-up (made at collection) is closed as reached with the score and the comment; a score at
 * or below the shop's low mark is a problem reported, which the follow-up queue offers to turn
 * into a complaint (prefilled) — a person decides what kind of complaint it is. A ticket without
 * an open follow-up (answered after a call, or a restore) gets one recorded as done. Recorded by
 * no one: the customer answered.
 */
import { registerPulledKind } from '../sync/pulled';
import { SURVEY_KIND, surveyDataSchema } from '../../shared/status/survey';
import { appendEvent } from '../tickets/events';
import { prepared, statement } from '../db/statements';
import { localDate } from '../../shared/time/local-date';
import { shopInfo } from './report';

let done = false;

export function registerSurveyKind(): void {
  if (done) return;
  done = true;
  registerPulledKind(SURVEY_KIND, {
    async apply(_trx, rows, pull) {
      const { sqlite } = pull;
      const info = shopInfo(sqlite);
      for (const r of rows) {
        if (r.deleted) continue;
        const d = surveyDataSchema.parse(r.data);
        const t = statement<{ customer_id: string }>(sqlite, `SELECT customer_id FROM tickets WHERE id = ?`).get(d.ticketId);
        if (!t) continue; // a ticket this shop no longer has (restored from an older backup)
        const problem = d.score <= info.quality.lowScore ? 1 : 0;
        const open = statement<{ id: string }>(sqlite, `SELECT id FROM follow_ups WHERE ticket_id = ? AND status = 'open' ORDER BY created_at DESC LIMIT 1`).get(d.ticketId);
        if (open) {
          prepared(sqlite, `UPDATE follow_ups SET status = 'done', reached = 1, score = ?, comments = ?, problem_reported = ?, outcome_at = ?, outcome_by = NULL, updated_at = ? WHERE id = ?`).run(
d.score, d.comment, problem, d.answeredAt, pull.nowIso(), open.id);
        } else if (!statement<{ id: string }>(sqlite, `SELECT id FROM follow_ups WHERE ticket_id = ? AND score IS NOT NULL AND outcome_by IS NULL AND outcome_at = ?`).get(d.ticketId, d.answeredAt)) {
          prepared(
            sqlite,
            `INSERT INTO follow_ups (id, ticket_id, customer_id, collected_at, due_date, status, attempts, reached, score, comments, problem_reported, outcome_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'done', 0, 1, ?, ?, ?, ?, ?, ?)`,
          ).run(pull.newId(), d.ticketId, t.customer_id, d.answeredAt, localDate(d.answeredAt, info.timeZone), d.score, d.comment, problem, d.answeredAt, pull.nowIso(), pull.nowIso());
        }
        appendEvent({ sqlite, newId: pull.newId, nowIso: pull.nowIso, session: null }, { ticketId: d.ticketId, kind: 'note', note: 'status.survey.timeline', data: { kind: 'survey', score: d.score } });
        // the follow-ups queue and the ticket's timeline are stale
        pull.emit({ name: 'tickets.changed', payload: { id: d.ticketId } });
      }
    },
  });
}
