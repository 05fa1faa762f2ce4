import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from './triggers';

/**
 * The search indexes: trigram FTS5 over names, models, IMEIs/serials and fault text, kept by
 * these triggers (today's copy, with the bulk rebuild, is src/core/search/fts.ts).
 */
const FTS_TRIGGERS_SQL = `
  CREATE TRIGGER customers_fts_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts (rowid, name, company) VALUES (NEW.n, NEW.name, NEW.company);
  END;
  CREATE TRIGGER customers_fts_au AFTER UPDATE OF name, company ON customers BEGIN
    DELETE FROM customers_fts WHERE rowid = OLD.n;
    INSERT INTO customers_fts (rowid, name, company) VALUES (NEW.n, NEW.name, NEW.company);
  END;
  CREATE TRIGGER customers_fts_ad AFTER DELETE ON customers BEGIN
    DELETE FROM customers_fts WHERE rowid = OLD.n;
  END;

  CREATE TRIGGER devices_fts_ai AFTER INSERT ON devices BEGIN
    INSERT INTO devices_fts (rowid, label, codes)
    VALUES (NEW.n, NEW.brand || ' ' || NEW.model, concat_ws(' ', NEW.imei, NEW.imei2, NEW.serial));
  END;
  CREATE TRIGGER devices_fts_au AFTER UPDATE OF brand, model, imei, imei2, serial ON devices BEGIN
    DELETE FROM devices_fts WHERE rowid = OLD.n;
    INSERT INTO devices_fts (rowid, label, codes)
    VALUES (NEW.n, NEW.brand || ' ' || NEW.model, concat_ws(' ', NEW.imei, NEW.imei2, NEW.serial));
  END;
  CREATE TRIGGER devices_fts_ad AFTER DELETE ON devices BEGIN
    DELETE FROM devices_fts WHERE rowid = OLD.n;
  END;

  CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, fault) VALUES (NEW.n, NEW.fault_text);
  END;
  CREATE TRIGGER tickets_fts_au AFTER UPDATE OF fault_text ON tickets BEGIN
    DELETE FROM tickets_fts WHERE rowid = OLD.n;
    INSERT INTO tickets_fts (rowid, fault) VALUES (NEW.n, NEW.fault_text);
  END;
  CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN
    DELETE FROM tickets_fts WHERE rowid = OLD.n;
  END;
`;

/** Customers, devices and their owners, tickets with their event stream, attachments, search. */
export const intake: Migration = {
  version: 3,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE customers (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        -- the name reversed: a two-character search matches the end of a name by index
        name_rev TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        preferred_contact TEXT NOT NULL DEFAULT 'phone' CHECK (preferred_contact IN ('phone', 'sms', 'wechat', 'any')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customers_name ON customers(name);
      CREATE INDEX customers_name_rev ON customers(name_rev);

      CREATE TABLE customer_phones (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        position INTEGER NOT NULL,
        e164 TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('mobile', 'landline')),
        -- the local way of writing it (138 0013 8000), so lists need not re-parse numbers
        display TEXT NOT NULL,
        -- national digits reversed: "last 4 digits" is an index prefix range, not a scan
        digits_rev TEXT NOT NULL
      ) STRICT;
      CREATE INDEX customer_phones_customer ON customer_phones(customer_id, position);
      CREATE INDEX customer_phones_e164 ON customer_phones(e164, customer_id);
      CREATE INDEX customer_phones_rev ON customer_phones(digits_rev, customer_id);

      CREATE TABLE devices (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL,
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        imei TEXT,
        imei2 TEXT,
        serial TEXT,
        colour TEXT NOT NULL DEFAULT '',
        purchase_date TEXT,
        proof_kind TEXT NOT NULL DEFAULT 'none' CHECK (proof_kind IN ('invoice', 'receipt', 'none')),
        invoice_no TEXT NOT NULL DEFAULT '',
        invoice_date TEXT,
        seller TEXT NOT NULL DEFAULT '',
        factory_date TEXT,
        -- the price on the invoice, in fen: 三包 refunds and replace-instead-of-repair fees are shares of it
        purchase_price_fen INTEGER CHECK (purchase_price_fen IS NULL OR purchase_price_fen >= 0),
        owner_customer_id TEXT REFERENCES customers(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX devices_imei ON devices(imei) WHERE imei IS NOT NULL;
      CREATE INDEX devices_imei2 ON devices(imei2) WHERE imei2 IS NOT NULL;
      CREATE INDEX devices_serial ON devices(serial) WHERE serial IS NOT NULL;
      CREATE INDEX devices_owner ON devices(owner_customer_id);
      CREATE INDEX devices_model ON devices(model COLLATE NOCASE);
      CREATE INDEX devices_brand ON devices(brand COLLATE NOCASE);

      -- who owned a device from when: a row per change of hands, never rewritten
      CREATE TABLE device_owners (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        customer_id TEXT NOT NULL REFERENCES customers(id),
        at TEXT NOT NULL,
        ticket_id TEXT
      ) STRICT;
      CREATE INDEX device_owners_device ON device_owners(device_id, at);

      -- the last ticket sequence per shop and month ('SZ01-2611'), bumped in the intake's transaction
      CREATE TABLE ticket_counters (
        key TEXT PRIMARY KEY,
        last_seq INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE tickets (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        number TEXT NOT NULL UNIQUE,
        yymm TEXT NOT NULL,
        seq INTEGER NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        -- the to_status of the last event, kept in the same transaction for fast lists
        status TEXT NOT NULL CHECK (status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready', 'collected', 'cancelled')),
        status_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT REFERENCES users(id),
        promised_date TEXT NOT NULL,
        service_type TEXT NOT NULL CHECK (service_type IN ('carry_in', 'mail_in', 'on_site')),
        service_json TEXT NOT NULL,
        fault_text TEXT NOT NULL,
        fault_codes_json TEXT NOT NULL DEFAULT '[]',
        condition_json TEXT NOT NULL,
        accessories_json TEXT NOT NULL,
        -- 'given' (ciphertext below), 'declined', 'none' (no lock) or 'erased'
        passcode_state TEXT NOT NULL CHECK (passcode_state IN ('given', 'declined', 'none', 'erased')),
        passcode_kind TEXT CHECK (passcode_kind IN ('pin', 'password', 'pattern')),
        passcode_cipher BLOB,
        passcode_erased_at TEXT,
        data_loss_ack INTEGER NOT NULL CHECK (data_loss_ack = 1),
        deposit_fen INTEGER NOT NULL DEFAULT 0 CHECK (deposit_fen >= 0),
        deposit_note TEXT NOT NULL DEFAULT '',
        technician_id TEXT REFERENCES users(id),
        findings_json TEXT NOT NULL DEFAULT '[]',
        warranty_claimed INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tickets_status ON tickets(status, id);
      CREATE INDEX tickets_status_at ON tickets(status, status_at);
      -- promises still being worked on (the overdue list); only open tickets are in it
      CREATE INDEX tickets_open_promised ON tickets(promised_date) WHERE status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc');
      CREATE INDEX tickets_technician ON tickets(technician_id, status, id);
      CREATE INDEX tickets_customer ON tickets(customer_id, id);
      CREATE INDEX tickets_device ON tickets(device_id, id);
      CREATE INDEX tickets_seq ON tickets(seq, yymm);

      CREATE TABLE ticket_events (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        from_status TEXT CHECK (from_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready', 'collected', 'cancelled')),
        to_status TEXT CHECK (to_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready', 'collected', 'cancelled')),
        -- no CHECK on kind: later capabilities add event kinds (diagnosis, quote, qc…) and
        -- SQLite cannot alter a CHECK without rebuilding this, the largest table
        kind TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        data_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        ticket_id TEXT REFERENCES tickets(id),
        name TEXT NOT NULL DEFAULT '',
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX attachments_ticket ON attachments(ticket_id);

      CREATE VIRTUAL TABLE customers_fts USING fts5(name, company, tokenize = 'trigram', content = '', contentless_delete = 1);
      CREATE VIRTUAL TABLE devices_fts USING fts5(label, codes, tokenize = 'trigram', content = '', contentless_delete = 1);
      CREATE VIRTUAL TABLE tickets_fts USING fts5(fault, tokenize = 'trigram', content = '', contentless_delete = 1);
    `);
    db.exec(FTS_TRIGGERS_SQL);
    for (const t of ['customers', 'customer_phones', 'devices', 'device_owners', 'tickets', 'ticket_events', 'attachments']) makeSynced(db, t);
    makeSynced(db, 'ticket_counters', 'key');
    makeAppendOnly(db, 'ticket_events');
    makeAppendOnly(db, 'device_owners');
  },
};
