/** Kysely types of the reports capability's tables (migration 9); core reads them through prepared statements. */
export interface FollowUpsTable {
  id: string;
  ticket_id: string;
  customer_id: string;
  collected_at: string;
  due_date: string;
  status: string;
  attempts: number;
  reached: number | null;
  score: number | null;
  comments: string;
  problem_reported: number;
  outcome_at: string | null;
  outcome_by: string | null;
  complaint_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ComplaintsTable {
  id: string;
  number: string;
  ticket_id: string | null;
  customer_id: string | null;
  follow_up_id: string | null;
  channel: string;
  category: string;
  severity: string;
  description: string;
  status: string;
  opened_at: string;
  opened_by: string | null;
  respond_by: string;
  resolve_by: string;
  responded_at: string | null;
  resolved_at: string | null;
  resolution: string;
  accepted: number | null;
  accepted_at: string | null;
  closed_at: string | null;
  escalation: string;
  escalated_at: string | null;
  updated_at: string;
}

export interface ComplaintEventsTable {
  id: string;
  complaint_id: string;
  at: string;
  user_id: string | null;
  kind: string;
  note: string;
  data_json: string;
}

export interface ReportsTables {
  follow_ups: FollowUpsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
}
