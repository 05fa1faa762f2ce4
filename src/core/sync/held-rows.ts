import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../db/statements';

/**
 * Rows head office still holds in the shape of an older shop schema (it accepts the schema
 * before the current one, and a shop may have died before its upgraded rows were sent), brought
 * to this schema's shape as a restore from head office writes them. Each change says which rows
 * must go back to head office in the new shape.
 *
 * Schema 13 moved attachment bytes out of `attachments` into `attachment_blobs` (content-
 * addressed by SHA-256): a held attachment that still carries `bytes` gets its blob written here
 * and is stored without them.
 */
export function upgradeHeldRow(
  sqlite: BetterSqlite3.Database,
  table: string,
  row: Record<string, unknown>,
): { row: Record<string, unknown>; resend: { table: string; id: string }[] } {
  if (table === 'attachments' && Buffer.isBuffer(row.bytes)) {
    const { bytes, ...rest } = row as Record<string, unknown> & { bytes: Buffer };
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    prepared(sqlite, `INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?, ?, ?)`).run(sha256, bytes.length, bytes);
    return {
      row: { ...rest, sha256, size: bytes.length },
      resend: [
        { table: 'attachment_blobs', id: sha256 },
        { table: 'attachments', id: String(row.id) },
      ],
    };
  }
  return { row, resend: [] };
}
