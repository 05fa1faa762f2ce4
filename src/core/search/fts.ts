/**
 * The search indexes as the schema has them today (created by migration 3, which keeps its own
 * frozen copy): trigram FTS5 (substring match from 3 characters) over names, models,
 * IMEIs/serials and fault text. Contentless (the text lives in its table already) and keyed by
 * each table's integer `n`, which, unlike an implicit rowid, VACUUM never renumbers. Triggers
 * keep them current; the seed drops the triggers, bulk-loads, then rebuilds with
 * `rebuildSearchIndex`. A migration that changes the triggers changes this copy too.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const FTS_TRIGGERS_SQL = `
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

export const FTS_TRIGGER_NAMES = [...FTS_TRIGGERS_SQL.matchAll(/CREATE TRIGGER (\w+)/g)].map((m) => m[1]!);

/** Refills the three search indexes from their tables (after a bulk load). */
export function rebuildSearchIndex(db: BetterSqlite3.Database): void {
  db.exec(`
    DELETE FROM customers_fts; DELETE FROM devices_fts; DELETE FROM tickets_fts;
    INSERT INTO customers_fts (rowid, name, company) SELECT n, name, company FROM customers;
    INSERT INTO devices_fts (rowid, label, codes) SELECT n, brand || ' ' || model, concat_ws(' ', imei, imei2, serial) FROM devices;
    INSERT INTO tickets_fts (rowid, fault) SELECT n, fault_text FROM tickets;
    INSERT INTO customers_fts (customers_fts) VALUES ('optimize');
    INSERT INTO devices_fts (devices_fts) VALUES ('optimize');
    INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize');
  `);
}
