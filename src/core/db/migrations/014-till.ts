import type { Migration } from './types';

/**
 * The till (issue 19 point 10): cash that enters or leaves a drawer without a ticket — the
 * opening float (备用金) put in at the start of the day, paid-outs (支出: a courier, a cable
 * bought next door) and cash drops (投库: notes taken to the safe or the bank). Each row says
 * who, when and why; the daily close counts them into the expected cash. Append-only like the
 * payments (a mistake is corrected by a new row), synced to head office.
 * Frozen once shipped: plain SQL, imports nothing (the outbox triggers are written out here).
 */
export const till: Migration = {
  version: 14,
  name: 'till',
  up(db) {
    db.exec(`
      CREATE TABLE cash_movements (
        id TEXT PRIMARY KEY,
        business_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('float', 'payout', 'drop')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        -- whose drawer: the person who recorded it, as for payments
        by_user_id TEXT NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_by_date ON cash_movements (business_date, by_user_id);
      CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;
      CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;
      CREATE TRIGGER outbox_cash_movements_insert AFTER INSERT ON cash_movements
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('cash_movements', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_cash_movements_update AFTER UPDATE ON cash_movements
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('cash_movements', NEW.id, 'upsert'); END;
      CREATE TRIGGER outbox_cash_movements_delete AFTER DELETE ON cash_movements
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('cash_movements', OLD.id, 'delete'); END;
    `);
  },
};
