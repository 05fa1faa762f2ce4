import { z } from 'zod';

/**
 * The follow-up survey on the status page (issue 20 point 5): after collection the customer gives
 * a score from 1 to 5 and a comment, once per ticket. Head office publishes the answer to the
 * ticket's shop as `status.survey`; the shop records it as the ticket's follow-up (no call
 * needed), and a low score is a problem reported, which the follow-up queue offers to turn into a
 * complaint.
 */
export const SURVEY_KIND = 'status.survey';
export const SURVEY_COMMENT_MAX = 500;

export const surveyDataSchema = z
  .object({
    ticketId: z.string().min(1).max(64),
    score: z.number().int().min(1).max(5),
    comment: z.string().max(SURVEY_COMMENT_MAX),
    answeredAt: z.string().datetime(),
  })
  .strict();
export type SurveyData = z.infer<typeof surveyDataSchema>;

/** The form as posted: a score "1".."5" and an optional comment; the message key of what is wrong otherwise. */
export function parseSurveyForm(score: string, comment: string): { ok: true; score: number; comment: string } | { ok: false; key: string } {
  if (!/^[1-5]$/.test(score.trim())) return { ok: false, key: 'status.survey.scoreRequired' };
  const c = comment.replace(/\r\n/g, '\n').trim();
  if (c.length > SURVEY_COMMENT_MAX) return { ok: false, key: 'status.survey.commentTooLong' };
  return { ok: true, score: Number(score.trim()), comment: c };
}
