import type { Migration } from './types';

/**
 * Recall campaigns (issue 21 point 8). `recall_campaigns` holds what head office published (the
 * pulled kind recall.campaign; not synced up: head office owns it). `ticket_recalls` records that
 * a ticket does a campaign's work — the counter accepted the recall banner at intake — and syncs
 * to head office, which follows each campaign's completion per shop from it. The campaign's code
 * is copied in: the ticket names the campaign even after head office withdraws it. Frozen once
 * shipped: plain SQL, imports nothing (the outbox triggers are written out).
 */
export const recalls: Migration = {
  version: 18,
  name: 'recalls',
  up(db) {
    db.exec(`
      CREATE TABLE recall_campaigns (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        data_json TEXT NOT NULL,
        change_no INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE ticket_recalls (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        campaign_id TEXT NOT NULL,
        campaign_code TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        matched_by TEXT NOT NULL CHECK (matched_by IN ('imei', 'serial', 'model')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users(id),
        UNIQUE (ticket_id, campaign_id)
      ) STRICT;
      CREATE INDEX ticket_recalls_campaign ON ticket_recalls (campaign_id, device_id);
      CREATE TRIGGER outbox_ticket_recalls_insert AFTER INSERT ON ticket_recalls
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('ticket_recalls', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_ticket_recalls_update AFTER UPDATE ON ticket_recalls
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('ticket_recalls', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_ticket_recalls_delete AFTER DELETE ON ticket_recalls
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('ticket_recalls', OLD.id, 'delete'); END;
    `);
  },
};
