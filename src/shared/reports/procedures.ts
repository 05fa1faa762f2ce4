import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF, MANAGERS } from '../api/roles';
import { FRONT_DESK } from '../tickets/roles';
import {
  complaintAcceptSchema,
  complaintListInputSchema,
  complaintOpenSchema,
  complaintSchema,
  complaintStepSchema,
  followUpListInputSchema,
  followUpRecordSchema,
  followUpRowSchema,
} from './care';
import { dashboardSchema, drillInputSchema, drillResultSchema, exportInputSchema, exportResultSchema, reportInputSchema, reportResultSchema } from './schemas';

const byId = z.object({ id: z.string().min(1) }).strict();

/** Reports (figures from the event history), follow-ups (回访) and complaints (投诉). */
export const reportProcedures = {
  'reports.run': procedure({
    summary:
      'Every figure for a date range (shop days, both included; at most five years) with filters (technician, category, brand, service type) and an optional breakdown. Figures whose tables are not there yet say "not available".',
    input: reportInputSchema,
    output: reportResultSchema,
    access: MANAGERS,
    kind: 'query',
  }),
  'reports.dashboard': procedure({
    summary: 'Today and this week (Monday on): volumes, turnaround, first-time fix, the last seven days, open tickets, overdue follow-ups and complaints.',
    input: z.object({}).strict(),
    output: dashboardSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'reports.tickets': procedure({
    summary: 'Drill-down: the tickets behind a figure of a report (optionally one row of its breakdown), newest first, paged.',
    input: drillInputSchema,
    output: drillResultSchema,
    access: MANAGERS,
    kind: 'query',
  }),
  'reports.export': procedure({
    summary: 'A report as CSV (UTF-8 with BOM) or XLSX, base64, with a file name. Audited.',
    input: exportInputSchema,
    output: exportResultSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'reports.options': procedure({
    summary: 'What the report filters offer: technicians, brands seen, categories, service types.',
    input: z.object({}).strict(),
    output: z.object({
      technicians: z.array(z.object({ id: z.string(), name: z.string() })),
      brands: z.array(z.string()),
      categories: z.array(z.string()),
      serviceTypes: z.array(z.string()),
    }),
    access: MANAGERS,
    kind: 'query',
  }),
  'reports.verifyFacts': procedure({
    summary: 'Folds every ticket\'s events again and compares with the report projection, and sums the ledgers again against the report rollups (should find no difference).',
    input: z.object({}).strict(),
    output: z.object({ checked: z.number().int(), mismatches: z.array(z.string()) }),
    access: MANAGERS,
    kind: 'query',
  }),
  'followUps.list': procedure({
    summary: 'The follow-up call list (due today and overdue by default) with the customer\'s name, phone and device.',
    input: followUpListInputSchema,
    output: z.object({ total: z.number().int(), rows: z.array(followUpRowSchema) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'followUps.record': procedure({
    summary: 'Records a follow-up call: reached with a score 1–5, comments and whether a problem was reported; unanswered three times → unreachable.',
    input: followUpRecordSchema,
    output: followUpRowSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'complaints.open': procedure({
    summary: 'Opens a complaint (channel, linked ticket or follow-up, category, severity, description) with respond-by and resolve-by from the shop\'s policy.',
    input: complaintOpenSchema,
    output: complaintSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'complaints.list': procedure({
    summary: 'Complaints: open, overdue, escalated, closed or all; newest first.',
    input: complaintListInputSchema,
    output: z.object({ total: z.number().int(), rows: z.array(complaintSchema) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'complaints.get': procedure({
    summary: 'A complaint with its history.',
    input: byId,
    output: complaintSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'complaints.respond': procedure({
    summary: 'Records the first response to the customer (meets or misses the response deadline).',
    input: complaintStepSchema,
    output: complaintSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'complaints.resolve': procedure({
    summary: 'Records the resolution; the customer then accepts or not.',
    input: complaintStepSchema,
    output: complaintSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'complaints.accept': procedure({
    summary: 'The customer\'s answer to the resolution: accepted closes the complaint, not accepted reopens it.',
    input: complaintAcceptSchema,
    output: complaintSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'complaints.note': procedure({
    summary: 'Adds a note to a complaint\'s history.',
    input: complaintStepSchema,
    output: complaintSchema,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'complaints.reopenTicket': procedure({
    summary: 'Reopens the complaint\'s ticket for rework under the repair warranty (a status event back to received).',
    input: z.object({ id: z.string().min(1), note: z.string().trim().max(1000).default('') }).strict(),
    output: complaintSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'complaints.checkEscalations': procedure({
    summary: 'Runs the escalation check now (it also runs on a timer): missed deadlines go to the manager, then to head office.',
    input: z.object({}).strict(),
    output: z.object({ escalated: z.array(z.object({ id: z.string(), number: z.string(), level: z.string(), reason: z.string() })) }),
    access: MANAGERS,
    kind: 'mutation',
  }),
};
