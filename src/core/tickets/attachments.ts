import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { Ctx } from '../api/context';
import { prepared } from '../db/statements';

export interface AttachmentIn {
  name: string;
  mime: string;
  bytes: Buffer;
  caption: string;
}

export function insertAttachment(ctx: Ctx, ticketId: string | null, a: AttachmentIn): string {
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, bytes, caption, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ticketId, a.name, a.mime, a.bytes.length, crypto.createHash('sha256').update(a.bytes).digest('hex'), a.bytes, a.caption, ctx.nowIso(), ctx.session?.userId ?? null);
  return id;
}

const META = `id, ticket_id, name, mime, size, sha256, caption, created_at`;
type MetaRow = { id: string; ticket_id: string | null; name: string; mime: string; size: number; sha256: string; caption: string; created_at: string };
const toMeta = (r: MetaRow) => ({ id: r.id, ticketId: r.ticket_id, name: r.name, mime: r.mime, size: r.size, sha256: r.sha256, caption: r.caption, createdAt: r.created_at });

export function attachmentsOf(sqlite: Database.Database, ticketId: string) {
  return (prepared(sqlite, `SELECT ${META} FROM attachments WHERE ticket_id = ? ORDER BY id`).all(ticketId) as MetaRow[]).map(toMeta);
}

export function loadAttachment(sqlite: Database.Database, id: string) {
  const r = prepared(sqlite, `SELECT ${META}, bytes FROM attachments WHERE id = ?`).get(id) as (MetaRow & { bytes: Buffer }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'attachment', id } });
  return { ...toMeta(r), dataBase64: r.bytes.toString('base64') };
}
