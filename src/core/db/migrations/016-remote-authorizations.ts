import type { Migration } from './types';

/**
 * Approval from the phone (issue 20 point 2): an authorization may now be of method "remote" —
 * the customer decided on head office's status page after a one-time code sent to the ticket's
 * phone — and records head office's decision id (once: a pull applied twice records it once) and
 * the phone's address. SQLite cannot change a CHECK in place, so the table is rebuilt: copied,
 * dropped, renamed, and its index, outbox and append-only triggers written again. Nothing
 * references authorizations, and the copy runs before the new triggers exist, so the outbox gets
 * no rows for it. Frozen once shipped: plain SQL, imports nothing.
 */
export const remoteAuthorizations: Migration = {
  version: 16,
  name: 'remote-authorizations',
  up(db) {
    db.exec(`
      CREATE TABLE authorizations_copy AS SELECT * FROM authorizations;
      DROP TABLE authorizations;
      CREATE TABLE authorizations (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        quote_id TEXT NOT NULL REFERENCES quotes(id),
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
        method TEXT NOT NULL CHECK (method IN ('signature', 'phone', 'paper', 'intake_consent', 'remote')),
        total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
        cap_fen INTEGER CHECK (cap_fen >= 0),
        signer_name TEXT NOT NULL DEFAULT '',
        attachment_id TEXT REFERENCES attachments(id),
        phone_number TEXT NOT NULL DEFAULT '',
        called_at TEXT,
        customer_words TEXT NOT NULL DEFAULT '',
        fee_fen INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
        fee_waived_by TEXT REFERENCES users(id),
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users(id),
        remote_id TEXT UNIQUE,
        client_address TEXT NOT NULL DEFAULT '',
        CHECK ((method = 'remote') = (remote_id IS NOT NULL))
      ) STRICT;
      INSERT INTO authorizations (id, ticket_id, quote_id, decision, method, total_fen, cap_fen, signer_name, attachment_id, phone_number, called_at,
        customer_words, fee_fen, fee_waived_by, note, recorded_at, recorded_by)
      SELECT id, ticket_id, quote_id, decision, method, total_fen, cap_fen, signer_name, attachment_id, phone_number, called_at,
        customer_words, fee_fen, fee_waived_by, note, recorded_at, recorded_by FROM authorizations_copy;
      DROP TABLE authorizations_copy;
      CREATE INDEX authorizations_ticket ON authorizations(ticket_id, id);
      CREATE TRIGGER outbox_authorizations_insert AFTER INSERT ON authorizations
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('authorizations', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_authorizations_update AFTER UPDATE ON authorizations
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('authorizations', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_authorizations_delete AFTER DELETE ON authorizations
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('authorizations', OLD.id, 'delete'); END;
      CREATE TRIGGER authorizations_no_update BEFORE UPDATE ON authorizations
      BEGIN SELECT RAISE(ABORT, 'authorizations is append-only'); END;
      CREATE TRIGGER authorizations_no_delete BEFORE DELETE ON authorizations
      BEGIN SELECT RAISE(ABORT, 'authorizations is append-only'); END;
    `);
  },
};
