import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from './triggers';

/**
 * The bench: diagnoses, quotes (every version kept) and their lines with the warranty
 * decision and payer split, customer authorizations and declines, time logs, QC results, 三包
 * outcomes, the per-ticket bench state, and the price list (head office's once enrolled,
 * so not synced up). Shop-owned tables are synced; records of what happened are append-only.
 */
export const bench: Migration = {
  version: 7,
  name: 'bench',
  up(db) {
    db.exec(`
      CREATE TABLE price_list_items (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('labor', 'fee')),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
        diagnosis_fee INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'hq')),
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;
      CREATE INDEX price_list_category ON price_list_items(category, kind, code);

      -- the bench's state of a ticket beside the intake row: one row per ticket that reached the bench
      CREATE TABLE bench_tickets (
        ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
        outcome TEXT CHECK (outcome IN ('repaired', 'not_repaired', 'exchanged', 'refunded')),
        parts_expected TEXT,
        performance_fault INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE diagnoses (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        cause TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        findings_json TEXT NOT NULL DEFAULT '[]',
        performance_fault INTEGER NOT NULL DEFAULT 0,
        parts_needed_json TEXT NOT NULL DEFAULT '[]',
        photo_ids_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX diagnoses_ticket ON diagnoses(ticket_id, id);

      CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        version INTEGER NOT NULL,
        subtotal_fen INTEGER NOT NULL CHECK (subtotal_fen >= 0),
        customer_fen INTEGER NOT NULL CHECK (customer_fen >= 0),
        maker_fen INTEGER NOT NULL CHECK (maker_fen >= 0),
        shop_fen INTEGER NOT NULL CHECK (shop_fen >= 0),
        extended_warranty_fen INTEGER NOT NULL CHECK (extended_warranty_fen >= 0),
        insurer_fen INTEGER NOT NULL CHECK (insurer_fen >= 0),
        discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
        customer_total_fen INTEGER NOT NULL CHECK (customer_total_fen >= 0),
        discount_reason TEXT NOT NULL DEFAULT '',
        discount_approved_by TEXT REFERENCES users(id),
        estimated_completion TEXT,
        note TEXT NOT NULL DEFAULT '',
        policy_id TEXT,
        policy_version TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        UNIQUE (ticket_id, version)
      ) STRICT;

      CREATE TABLE quote_lines (
        id TEXT PRIMARY KEY,
        quote_id TEXT NOT NULL REFERENCES quotes(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labor', 'fee', 'part', 'custom')),
        price_item_id TEXT,
        part_id TEXT,
        sku TEXT,
        description TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        qty INTEGER NOT NULL CHECK (qty >= 1),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        warranty_part TEXT,
        customer_fen INTEGER NOT NULL CHECK (customer_fen >= 0),
        maker_fen INTEGER NOT NULL CHECK (maker_fen >= 0),
        shop_fen INTEGER NOT NULL CHECK (shop_fen >= 0),
        extended_warranty_fen INTEGER NOT NULL CHECK (extended_warranty_fen >= 0),
        insurer_fen INTEGER NOT NULL CHECK (insurer_fen >= 0),
        status TEXT NOT NULL,
        coverage TEXT NOT NULL,
        end_date TEXT,
        reasons_json TEXT NOT NULL DEFAULT '[]',
        CHECK (customer_fen + maker_fen + shop_fen + extended_warranty_fen + insurer_fen = amount_fen)
      ) STRICT;
      CREATE INDEX quote_lines_quote ON quote_lines(quote_id, position);

      CREATE TABLE authorizations (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        quote_id TEXT NOT NULL REFERENCES quotes(id),
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
        method TEXT NOT NULL CHECK (method IN ('signature', 'phone', 'paper', 'intake_consent')),
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
        recorded_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX authorizations_ticket ON authorizations(ticket_id, id);

      CREATE TABLE time_logs (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        -- who did the work: the credit is theirs, whoever typed it in
        user_id TEXT NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
        entered INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX time_logs_ticket ON time_logs(ticket_id, started_at);
      CREATE INDEX time_logs_user ON time_logs(user_id, started_at);
      CREATE UNIQUE INDEX time_logs_running ON time_logs(user_id) WHERE ended_at IS NULL;

      CREATE TABLE qc_results (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        passed INTEGER NOT NULL,
        items_json TEXT NOT NULL,
        data_handling TEXT NOT NULL CHECK (data_handling IN ('preserved', 'wiped')),
        passcode_erased INTEGER NOT NULL DEFAULT 0,
        fail_reason TEXT NOT NULL DEFAULT '',
        checked_by TEXT REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX qc_results_ticket ON qc_results(ticket_id, id);

      CREATE TABLE sanbao_outcomes (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        option TEXT NOT NULL CHECK (option IN ('exchange', 'return')),
        purchase_price_fen INTEGER NOT NULL CHECK (purchase_price_fen >= 0),
        days_used INTEGER NOT NULL DEFAULT 0,
        depreciation_fen INTEGER NOT NULL DEFAULT 0 CHECK (depreciation_fen >= 0),
        refund_fen INTEGER NOT NULL DEFAULT 0 CHECK (refund_fen >= 0),
        old_imei TEXT,
        old_serial TEXT,
        new_imei TEXT,
        new_serial TEXT,
        exchange_date TEXT,
        approved_by TEXT REFERENCES users(id),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX sanbao_outcomes_ticket ON sanbao_outcomes(ticket_id);

      -- after a 三包 exchange the warranty restarts from this date (warranty engine: device.exchangeDate)
      ALTER TABLE devices ADD COLUMN exchange_date TEXT;
    `);
    for (const t of ['diagnoses', 'quotes', 'quote_lines', 'authorizations', 'time_logs', 'qc_results', 'sanbao_outcomes']) makeSynced(db, t);
    makeSynced(db, 'bench_tickets', 'ticket_id');
    for (const t of ['diagnoses', 'quotes', 'quote_lines', 'authorizations', 'qc_results', 'sanbao_outcomes']) makeAppendOnly(db, t);
  },
};
