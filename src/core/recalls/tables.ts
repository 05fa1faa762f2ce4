/** Kysely types of the recall tables (the recalls migration, src/core/db/migrations/*-recalls.ts). */
export interface RecallCampaignsTable {
  id: string;
  code: string;
  start_date: string;
  end_date: string;
  /** The campaign as head office published it (shared/recalls/schemas recallCampaignSchema). */
  data_json: string;
  change_no: number;
  updated_at: string;
}

export interface TicketRecallsTable {
  id: string;
  ticket_id: string;
  campaign_id: string;
  campaign_code: string;
  device_id: string;
  matched_by: 'imei' | 'serial' | 'model';
  recorded_at: string;
  recorded_by: string | null;
}

export interface RecallTables {
  recall_campaigns: RecallCampaignsTable;
  ticket_recalls: TicketRecallsTable;
}
