import type { Migration } from './types';

/**
 * Customer messages (issue 20 point 3): whether the customer agreed to receive text messages about
 * their repairs (个人信息保护法: asked at intake, may refuse, may withdraw later). Every answer is a
 * row — at intake, at the counter, or an opt-out on the status page — and the latest one counts;
 * none means never asked, which sends nothing. Synced: head office sends the messages of an
 * enrolled shop and honours the latest answer. Append-only: what the customer said when stays.
 * Frozen once shipped: plain SQL, imports nothing (the triggers are written out).
 */
export const messageConsents: Migration = {
  version: 17,
  name: 'message-consents',
  up(db) {
    db.exec(`
      CREATE TABLE message_consents (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        ticket_id TEXT REFERENCES tickets(id),
        consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('intake', 'counter', 'status_page')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX message_consents_customer ON message_consents (customer_id, recorded_at);
      CREATE TRIGGER outbox_message_consents_insert AFTER INSERT ON message_consents
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('message_consents', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_message_consents_update AFTER UPDATE ON message_consents
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('message_consents', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_message_consents_delete AFTER DELETE ON message_consents
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('message_consents', OLD.id, 'delete'); END;
      CREATE TRIGGER message_consents_no_update BEFORE UPDATE ON message_consents
      BEGIN SELECT RAISE(ABORT, 'message_consents is append-only'); END;
      CREATE TRIGGER message_consents_no_delete BEFORE DELETE ON message_consents
      BEGIN SELECT RAISE(ABORT, 'message_consents is append-only'); END;
    `);
  },
};
