/**
 * Head office's response to a complaint a shop escalated to it (投诉升级): what head office says
 * (text), who and when, and the date by which the shop must settle the complaint. Each response
 * reaches the complaint's shop as the pulled kind `complaints.hqResponse` (id = the complaint's
 * id, the latest response); the shop's complaint shows it and keeps every response on its
 * timeline (a note event naming head office), which tells head office the shop received it.
 */
import { z } from 'zod';
import { isCalendarDate } from '../time/local-date';

export const COMPLAINT_RESPONSE_KIND = 'complaints.hqResponse';
/** Head office's calendar (the network's, as its reports use): "today" for deadlines. */
export const HQ_TIME_ZONE = 'Asia/Shanghai';

const id = z.string().min(1).max(100);
const date = z.string().refine(isCalendarDate, { message: 'ui.hq.complaints.validation.deadline' });

export const complaintRespondSchema = z
  .object({
    shopId: id,
    complaintId: id,
    response: z.string().trim().min(1, { message: 'validation.required' }).max(2000),
    deadline: date,
  })
  .strict();

export const complaintResponseDataSchema = z
  .object({
    responseId: z.string().min(1).max(100),
    response: z.string().max(2000),
    deadline: z.string().refine(isCalendarDate),
    respondedAt: z.string().min(1).max(40),
    responder: z.string().max(60).default(''),
  })
  .strict();
export type ComplaintResponseData = z.infer<typeof complaintResponseDataSchema>;

export interface HqComplaintResponse {
  id: string;
  response: string;
  deadline: string;
  at: string;
  by: string;
  /** The shop has it: its synced timeline holds the note for this response. */
  shopReceived: boolean;
}

/** A deadline head office gives is today (head office's date) or later. */
export const deadlineOk = (deadline: string, today: string) => deadline >= today;
/** Past head office's deadline: still open after the deadline's day. */
export const pastHqDeadline = (status: string, deadline: string | null, today: string) => deadline !== null && (status === 'open' || status === 'responded') && today > deadline;
