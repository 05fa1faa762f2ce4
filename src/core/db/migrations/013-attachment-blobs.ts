import type { Migration } from './types';

/*
 * SHA-256 written out here (FIPS 180-4) so the migration stays self-contained: a frozen
 * migration imports nothing, not even node:crypto, and SQLite has no hash function built in.
 * It runs once per existing attachment at upgrade; the app itself hashes with node:crypto.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function sha256Hex(data: Uint8Array): string {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const padded = new Uint8Array((((data.length + 9 + 63) >> 6) << 6));
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(padded.length - 4, (data.length << 3) >>> 0);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!, b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e! >>> 6) | (e! << 26)) ^ ((e! >>> 11) | (e! << 21)) ^ ((e! >>> 25) | (e! << 7));
      const t1 = (hh! + S1 + ((e! & f!) ^ (~e! & g!)) + K[i]! + w[i]!) >>> 0;
      const S0 = ((a! >>> 2) | (a! << 30)) ^ ((a! >>> 13) | (a! << 19)) ^ ((a! >>> 22) | (a! << 10));
      const t2 = (S0 + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      hh = g; g = f; f = e; e = (d! + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0]! += a!; h[1]! += b!; h[2]! += c!; h[3]! += d!; h[4]! += e!; h[5]! += f!; h[6]! += g!; h[7]! += hh!;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * Photos and signatures apart from the main tables (issue 16 point 6, issue 22 point 1).
 * Frozen: plain SQL and the hash above, imports nothing from the app.
 *
 * `attachment_blobs` holds each distinct image once, keyed by the SHA-256 of its bytes (two
 * attachments of the same picture share one row); `attachments` keeps the metadata, the hash and
 * a small JPEG thumbnail for lists, so listing a ticket's photos never reads an image. The blobs
 * are synced (head office keeps the pictures for claims and for a restore from head office),
 * keyed by their hash: their outbox triggers are written out here with the same shape as every
 * other synced table's. Blobs never change (a hash names its bytes): updates are refused.
 *
 * Existing rows: each attachment's hash is recomputed from its bytes (a stored hash is not
 * trusted to name them, and deduplication must never merge two different pictures), the bytes
 * move to `attachment_blobs`, the column is dropped, and every attachment is queued for sync
 * again so head office replaces its copy (which still carries the bytes) with the new shape.
 */
export const attachmentBlobs: Migration = {
  version: 13,
  name: 'attachment-blobs',
  up(db) {
    db.function('fixpoint_sha256_013', { deterministic: true }, (bytes: unknown) => sha256Hex(bytes as Uint8Array));
    db.exec(`
      CREATE TABLE attachment_blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT;

      CREATE TRIGGER outbox_attachment_blobs_insert AFTER INSERT ON attachment_blobs
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('attachment_blobs', NEW.sha256, 'upsert'); END;
      CREATE TRIGGER outbox_attachment_blobs_update AFTER UPDATE ON attachment_blobs
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('attachment_blobs', NEW.sha256, 'upsert'); END;
      CREATE TRIGGER outbox_attachment_blobs_delete AFTER DELETE ON attachment_blobs
      BEGIN INSERT INTO outbox (table_name, row_id, op) VALUES ('attachment_blobs', OLD.sha256, 'delete'); END;
      CREATE TRIGGER attachment_blobs_no_update BEFORE UPDATE ON attachment_blobs
      BEGIN SELECT RAISE(ABORT, 'attachment_blobs is append-only'); END;

      UPDATE attachments SET sha256 = fixpoint_sha256_013(bytes) WHERE sha256 IS NOT fixpoint_sha256_013(bytes);
      INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) SELECT sha256, length(bytes), bytes FROM attachments ORDER BY id;
    `);
    // DROP COLUMN re-checks every trigger of the schema, and SQLite's checker cannot resolve the
    // alias of `UPDATE report_facts AS r` inside the report triggers (migrations 9–10), though
    // they run fine. So the triggers step aside for the one statement and come back with their
    // exact SQL (none of them names the dropped column).
    const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.exec(`ALTER TABLE attachments DROP COLUMN bytes`);
    for (const t of triggers) db.exec(t.sql);
    db.exec(`
      ALTER TABLE attachments ADD COLUMN thumb BLOB;
      UPDATE attachments SET size = (SELECT b.size FROM attachment_blobs b WHERE b.sha256 = attachments.sha256) WHERE size IS NOT (SELECT b.size FROM attachment_blobs b WHERE b.sha256 = attachments.sha256);
      CREATE INDEX attachments_sha256 ON attachments(sha256);
      INSERT INTO outbox (table_name, row_id, op) SELECT 'attachments', id, 'upsert' FROM attachments ORDER BY id;
    `);
  },
};
