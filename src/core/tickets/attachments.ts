import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { MAX_THUMB_BYTES } from '../../shared/tickets/schemas';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';

/*
 * Photos and signatures (migration 13): the metadata, the hash and a small thumbnail live in
 * `attachments`; the image bytes live once per distinct picture in `attachment_blobs`, keyed by
 * their SHA-256. Listing reads `attachments` only; the bytes are read when a picture is opened
 * or printed.
 */

export interface AttachmentIn {
  name: string;
  mime: string;
  bytes: Buffer;
  caption: string;
  /** A small JPEG for lists, checked with thumbOf. */
  thumb?: Buffer | null;
}

/** The thumbnail a client sent, decoded: null when none, 'invalid' when it is no small JPEG. */
export function thumbOf(base64: string | undefined): Buffer | null | 'invalid' {
  if (base64 === undefined) return null;
  const b = Buffer.from(base64, 'base64');
  // A JPEG starts with SOI (FF D8) and a marker (FF); anything else would not show in a list.
  if (b.length < 4 || b.length > MAX_THUMB_BYTES || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return 'invalid';
  return b;
}

export function insertAttachment(ctx: Ctx, ticketId: string | null, a: AttachmentIn): string {
  const id = ctx.newId();
  const sha256 = crypto.createHash('sha256').update(a.bytes).digest('hex');
  // The same picture twice (a re-sent photo, the same signature) is stored once.
  prepared(ctx.sqlite, `INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?, ?, ?)`).run(sha256, a.bytes.length, a.bytes);
  prepared(
    ctx.sqlite,
    `INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, caption, created_at, created_by, thumb) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ticketId, a.name, a.mime, a.bytes.length, sha256, a.caption, ctx.nowIso(), ctx.session?.userId ?? null, a.thumb ?? null);
  return id;
}

const META = `id, ticket_id, name, mime, size, sha256, caption, created_at, thumb`;
type MetaRow = { id: string; ticket_id: string | null; name: string; mime: string; size: number; sha256: string; caption: string; created_at: string; thumb: Buffer | null };
const toMeta = (r: MetaRow) => ({
  id: r.id,
  ticketId: r.ticket_id,
  name: r.name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  caption: r.caption,
  createdAt: r.created_at,
  thumbUrl: r.thumb ? `data:image/jpeg;base64,${r.thumb.toString('base64')}` : null,
});

/** A ticket's attachments for lists: metadata and thumbnails, never the image bytes. */
export function attachmentsOf(sqlite: Database.Database, ticketId: string) {
  return statement<MetaRow>(sqlite, `SELECT ${META} FROM attachments WHERE ticket_id = ? ORDER BY id`).all(ticketId).map(toMeta);
}

/** One attachment with its bytes (opening a photo, printing a signature). */
export function loadAttachment(sqlite: Database.Database, id: string) {
  const r = statement<MetaRow>(sqlite, `SELECT ${META} FROM attachments WHERE id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'attachment', id } });
  const blob = statement<{ bytes: Buffer }, [string]>(sqlite, `SELECT bytes FROM attachment_blobs WHERE sha256 = ?`).get(r.sha256);
  if (!blob) throw new AppError('NOT_FOUND', { details: { entity: 'attachment_blob', id, sha256: r.sha256 } });
  return { ...toMeta(r), dataBase64: blob.bytes.toString('base64') };
}
