import type { Migration } from './types';

/**
 * Status links (issue 20 point 1): the customer's way to the status page at head office, from
 * the intake receipt's QR code and the messages. A link is a random secret; the synced row's id
 * is the secret's SHA-256 in hex, so head office finds a link by hashing what the phone sends
 * and a copy of head office's database opens no page. The secret stays in the shop (not
 * synced): a reprint puts the same link in its QR. Revoking sets revoked_at; a new link is a
 * new row. Frozen once shipped: plain SQL, imports nothing (the outbox triggers are written out).
 */
export const statusLinks: Migration = {
  version: 15,
  name: 'status-links',
  up(db) {
    db.exec(`
      CREATE TABLE status_links (
        id TEXT PRIMARY KEY CHECK (length(id) = 64),
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        revoked_at TEXT,
        revoked_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX status_links_ticket ON status_links (ticket_id);
      CREATE TABLE status_secrets (
        link_id TEXT PRIMARY KEY REFERENCES status_links(id),
        secret TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER outbox_status_links_insert AFTER INSERT ON status_links
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('status_links', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_status_links_update AFTER UPDATE ON status_links
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('status_links', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_status_links_delete AFTER DELETE ON status_links
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('status_links', OLD.id, 'delete'); END;
    `);
  },
};
