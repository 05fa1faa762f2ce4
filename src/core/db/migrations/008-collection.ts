import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from './triggers';

/**
 * Collection: payments (append-only; a mistake is reversed by a new row, never edited), the
 * hand-back record with its identity check and settlement, warranty claims and their lines,
 * and daily closes. All shop-owned, so synced to head office.
 *
 * payments.amount_fen is signed: deposits and settlements positive, refunds and voids negative,
 * so SUM(amount_fen) is the money actually taken (by tender, by day, by ticket). For cash,
 * received_fen − amount_fen = change_fen was handed back and is not part of the amount.
 */
export const collection: Migration = {
  version: 8,
  name: 'collection',
  up(db) {
    db.exec(`
      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        collection_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'settlement', 'refund', 'void')),
        tender TEXT NOT NULL CHECK (tender IN ('cash', 'card', 'wechat', 'alipay', 'transfer')),
        amount_fen INTEGER NOT NULL CHECK ((kind IN ('deposit', 'settlement') AND amount_fen > 0) OR (kind IN ('refund', 'void') AND amount_fen < 0)),
        received_fen INTEGER NOT NULL DEFAULT 0,
        change_fen INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0 AND (change_fen = 0 OR tender = 'cash')),
        reference TEXT NOT NULL DEFAULT '',
        reverses_id TEXT REFERENCES payments(id),
        reason TEXT NOT NULL DEFAULT '',
        approved_by TEXT REFERENCES users(id),
        business_date TEXT NOT NULL,
        at TEXT NOT NULL,
        by_user_id TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX payments_ticket ON payments(ticket_id, id);
      CREATE INDEX payments_day ON payments(business_date, tender);
      CREATE INDEX payments_at ON payments(at);
      CREATE UNIQUE INDEX payments_one_void ON payments(reverses_id) WHERE kind = 'void';

      CREATE TABLE collections (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        identity_method TEXT NOT NULL CHECK (identity_method IN ('phone_last4', 'id_document')),
        pickup_name TEXT NOT NULL DEFAULT '',
        pickup_id_type TEXT NOT NULL DEFAULT '',
        pickup_id_masked TEXT NOT NULL DEFAULT '',
        pickup_relation TEXT NOT NULL DEFAULT '',
        customer_due_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL DEFAULT 0,
        discount_reason TEXT NOT NULL DEFAULT '',
        total_fen INTEGER NOT NULL,
        tax_fen INTEGER NOT NULL DEFAULT 0,
        tax_rate_bp INTEGER NOT NULL DEFAULT 0,
        prices_include_tax INTEGER NOT NULL DEFAULT 1,
        deposit_applied_fen INTEGER NOT NULL DEFAULT 0,
        paid_now_fen INTEGER NOT NULL DEFAULT 0,
        change_fen INTEGER NOT NULL DEFAULT 0,
        refunded_fen INTEGER NOT NULL DEFAULT 0,
        balance_fen INTEGER NOT NULL DEFAULT 0,
        balance_reason TEXT NOT NULL DEFAULT '',
        approved_by TEXT REFERENCES users(id),
        loaner_override INTEGER NOT NULL DEFAULT 0,
        passcode_erased INTEGER NOT NULL DEFAULT 0,
        business_date TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        collected_by TEXT REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX collections_ticket ON collections(ticket_id, id);
      CREATE INDEX collections_day ON collections(business_date);

      CREATE TABLE warranty_claims (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        payer TEXT NOT NULL CHECK (payer IN ('maker', 'extended_warranty', 'insurer')),
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        collection_id TEXT REFERENCES collections(id),
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
        claimed_fen INTEGER NOT NULL CHECK (claimed_fen >= 0),
        approved_fen INTEGER,
        paid_fen INTEGER,
        reject_reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        submitted_at TEXT,
        decided_at TEXT,
        paid_at TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (ticket_id, payer, collection_id)
      ) STRICT;
      CREATE INDEX warranty_claims_batch ON warranty_claims(payer, period, status);

      CREATE TABLE warranty_claim_lines (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES warranty_claims(id),
        position INTEGER NOT NULL,
        quote_line_id TEXT,
        kind TEXT NOT NULL,
        sku TEXT,
        description TEXT NOT NULL,
        qty INTEGER NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        new_serials_json TEXT NOT NULL DEFAULT '[]',
        removed_serial TEXT,
        old_part_id TEXT
      ) STRICT;
      CREATE INDEX warranty_claim_lines_claim ON warranty_claim_lines(claim_id, position);

      CREATE TABLE daily_closes (
        id TEXT PRIMARY KEY,
        business_date TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('shop', 'user')),
        -- '' for the shop's close, so the pair is unique
        user_id TEXT NOT NULL DEFAULT '',
        figures_json TEXT NOT NULL,
        expected_cash_fen INTEGER NOT NULL,
        counted_cash_fen INTEGER NOT NULL,
        difference_fen INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        closed_at TEXT NOT NULL,
        closed_by TEXT REFERENCES users(id),
        UNIQUE (business_date, scope, user_id)
      ) STRICT;
    `);
    // Deposits taken before this capability lived only on the ticket: they become deposit rows
    // (cash, at intake time), so nothing is counted twice from here on.
    const tickets = db.prepare(`SELECT id, deposit_fen, received_at, received_by FROM tickets WHERE deposit_fen > 0`).all() as {
      id: string;
      deposit_fen: number;
      received_at: string;
      received_by: string | null;
    }[];
    if (tickets.length) {
      const row = db.prepare(`SELECT settings_json FROM shop LIMIT 1`).get() as { settings_json: string } | undefined;
      const tz = row ? ((JSON.parse(row.settings_json) as { timeZone?: string }).timeZone ?? 'Asia/Shanghai') : 'Asia/Shanghai';
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
      let at = new Date(0);
      const newId = uuidv7Ids(() => at.getTime());
      const ins = db.prepare(
        `INSERT INTO payments (id, ticket_id, kind, tender, amount_fen, received_fen, business_date, at, by_user_id, reason) VALUES (?, ?, 'deposit', 'cash', ?, ?, ?, ?, ?, 'intake')`,
      );
      for (const t of tickets) {
        at = new Date(t.received_at);
        ins.run(newId(), t.id, t.deposit_fen, t.deposit_fen, day.format(at), t.received_at, t.received_by);
      }
    }
    makeAppendOnly(db, 'payments');
    makeAppendOnly(db, 'daily_closes');
    makeAppendOnly(db, 'collections');
    for (const t of ['payments', 'collections', 'warranty_claims', 'warranty_claim_lines', 'daily_closes']) makeSynced(db, t);
  },
};

/** UUIDv7 ids in time order (a frozen copy of shared/util/ids.ts as of this migration). */
function uuidv7Ids(nowMs: () => number): () => string {
  let lastMs = -1;
  let seq = 0;
  return () => {
    let ms = nowMs();
    if (ms <= lastMs) {
      seq++;
      if (seq > 0xfff) {
        lastMs++;
        seq = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      seq = 0;
    }
    const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
    b[0] = Math.floor(ms / 2 ** 40) & 0xff;
    b[1] = Math.floor(ms / 2 ** 32) & 0xff;
    b[2] = (ms >>> 24) & 0xff;
    b[3] = (ms >>> 16) & 0xff;
    b[4] = (ms >>> 8) & 0xff;
    b[5] = ms & 0xff;
    b[6] = 0x70 | ((seq >>> 8) & 0x0f);
    b[7] = seq & 0xff;
    b[8] = 0x80 | (b[8]! & 0x3f);
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
