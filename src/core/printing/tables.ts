/** kysely row types of the print service's tables (migration 4). */
export interface PrintJobsTable {
  id: string;
  doc_type: string;
  entity_id: string;
  title: string;
  format: string;
  language: string;
  copies: number;
  reprint: number;
  status: string;
  error: string | null;
  requested_by: string;
  requested_at: string;
  completed_at: string | null;
  attempts: number;
}

export interface PrintFilesTable {
  job_id: string;
  pdf: Buffer;
  rendered_at: string;
}
