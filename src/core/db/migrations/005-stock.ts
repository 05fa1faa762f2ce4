import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from './triggers';

/**
 * Parts stock. The catalog (`parts`) belongs to head office and is not synced up; everything
 * the shop does with parts is synced; the movement ledger is append-only. `stock_balances` is a
 * derived cache of the ledger (kept in the writer's transaction; stock.checkBalances proves it),
 * so it is not synced: head office derives the same from the movements.
 *
 * Ticket ids are plain text without a foreign key: stock rows sync on their own schedule and a
 * bench may issue against a ticket another table has not synced yet; core checks the ticket exists.
 */
export const stock: Migration = {
  version: 5,
  name: 'stock',
  up(db) {
    db.exec(`
      CREATE TABLE parts (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
        barcode TEXT NOT NULL DEFAULT '',
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL,
        -- compatible models, one per line: searched with LIKE (20k parts scan in a few ms)
        models_text TEXT NOT NULL DEFAULT '',
        grade TEXT NOT NULL CHECK (grade IN ('original', 'certified')),
        kind TEXT NOT NULL CHECK (kind IN ('part', 'loaner')),
        serialized INTEGER NOT NULL DEFAULT 0,
        warranty_days INTEGER NOT NULL DEFAULT 90,
        list_price INTEGER NOT NULL,
        cost INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'hq')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parts_barcode ON parts(barcode) WHERE barcode <> '';
      CREATE INDEX parts_category ON parts(category, sku);

      CREATE TABLE stock_settings (
        part_id TEXT PRIMARY KEY REFERENCES parts(id),
        bin TEXT NOT NULL DEFAULT '',
        reorder_point INTEGER NOT NULL DEFAULT 0,
        reorder_qty INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX stock_settings_bin ON stock_settings(bin);

      CREATE TABLE stock_movements (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        part_id TEXT NOT NULL REFERENCES parts(id),
        kind TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'return', 'adjust', 'stocktake', 'transfer_out', 'transfer_in', 'faulty_return', 'loan_out', 'loan_in')),
        qty INTEGER NOT NULL CHECK (qty <> 0),
        unit_cost INTEGER NOT NULL,
        avg_cost_after INTEGER NOT NULL,
        on_hand_after INTEGER NOT NULL,
        ticket_id TEXT,
        serials_json TEXT NOT NULL DEFAULT '[]',
        removed_serial TEXT,
        reason TEXT NOT NULL DEFAULT '',
        supplier TEXT NOT NULL DEFAULT '',
        delivery_note TEXT NOT NULL DEFAULT '',
        counterparty TEXT NOT NULL DEFAULT '',
        ref_id TEXT,
        override INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX stock_movements_part ON stock_movements(part_id, n);
      CREATE INDEX stock_movements_ticket ON stock_movements(ticket_id) WHERE ticket_id IS NOT NULL;
      -- a stocktake posts each part once, a loan goes out and comes back once: by construction
      CREATE UNIQUE INDEX stock_movements_once ON stock_movements(kind, ref_id, part_id)
        WHERE ref_id IS NOT NULL AND kind IN ('stocktake', 'loan_out', 'loan_in');

      CREATE TABLE stock_balances (
        part_id TEXT PRIMARY KEY REFERENCES parts(id),
        on_hand INTEGER NOT NULL DEFAULT 0,
        reserved INTEGER NOT NULL DEFAULT 0,
        avg_cost INTEGER NOT NULL DEFAULT 0,
        last_seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE stock_serials (
        id TEXT PRIMARY KEY,
        part_id TEXT NOT NULL REFERENCES parts(id),
        serial TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_stock', 'issued', 'on_loan', 'faulty', 'transferred', 'written_off')),
        ticket_id TEXT,
        device_id TEXT,
        received_movement_id TEXT NOT NULL,
        last_movement_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (part_id, serial)
      ) STRICT;
      CREATE INDEX stock_serials_serial ON stock_serials(serial);
      CREATE INDEX stock_serials_ticket ON stock_serials(ticket_id) WHERE ticket_id IS NOT NULL;

      CREATE TABLE stock_reservations (
        id TEXT PRIMARY KEY,
        part_id TEXT NOT NULL REFERENCES parts(id),
        ticket_id TEXT NOT NULL,
        quote_id TEXT,
        qty INTEGER NOT NULL CHECK (qty > 0),
        issued_qty INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('open', 'issued', 'released')),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        closed_at TEXT,
        closed_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX stock_reservations_open ON stock_reservations(part_id) WHERE status = 'open';
      CREATE INDEX stock_reservations_ticket ON stock_reservations(ticket_id, status);

      CREATE TABLE stocktakes (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('counting', 'posted', 'cancelled')),
        bins_json TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        posted_at TEXT,
        posted_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE stocktake_lines (
        id TEXT PRIMARY KEY,
        stocktake_id TEXT NOT NULL REFERENCES stocktakes(id),
        part_id TEXT NOT NULL REFERENCES parts(id),
        bin TEXT NOT NULL,
        expected INTEGER NOT NULL,
        unit_cost INTEGER NOT NULL,
        counted INTEGER,
        counted_at TEXT,
        counted_by TEXT REFERENCES users(id),
        UNIQUE (stocktake_id, part_id)
      ) STRICT;
      CREATE INDEX stocktake_lines_bin ON stocktake_lines(stocktake_id, bin);

      CREATE TABLE return_shipments (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        carrier TEXT NOT NULL,
        tracking_no TEXT NOT NULL,
        shipped_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('shipped', 'closed')),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        closed_at TEXT
      ) STRICT;

      CREATE TABLE old_parts (
        id TEXT PRIMARY KEY,
        part_id TEXT REFERENCES parts(id),
        description TEXT NOT NULL DEFAULT '',
        ticket_id TEXT,
        device_id TEXT,
        serial TEXT NOT NULL DEFAULT '',
        replaced_by_serial TEXT,
        source TEXT NOT NULL CHECK (source IN ('device', 'stock')),
        -- the ledger line that took a faulty stock part out (source 'stock'); never written again
        movement_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('in_bin', 'shipped', 'confirmed')),
        shipment_id TEXT REFERENCES return_shipments(id),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        confirmed_at TEXT
      ) STRICT;
      CREATE INDEX old_parts_status ON old_parts(status, created_at);
      CREATE INDEX old_parts_shipment ON old_parts(shipment_id) WHERE shipment_id IS NOT NULL;
      CREATE INDEX old_parts_ticket ON old_parts(ticket_id) WHERE ticket_id IS NOT NULL;

      CREATE TABLE loans (
        id TEXT PRIMARY KEY,
        part_id TEXT NOT NULL REFERENCES parts(id),
        serial_id TEXT NOT NULL REFERENCES stock_serials(id),
        ticket_id TEXT NOT NULL,
        deposit_fen INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('out', 'returned')),
        out_at TEXT NOT NULL,
        out_by TEXT REFERENCES users(id),
        returned_at TEXT,
        returned_by TEXT REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX loans_ticket ON loans(ticket_id, status);
      CREATE INDEX loans_status ON loans(status, out_at);
      -- one loan out per device at a time
      CREATE UNIQUE INDEX loans_serial_out ON loans(serial_id) WHERE status = 'out';
    `);
    makeAppendOnly(db, 'stock_movements');
    for (const t of ['stock_movements', 'stock_serials', 'stock_reservations', 'stocktakes', 'stocktake_lines', 'return_shipments', 'old_parts', 'loans']) {
      makeSynced(db, t);
    }
    makeSynced(db, 'stock_settings', 'part_id');
  },
};
